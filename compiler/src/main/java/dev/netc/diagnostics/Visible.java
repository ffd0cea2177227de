package dev.netc.diagnostics;

/**
 * Text from the input as a terminal may show it: every character that would act on the terminal
 * or the layout rather than be shown is replaced by one visible character, so that a hostile file
 * cannot clear the reader's screen ({@code ESC[2J}), move the cursor, hide a line behind a carriage
 * return or reorder what is shown (bidirectional overrides), and the columns under a shown line
 * stay where they were: each replacement is one character for one.
 *
 * <ul>
 *   <li>a tab is a space;
 *   <li>the other C0 controls ({@code U+0000}–{@code U+001F}) are their Control Pictures
 *       ({@code ␀}, {@code ␛}, {@code ␍}, {@code ␊}, ...) and DEL is {@code ␡}, as rustc shows them;
 *   <li>the C1 controls ({@code U+0080}–{@code U+009F}), the line and paragraph separators
 *       ({@code U+2028}, {@code U+2029}) and the bidirectional controls are {@code �}.
 * </ul>
 */
public final class Visible {
    private static final char CONTROL_PICTURES = '\u2400';
    private static final char DELETE_PICTURE = '\u2421';
    private static final char REPLACEMENT = '\uFFFD';

    private Visible() {}

    /** The text with every such character replaced; the same string when there is none. */
    public static String text(String text) {
        int first = firstToReplace(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            out.append(shown(text.charAt(i)));
        }
        return out.toString();
    }

    private static int firstToReplace(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (shown(text.charAt(i)) != text.charAt(i)) {
                return i;
            }
        }
        return -1;
    }

    /** How one character is shown. */
    static char shown(char c) {
        if (c == '\t') {
            return ' ';
        }
        if (c < 0x20) {
            return (char) (CONTROL_PICTURES + c);
        }
        if (c < 0x7f) {
            return c;
        }
        if (c == 0x7f) {
            return DELETE_PICTURE;
        }
        return c <= 0x9f || c == '\u2028' || c == '\u2029' || isBidiControl(c) ? REPLACEMENT : c;
    }

    /** The explicit directional marks, embeddings, overrides and isolates (Unicode's Bidi_Control). */
    private static boolean isBidiControl(char c) {
        return c == '\u061c'
                || c == '\u200e'
                || c == '\u200f'
                || c >= '\u202a' && c <= '\u202e'
                || c >= '\u2066' && c <= '\u2069';
    }
}
