package dev.netc.diagnostics;

import dev.netc.source.Span;

/** A secondary span with a short text, e.g. "first declared here". */
public record Label(Span span, String text) {
}
