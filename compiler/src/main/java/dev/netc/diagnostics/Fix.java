package dev.netc.diagnostics;

import dev.netc.source.Span;

/**
 * A machine-applicable suggestion: replace the text of {@code span} with {@code replacement}.
 * Editors offer it as a quick fix; SARIF carries it as a {@code fix}.
 *
 * @param title what applying it does, e.g. "replace with `backend`"
 */
public record Fix(String title, Span span, String replacement) {
}
