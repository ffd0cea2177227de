package dev.netc.lsp;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;

/**
 * Converts between the compiler's positions (code point offsets, as ANTLR counts) and the
 * protocol's (0-based line and UTF-16 code unit column), so that spans stay exact after
 * characters outside the Basic Multilingual Plane.
 */
final class Positions {
    private Positions() {}

    static Range range(Span span) {
        return new Range(position(span.file(), span.start()), position(span.file(), span.end()));
    }

    static Position position(SourceFile file, int codePointOffset) {
        return new Position(file.line(codePointOffset) - 1, file.utf16Column(codePointOffset) - 1);
    }

    /** The code point offset of a protocol position; positions past a line's end stop at its end. */
    static int offset(String text, Position position) {
        int index = 0;
        for (int line = 0; line < position.getLine() && index < text.length(); index++) {
            if (text.charAt(index) == '\n') {
                line++;
            }
        }
        int lineEnd = text.indexOf('\n', index);
        int limit = lineEnd < 0 ? text.length() : lineEnd;
        int charIndex = Math.min(index + position.getCharacter(), limit);
        return text.codePointCount(0, charIndex);
    }

    static boolean contains(Span span, SourceFile file, int offset) {
        return span != null && span.file() == file && span.start() <= offset && offset <= span.end();
    }
}
