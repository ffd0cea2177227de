package dev.netc.diagnostics;

import dev.netc.source.Span;
import java.util.Objects;

/**
 * A machine-applicable suggestion: replace the text of {@code span} with {@code replacement}.
 * Editors offer it as a quick fix; SARIF carries it as a {@code fix}.
 *
 * {@code equals} and {@code hashCode} are written out, exactly as the record's own (see
 * {@link Diagnostic}).
 *
 * @param title what applying it does, e.g. "replace with `backend`"
 */
public record Fix(String title, Span span, String replacement) {
    @Override
    public boolean equals(Object other) {
        return other instanceof Fix that
                && Objects.equals(title, that.title)
                && Objects.equals(span, that.span)
                && Objects.equals(replacement, that.replacement);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(title) + Objects.hashCode(span)) + Objects.hashCode(replacement);
    }
}
