package dev.netc.parse;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.source.SourceFile;
import java.util.List;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.WritableToken;

/**
 * A reserved word ({@code allow}, {@code except}, {@code in}, {@code notin}) written where a name
 * goes: {@code namespace allow {}, {@code tier in {}, {@code external except = ...},
 * {@code pods allow=web}. The parser cannot take it for a name, and its recovery then reported
 * errors a line or more later ("is a `}` missing?") that never named the word. Found before the
 * parse of a file that has a syntax error, each is reported at the word, and the word is read as a
 * name from then on, so the rest of the file parses as written.
 */
final class ReservedWordNames {
    private ReservedWordNames() {}

    static void retag(SourceFile source, List<Token> tokens, DiagnosticSink sink) {
        for (int i = 0; i < tokens.size(); i++) {
            Token word = tokens.get(i);
            if (!isReserved(word.getType())) {
                continue;
            }
            Token before = visible(tokens, i, -1);
            Token after = visible(tokens, i, 1);
            String expected = expected(tokens, i, before, after);
            if (expected != null && word instanceof WritableToken writable) {
                boolean labelKey = expected.equals("a label key");
                sink.report(Diagnostic.of(
                                Code.NS0001, Spans.of(source, word), "reserved word `" + word.getText() + "`", expected)
                        .withLabel("reserved")
                        .withHelp("`" + word.getText() + "` starts or separates statements, so it cannot be a name"
                                + (labelKey ? "; quote it: `\"" + word.getText() + "\"`" : ": choose another name")));
                writable.setType(NetSpecLexer.NAME);
            }
        }
    }

    /** What the word stands in place of, or null when it is where the grammar wants it. */
    private static String expected(List<Token> tokens, int at, Token before, Token after) {
        if (before == null
                || after == null
                || before.getLine() != tokens.get(at).getLine()) {
            return null;
        }
        int previous = before.getType();
        int next = after.getType();
        boolean statementStart = startsStatement(tokens, before);
        if (next == NetSpecLexer.LBRACE && isName(previous) && statementStart) {
            return "the name of the `" + before.getText() + "`"; // namespace allow {
        }
        if (next == NetSpecLexer.EQ
                && (previous == NetSpecLexer.EXTERNAL || previous == NetSpecLexer.PORT)
                && statementStart) {
            return "the name of the `" + before.getText() + "`"; // external except = ...
        }
        if (next == NetSpecLexer.COLON && previous == NetSpecLexer.PARAM && statementStart) {
            return "the name of the `param`";
        }
        boolean inSelector = previous == NetSpecLexer.PODS
                || previous == NetSpecLexer.LABELS
                || previous == NetSpecLexer.COMMA
                || previous == NetSpecLexer.BANG;
        if (inSelector && (next == NetSpecLexer.EQ || next == NetSpecLexer.NEQ || previous == NetSpecLexer.BANG)) {
            return "a label key"; // pods allow=web
        }
        return null;
    }

    /** Whether the token is the first of its statement: first on its line, or after `{`, `}` or `;`. */
    private static boolean startsStatement(List<Token> tokens, Token token) {
        Token before = visible(tokens, token.getTokenIndex(), -1);
        if (before == null || before.getLine() != token.getLine()) {
            return true;
        }
        int type = before.getType();
        return type == NetSpecLexer.LBRACE || type == NetSpecLexer.RBRACE || type == NetSpecLexer.SEMI;
    }

    private static boolean isReserved(int type) {
        return SourceTokens.kind(type) == SourceToken.Kind.RESERVED;
    }

    /** A word the grammar takes as a name: NAME or a keyword that doubles as one. */
    private static boolean isName(int type) {
        return SourceTokens.kind(type) == SourceToken.Kind.NAME;
    }

    /** The nearest token on the default channel before ({@code step} -1) or after (1) index {@code at}. */
    private static Token visible(List<Token> tokens, int at, int step) {
        for (int i = at + step; i >= 0 && i < tokens.size(); i += step) {
            Token token = tokens.get(i);
            if (token.getType() == Token.EOF) {
                return null;
            }
            if (token.getChannel() == Token.DEFAULT_CHANNEL) {
                return token;
            }
        }
        return null;
    }
}
