package dev.netc.lsp;

import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import java.util.List;
import java.util.stream.Stream;

/**
 * The first tokens of a document's text, as lexing the whole text gives them, for completion,
 * which reads no further than the end of the cursor's line. Lexing a large document whole took
 * about a hundred milliseconds at the first completion after every edit; now the tokens before
 * the line of the edit are kept, and only the text from there to the end of the cursor's line is
 * lexed. (Not during the check: that would hold up the next edit's diagnostics.)
 *
 * <p>Why a kept token is still one of the edited text's: ANTLR's lexer reads on from a token's
 * start while some rule could still match a longer text, then takes the longest match. The rules
 * that match over a line break are white space (it stops at the first other character), block
 * comments (at their closing {@code *}{@code /}; an unterminated one takes the rest of the text)
 * and strings with an escaped line break (at the closing quote or an unescaped line break);
 * every other rule's characters exclude line breaks. So the lexer decides a token from its own
 * characters and those after it up to the first line break at most, and a token that ends before
 * the line break in front of the first changed line was decided by unchanged text. The lexer has
 * no modes: from the end of any token, what it makes of the text depends only on the text that
 * follows, so lexing resumes there (white space after the token included, so that the next token
 * has its {@link SourceToken#newlinesBefore}). The same argument keeps every token of a text cut
 * after a line break that ends before the cut; a token that reaches the cut holds a line break
 * and may go on after it (a block comment, a string), and then the rest of the text is lexed.
 * {@code TokenPrefixTest} compares these tokens, and completion's answers from them, with the
 * whole text's after edits of every kind.
 *
 * @param text the document's text
 * @param tokens the first tokens of the text's (unmodifiable)
 * @param complete every token of the text that starts before this code point offset is in
 *     {@code tokens} ({@link Integer#MAX_VALUE}: all of them are)
 */
record TokenPrefix(String text, List<SourceToken> tokens, int complete) {
    /** Nothing lexed yet. */
    static final TokenPrefix NONE = new TokenPrefix("", List.of(), 0);

    /**
     * The tokens of {@code newText} through the end of the cursor's line at least (all those that
     * start before its end): those of these tokens that are still the new text's, and those lexed
     * after them.
     *
     * @param offset the cursor, in code points, within the text
     */
    TokenPrefix through(String newText, int offset) {
        int cursor = newText.offsetByCodePoints(0, offset);
        int lineEnd = newText.indexOf('\n', cursor);
        int cut = lineEnd < 0 ? Integer.MAX_VALUE : offset + newText.codePointCount(cursor, lineEnd + 1);
        TokenPrefix kept = keptFor(newText);
        return cut <= kept.complete ? kept : kept.lexedTo(lineEnd < 0 ? newText.length() : lineEnd + 1);
    }

    /** These tokens that are also {@code newText}'s: all of them for the same text, else those before the line of its first change. */
    private TokenPrefix keptFor(String newText) {
        if (newText.equals(text)) {
            return this;
        }
        int changedLineStart = newText.lastIndexOf('\n', firstDifference(text, newText) - 1) + 1;
        // a token that ends before the line break in front of that line: the lexer read no further than the line break
        int kept = endingBefore(newText.codePointCount(0, changedLineStart));
        return new TokenPrefix(
                newText,
                tokens.subList(0, kept),
                kept == 0 ? 0 : tokens.get(kept - 1).end());
    }

    /** The first character index where the texts differ: the shorter one's length when it begins the other. */
    private static int firstDifference(String a, String b) {
        int length = Math.min(a.length(), b.length());
        int i = 0;
        while (i < length && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** How many tokens end before the code point offset (their ends grow). */
    private int endingBefore(int offset) {
        int low = 0;
        int high = tokens.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (tokens.get(middle).end() < offset) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    /**
     * These tokens and those of the text after the last of them up to the character index
     * {@code cut}, which follows a line break or is the text's end; the rest of the text when a
     * token reaches the cut.
     */
    private TokenPrefix lexedTo(int cut) {
        SourceToken last = tokens.isEmpty() ? null : tokens.get(tokens.size() - 1);
        int resume = last == null ? 0 : last.end();
        int from = text.offsetByCodePoints(0, resume);
        int line = last == null ? 1 : lineAfter(last);
        int column = last == null ? 0 : columnAfter(last);
        List<SourceToken> more = SourceTokens.lex(text.substring(from, cut), resume, line, column);
        int cutOffset = resume + text.codePointCount(from, cut);
        boolean whole = cut == text.length();
        if (!whole && !more.isEmpty() && more.get(more.size() - 1).end() == cutOffset) {
            more = SourceTokens.lex(text.substring(from), resume, line, column);
            whole = true;
        }
        return new TokenPrefix(
                text, Stream.concat(tokens.stream(), more.stream()).toList(), whole ? Integer.MAX_VALUE : cutOffset);
    }

    /** The line just after a token, as the lexer counts lines (by line feeds). */
    private static int lineAfter(SourceToken token) {
        int line = token.line();
        for (int i = 0; i < token.text().length(); i++) {
            line += token.text().charAt(i) == '\n' ? 1 : 0;
        }
        return line;
    }

    /** The column just after a token, in code points. */
    private static int columnAfter(SourceToken token) {
        String text = token.text();
        int lastBreak = text.lastIndexOf('\n');
        return lastBreak < 0
                ? token.column() + text.codePointCount(0, text.length())
                : text.codePointCount(lastBreak + 1, text.length());
    }
}
