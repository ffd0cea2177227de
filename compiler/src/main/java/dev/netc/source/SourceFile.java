package dev.netc.source;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * The text of one input file and the name it is shown under in diagnostics.
 *
 * <p>Identity matters, not content: two files with equal text are still two sources, so this
 * is a class compared by reference rather than a record.
 */
public final class SourceFile {
    private final String displayName;
    private final String text;
    private final Path path;
    /** Code point offsets at which lines start; computed once, so a source can be shared by the threads of a batch. */
    private final int[] lineStarts;
    /** For text with characters outside the BMP, the char index of each code point offset; else null. */
    private final int[] charIndexes;

    /** A source with no file behind it (a test string, standard input, a stdlib resource). */
    public SourceFile(String displayName, String text) {
        this(displayName, text, null);
    }

    /** @param path the file on disk, used to resolve relative imports and {@code file(...)} */
    public SourceFile(String displayName, String text, Path path) {
        this.displayName = displayName;
        this.text = withLineFeeds(text);
        this.path = path;
        this.charIndexes = charIndexes(this.text);
        this.lineStarts = lineStarts(this.text);
    }

    /**
     * The text with each carriage return that no line feed follows (the line ends of old Mac
     * files, or a file whose line feeds a tool stripped) made a line feed, whoever reads the file
     * (the compiler, {@code fmt}, the language server): the lexer and every line count know only
     * line feeds, and to them a lone CR was white space, so such a file read as one long line. One
     * character for one: every offset stays where it was.
     */
    static String withLineFeeds(String text) {
        int cr = text.indexOf('\r');
        if (cr < 0) {
            return text;
        }
        char[] chars = text.toCharArray();
        for (int i = cr; i < chars.length; i++) {
            if (chars[i] == '\r' && (i + 1 == chars.length || chars[i + 1] != '\n')) {
                chars[i] = '\n';
            }
        }
        return new String(chars);
    }

    public Optional<Path> path() {
        return Optional.ofNullable(path);
    }

    /** The path relative to the working directory (or `std/...` for the standard library). */
    public String displayName() {
        return displayName;
    }

    public String text() {
        return text;
    }

    /**
     * 1-based line of an offset. Offsets count code points, as the lexer does, so that a
     * character outside the Basic Multilingual Plane is one position, not two.
     */
    public int line(int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return index >= 0 ? index + 1 : -index - 1;
    }

    /** 1-based column (in code points) of a code point offset. */
    public int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** Text of a 1-based line without its line terminator. */
    public String lineText(int line) {
        return slice(lineStart(line), lineEnd(line));
    }

    /** Code point offset of the first character of a 1-based line. */
    public int lineStart(int line) {
        return lineStarts[line - 1];
    }

    /** Code point offset just after the last character of a 1-based line, before its line terminator. */
    public int lineEnd(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length
                ? lineStarts[line]
                : charIndexes == null ? text.length() : charIndexes.length - 1;
        while (end > start && (text.charAt(charIndex(end - 1)) == '\n' || text.charAt(charIndex(end - 1)) == '\r')) {
            end--;
        }
        return end;
    }

    /** The text between two code point offsets; an end past the text stops at its end. */
    public String slice(int start, int end) {
        return text.substring(charIndex(start), charIndex(end));
    }

    /**
     * The index in {@link #text()} (which counts UTF-16 units) of a code point offset; offsets
     * past the end stop at the end. Constant time: the table exists only for text that needs it.
     */
    public int charIndex(int codePointOffset) {
        int[] indexes = charIndexes;
        if (indexes == null) {
            return Math.min(codePointOffset, text.length());
        }
        return indexes[Math.min(codePointOffset, indexes.length - 1)];
    }

    /** 1-based column in UTF-16 units, as LSP and SARIF count by default. */
    public int utf16Column(int offset) {
        return charIndex(offset) - charIndex(lineStarts[line(offset) - 1]) + 1;
    }

    private static int[] charIndexes(String text) {
        int codePoints = text.codePointCount(0, text.length());
        if (codePoints == text.length()) {
            return null;
        }
        int[] indexes = new int[codePoints + 1];
        int index = 0;
        for (int i = 0; i < codePoints; i++) {
            indexes[i] = index;
            index += Character.charCount(text.codePointAt(index));
        }
        indexes[codePoints] = text.length();
        return indexes;
    }

    public int lineCount() {
        return lineStarts.length;
    }

    /** The code-point offset at which each line starts. */
    private static int[] lineStarts(String text) {
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                count++;
            }
        }
        int[] starts = new int[count];
        int line = 1;
        int codePoint = 0;
        for (int i = 0; i < text.length(); codePoint++) {
            char c = text.charAt(i);
            i += Character.charCount(text.codePointAt(i));
            if (c == '\n') {
                starts[line++] = codePoint + 1;
            }
        }
        return starts;
    }

    @Override
    public String toString() {
        return displayName;
    }
}
