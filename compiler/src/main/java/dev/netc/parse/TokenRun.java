package dev.netc.parse;

import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.CommonToken;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenSource;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.Interval;

/**
 * The parser's view of a run of whole top-level statements of a lexed file: its tokens on the
 * default channel, then an end of file. The tokens are the file's own, shared and never changed
 * (unlike a {@code CommonTokenStream} over them, which renumbers what it reads), so that runs of
 * one file can be parsed on several threads at once; their offsets, lines and columns are the
 * file's. Only the fast path parses runs: it stops at the first syntax error, so what a run
 * cannot give (the hidden tokens, the tokens before it) no error message ever asks for.
 */
final class TokenRun implements TokenStream {
    private final Token[] visible;
    /** The last visible token before the run, for {@code LT(-1)} at its start (the parser's {@code sameLine}). */
    private final Token before;

    private final Token end;
    private int position;

    /**
     * @param tokens every token of the file, as lexed, ending with its end of file
     * @param from the index of the run's first token
     * @param to the index after its last: the next run's first token, or the end of file
     */
    TokenRun(List<Token> tokens, int from, int to) {
        List<Token> onChannel = new ArrayList<>(to - from);
        for (Token token : tokens.subList(from, to)) {
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                onChannel.add(token);
            }
        }
        this.visible = onChannel.toArray(new Token[0]);
        Token previous = null;
        for (int i = from - 1; i >= 0 && previous == null; i--) {
            previous = tokens.get(i).getChannel() == Token.DEFAULT_CHANNEL ? tokens.get(i) : null;
        }
        this.before = previous;
        this.end = endAt(tokens.get(to));
    }

    /** An end of file where {@code next} starts (the file's own one at its end). */
    private static Token endAt(Token next) {
        if (next.getType() == Token.EOF) {
            return next;
        }
        CommonToken end = new CommonToken(next);
        end.setType(Token.EOF);
        end.setText("<EOF>");
        end.setStopIndex(next.getStartIndex() - 1);
        return end;
    }

    @Override
    public Token LT(int k) {
        if (k > 0) {
            int index = position + k - 1;
            return index < visible.length ? visible[index] : end;
        }
        if (k < 0) {
            int index = position + k;
            return index >= 0 ? visible[index] : index == -1 ? before : null;
        }
        return null;
    }

    @Override
    public int LA(int i) {
        Token token = LT(i);
        return token == null ? Token.INVALID_TYPE : token.getType();
    }

    @Override
    public void consume() {
        if (position >= visible.length) {
            throw new IllegalStateException("cannot consume EOF");
        }
        position++;
    }

    @Override
    public Token get(int index) {
        return index < visible.length ? visible[index] : end;
    }

    @Override
    public int index() {
        return position;
    }

    @Override
    public void seek(int index) {
        position = Math.min(index, visible.length);
    }

    @Override
    public int size() {
        return visible.length + 1;
    }

    @Override
    public int mark() {
        return -1; // every token is held: nothing to keep for a mark
    }

    @Override
    public void release(int marker) {}

    @Override
    public TokenSource getTokenSource() {
        return end.getTokenSource();
    }

    @Override
    public String getSourceName() {
        return end.getTokenSource() == null ? "" : end.getTokenSource().getSourceName();
    }

    @Override
    public String getText() {
        return getText(Interval.of(0, visible.length - 1));
    }

    @Override
    public String getText(Interval interval) {
        if (interval.a > interval.b || interval.a >= visible.length) {
            return "";
        }
        return getText(visible[Math.max(0, interval.a)], visible[Math.min(interval.b, visible.length - 1)]);
    }

    @Override
    public String getText(RuleContext context) {
        return context instanceof ParserRuleContext rule ? getText(rule.getStart(), rule.getStop()) : context.getText();
    }

    /** The file's text from the start of one token to the end of another. */
    @Override
    public String getText(Token start, Token stop) {
        if (start == null || stop == null || stop.getStopIndex() < start.getStartIndex()) {
            return "";
        }
        return start.getInputStream().getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    }
}
