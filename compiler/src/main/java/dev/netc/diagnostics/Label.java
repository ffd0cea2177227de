package dev.netc.diagnostics;

import dev.netc.source.Span;
import java.util.Objects;

/**
 * A secondary span with a short text, e.g. "first declared here". {@code equals} and
 * {@code hashCode} are written out, exactly as the record's own (see {@link Diagnostic}).
 */
public record Label(Span span, String text) {
    @Override
    public boolean equals(Object other) {
        return other instanceof Label that && Objects.equals(span, that.span) && Objects.equals(text, that.text);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(span) + Objects.hashCode(text);
    }
}
