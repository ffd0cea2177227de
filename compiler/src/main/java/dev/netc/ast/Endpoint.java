package dev.netc.ast;

import dev.netc.source.Span;

/** One end of a flow as written. */
public sealed interface Endpoint {
    Span span();

    /** {@code *}: every pod of every namespace. */
    record EveryNamespace(Span span) implements Endpoint {
    }

    /** {@code app.*}: every pod of one namespace. */
    record WholeNamespace(Name namespace, Span span) implements Endpoint {
    }

    /** {@code frontend}, {@code app.frontend}, {@code app}, {@code internet}: resolved later. */
    record Named(Name name) implements Endpoint {
        public Span span() {
            return name.span();
        }
    }

    /** {@code 10.0.0.0/8}, {@code "10.${site}.0.0/16"}. */
    record Address(Value value) implements Endpoint {
        public Span span() {
            return value.span();
        }
    }
}
