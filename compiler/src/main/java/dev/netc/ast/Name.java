package dev.netc.ast;

import dev.netc.source.Span;

/** A name as written, with where it was written. */
public record Name(String text, Span span) {
    @Override
    public String toString() {
        return text;
    }
}
