package dev.netc.ast;

import dev.netc.source.Span;

/** A port as written in a flow or a port constant. */
public sealed interface PortRef {
    Span span();

    /** {@code 80/tcp}, {@code 8000-8100/tcp}. */
    record Literal(String text, Span span) implements PortRef {
    }

    /** {@code 9090} without a protocol: always an error, kept to explain it. */
    record Bare(long number, Span span) implements PortRef {
    }

    /** {@code http}: a port of the target tier or a port constant. */
    record Named(Name name) implements PortRef {
        public Span span() {
            return name.span();
        }
    }
}
