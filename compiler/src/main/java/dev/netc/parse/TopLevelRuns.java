package dev.netc.parse;

import dev.netc.grammar.NetSpecLexer;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.Token;

/**
 * Cuts a lexed file into runs of whole top-level statements, so that a large file is parsed on
 * every processor. A cut is made only at the top level, where the grammar starts a statement
 * whatever came before:
 *
 * <ul>
 *   <li>before {@code allow} (but {@code expect allow}) and {@code expect}: reserved words that
 *       appear nowhere else;
 *   <li>after a closing brace that returns to the top level, before anything but {@code ->} and
 *       {@code :} (which continue a flow after a list of ends in braces; nothing else follows a
 *       closing brace in a statement).
 * </ul>
 *
 * A run that does not parse sends the whole file down the usual path, so a cut never changes
 * what the parser reports.
 */
final class TopLevelRuns {
    /** Fewer tokens than this are not worth a thread: about 60 KB of netspec. */
    static final int MIN_TOKENS = 20_000;

    private TopLevelRuns() {}

    /**
     * At most {@code wanted} runs of about the same length, none shorter than {@code minTokens}
     * but the last; one run, the whole file, when it is small or has no cut.
     *
     * @param tokens the file's tokens as lexed, ending with its end of file
     */
    static List<TokenRun> of(List<Token> tokens, int wanted, int minTokens) {
        int runs = Math.max(1, Math.min(wanted, tokens.size() / minTokens));
        int length = tokens.size() / runs;
        List<TokenRun> result = new ArrayList<>();
        int start = 0;
        int depth = 0;
        int previous = Token.INVALID_TYPE;
        boolean closedTopLevel = false;
        int last = tokens.size() - 1; // the end of file
        for (int i = 0; i < last; i++) {
            Token token = tokens.get(i);
            if (token.getChannel() != Token.DEFAULT_CHANNEL) {
                continue;
            }
            int type = token.getType();
            if (depth == 0
                    && startsStatement(type, previous, closedTopLevel)
                    && i - start >= length
                    && result.size() < runs - 1) {
                result.add(new TokenRun(tokens, start, i));
                start = i;
            }
            closedTopLevel = type == NetSpecLexer.RBRACE && depth == 1;
            previous = type;
            depth = SpecParser.depthAfter(depth, type);
        }
        result.add(new TokenRun(tokens, start, last));
        return result;
    }

    /** Whether a token at the top level starts a statement, after a token of type {@code previous}. */
    private static boolean startsStatement(int type, int previous, boolean afterTopLevelBrace) {
        return type == NetSpecLexer.EXPECT
                || type == NetSpecLexer.ALLOW && previous != NetSpecLexer.EXPECT
                || afterTopLevelBrace && type != NetSpecLexer.ARROW && type != NetSpecLexer.COLON;
    }
}
