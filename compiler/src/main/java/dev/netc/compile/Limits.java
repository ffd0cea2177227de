package dev.netc.compile;

import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.load.SourceReader;

/**
 * Bounds on what one compilation accepts, so hostile or broken input is refused with a clear
 * diagnostic instead of exhausting memory or time. (Nesting depth has its own fixed limit,
 * {@link dev.netc.parse.SpecParser#MAX_NESTING}: it protects the parser's stack.)
 *
 * @param maxFileBytes a larger source file is refused before it is read
 * @param maxErrors after this many errors the compilation stops collecting and says so
 */
public record Limits(long maxFileBytes, int maxErrors) {
    public static final Limits DEFAULT = new Limits(SourceReader.DEFAULT_MAX_BYTES, DiagnosticSink.DEFAULT_MAX_ERRORS);

    public Limits {
        if (maxFileBytes < 0 || maxErrors < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
