package dev.netc.bench;

import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.TextRenderer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Compiling a {@link Pathological} input and rendering its diagnostics, at a size and ten times
 * that size: the ratio must stay near 10 (linear).
 */
@State(Scope.Benchmark)
public class PathologicalBenchmark extends BenchmarkSettings {
    @Param({"LONG_LINE", "DEEP_NESTING", "MANY_ERRORS", "MANY_SYNTAX_ERRORS"})
    public Pathological input;

    /** Multiplies the input's base size (see {@link #baseSize}). */
    @Param({"1", "10"})
    public int scale;

    private Compiler.Request request;

    @Setup
    public void generate() {
        request = Inputs.request("input.netspec", input.text(baseSize(input) * scale));
    }

    /** Sizes at scale 1: a 100 kB line, 10,000 braces, 1,000 errors. */
    static int baseSize(Pathological input) {
        return switch (input) {
            case LONG_LINE -> 3_000;
            case DEEP_NESTING -> 10_000;
            case MANY_ERRORS, MANY_SYNTAX_ERRORS -> 1_000;
        };
    }

    @Benchmark
    public int compileAndRender() {
        Compiler.Result result = Compiler.compile(request);
        TextRenderer renderer = new TextRenderer(false);
        int length = 0;
        for (Diagnostic diagnostic : result.diagnostics()) {
            length += renderer.render(diagnostic).length();
        }
        return length;
    }
}
