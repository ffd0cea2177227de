package dev.netc.parse;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import org.antlr.v4.runtime.Token;

/** The one conversion from ANTLR token positions (inclusive stop index) to half-open spans. */
final class Spans {
    private Spans() {}

    static Span of(SourceFile source, Token token) {
        return new Span(source, token.getStartIndex(), token.getStopIndex() + 1);
    }
}
