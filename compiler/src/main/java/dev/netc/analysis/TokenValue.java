package dev.netc.analysis;

import java.util.Optional;

/**
 * What netc makes of a token read from the environment or a file before it goes into every node
 * file, and what it refuses.
 *
 * <p>k3s trims white space from the token wherever it reads one from a file: the token files of
 * servers and agents, and {@code <data-dir>/token}, where a server keeps the token it started
 * with and reads it back at every later start (k3s-io/k3s via vitorsavian/k3s@866d743
 * pkg/util/file.go:46-62, pkg/util/token.go:28-39). A token with white space at either end would so
 * be one token at the first start and another after a restart. That white space is trimmed here,
 * the same (Go's {@code strings.TrimSpace}: the Unicode white space). Nothing inside is: a token
 * that still holds white space or a control character is refused, since it can only be a file
 * with more than a token in it (two lines, {@code /proc/self/environ}) or a mistake in the
 * environment.
 */
final class TokenValue {
    private TokenValue() {}

    /** The token, trimmed, and what was trimmed; or why it cannot be used. */
    sealed interface Read {}

    /** @param trimmed what was removed, for a warning; empty when nothing or only a file's final line end was */
    record Usable(String token, String trimmed) implements Read {}

    record Unusable(String problem) implements Read {}

    /**
     * @param fromFile whether the text is a file's: its one final line end ({@code \n} or
     *     {@code \r\n}) is how files end, and removing it goes without saying
     */
    static Read read(String text, boolean fromFile) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return new Unusable(text.isEmpty() ? "is empty" : "is only white space");
        }
        String token = text.substring(start, end);
        Optional<String> inside = inside(token);
        if (inside.isPresent()) {
            return new Unusable("contains " + inside.get() + " between its first and last character"
                    + (fromFile ? ": the file holds more than a token" : ""));
        }
        String removed = describe(text.substring(0, start)) + describe(text.substring(end));
        boolean onlyFinalLineEnd = fromFile
                && start == 0
                && (text.endsWith("\n") && end == text.length() - 1
                        || text.endsWith("\r\n") && end == text.length() - 2);
        return new Usable(token, onlyFinalLineEnd || removed.isEmpty() ? "" : removed.strip());
    }

    /** A character the token may not hold between its first and last: white space or a control character. */
    private static Optional<String> inside(String token) {
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            i += Character.charCount(c);
            if (isSpace(c)
                    || Character.isISOControl(c)
                    || NodeFileText.problem(new String(Character.toChars(c))).isPresent()) {
                return Optional.of(NodeFileText.describe(c));
            }
        }
        return Optional.empty();
    }

    /** Go's {@code unicode.IsSpace}: ASCII white space, U+0085, U+00A0 and Unicode's White_Space. */
    private static boolean isSpace(int c) {
        return c == ' ' || c >= '\t' && c <= '\r' || c == 0x85 || c == 0xA0 || Character.isSpaceChar(c);
    }

    /** The removed characters by code point, for the warning: never the token itself. */
    private static String describe(String removed) {
        StringBuilder out = new StringBuilder();
        removed.codePoints()
                .distinct()
                .forEach(c -> out.append(NodeFileText.describe(c)).append(' '));
        return out.toString();
    }
}
