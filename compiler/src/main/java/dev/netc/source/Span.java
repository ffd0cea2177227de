package dev.netc.source;

import java.util.Objects;

/**
 * A half-open range {@code [start, end)} of character offsets in one source file.
 *
 * <p>Line and column are computed only when a diagnostic is rendered.
 */
public record Span(SourceFile file, int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    /** The smallest span covering both (which must be in the same file). */
    public Span to(Span other) {
        return new Span(file, Math.min(start, other.start), Math.max(end, other.end));
    }

    public int line() {
        return file.line(start);
    }

    public int column() {
        return file.column(start);
    }

    public String text() {
        return file.slice(start, end);
    }

    /** {@code file:line:col}, as terminals, editors and problem matchers expect. */
    public String location() {
        return file.displayName() + ":" + line() + ":" + column();
    }

    @Override
    public String toString() {
        return location();
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof Span that && Objects.equals(file, that.file) && start == that.start && end == that.end;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(file) + Integer.hashCode(start)) + Integer.hashCode(end);
    }
}
