package dev.netc.ast;

import dev.netc.source.Span;
import java.util.List;

/** A label requirement: {@code key=value}, {@code key!=value}, {@code key in (a, b)}, {@code key}, {@code !key}. */
public sealed interface Selector {
    Name key();

    Span span();

    record Equals(Name key, Name value, boolean negated, Span span) implements Selector {}

    record In(Name key, List<Name> values, boolean negated, Span span) implements Selector {
        public In {
            values = List.copyOf(values);
        }
    }

    record Exists(Name key, boolean negated, Span span) implements Selector {}
}
