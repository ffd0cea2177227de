package dev.netc.bench;

import dev.netc.compile.Compiler;
import dev.netc.diff.ConnectivityDiff;
import dev.netc.graph.Graph;
import dev.netc.graph.GraphFormat;
import dev.netc.query.Connectivity;
import dev.netc.query.EmittedPolicies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * What {@code netc graph} and {@code netc diff} do after compiling a {@link LargeSpec}, at scale 1
 * and 10: reading the emitted policies back into the evaluator's model and the synthetic
 * cluster, the full connectivity matrix, the graph (written as Mermaid), and the diff against a
 * version with one tier port changed in every namespace. Compare with {@link PhaseBenchmark}:
 * the goal is the whole command within twice the compile.
 */
@State(Scope.Benchmark)
public class QueryBenchmark extends BenchmarkSettings {
    @Param({"1", "10"})
    public int scale;

    private Compiler.Result result;
    private Compiler.Result changed;
    private EmittedPolicies policies;

    @Setup
    public void compile() {
        String text = LargeSpec.scaled(scale).text();
        result = compiled(text);
        changed = compiled(LargeSpec.changedPort(text));
        policies = EmittedPolicies.of(result);
    }

    private static Compiler.Result compiled(String text) {
        Compiler.Result compiled = Compiler.compile(Inputs.request("large.netspec", text));
        if (compiled.hasErrors()) {
            throw new IllegalStateException("the generated spec has errors: " + compiled.diagnostics());
        }
        return compiled;
    }

    /** The emitted YAML read back: the evaluator's policies and the synthetic cluster. */
    @Benchmark
    public EmittedPolicies readPolicies() {
        return EmittedPolicies.of(result);
    }

    /** Every pair's allowed ports, worked out on sets. */
    @Benchmark
    public Connectivity matrix() {
        return Connectivity.of(policies);
    }

    /** The matrix drawn as Mermaid. */
    @Benchmark
    public String graph() {
        return GraphFormat.MERMAID.render(Graph.of(policies, result.model()));
    }

    /** Both versions read back and compared. */
    @Benchmark
    public ConnectivityDiff diff() {
        return ConnectivityDiff.between(result, changed);
    }
}
