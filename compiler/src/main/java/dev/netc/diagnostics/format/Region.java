package dev.netc.diagnostics.format;

import dev.netc.source.Span;

/**
 * A span as 1-based lines and columns, the end column exclusive. Columns count UTF-16 code
 * units, which is what SARIF assumes by default and what editors (LSP) use.
 */
record Region(int startLine, int startColumn, int endLine, int endColumn) {
    static Region of(Span span) {
        return new Region(
                span.line(),
                span.file().utf16Column(span.start()),
                span.file().line(span.end()),
                span.file().utf16Column(span.end()));
    }
}
