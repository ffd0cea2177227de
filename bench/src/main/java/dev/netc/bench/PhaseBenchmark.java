package dev.netc.bench;

import dev.netc.analysis.Analyzer;
import dev.netc.ast.SpecFile;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.emit.Emitter;
import dev.netc.emit.PolicyEmitter;
import dev.netc.model.Model;
import dev.netc.parse.SpecParser;
import dev.netc.source.SourceFile;
import dev.netc.yaml.Yaml;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Each phase of compiling a {@link LargeSpec} on its own, at scale 1 (100 namespaces, 3,000
 * flows) and 10 (the 1,000 namespaces × 10 tiers × 30,000 flows): the ratio of the two
 * is the growth of that phase, without start-up.
 */
@State(Scope.Benchmark)
public class PhaseBenchmark extends BenchmarkSettings {
    @Param({"1", "10"})
    public int scale;

    private SourceFile source;
    private Compiler.Loaded loaded;
    private Model model;
    private Map<String, List<org.snakeyaml.engine.v2.nodes.Node>> policies;

    @Setup
    public void generate() {
        String text = LargeSpec.scaled(scale).text();
        Compiler.Request request = Inputs.request("large.netspec", text);
        source = request.sources().get(0);
        loaded = Compiler.load(request);
        DiagnosticSink sink = new DiagnosticSink();
        model = Analyzer.analyze(loaded.files(), loaded.importTargets(), Map.of(), Inputs.SECRETS, sink)
                .model();
        if (loaded.hasErrors() || sink.hasErrors()) {
            throw new IllegalStateException("the generated spec has errors: " + sink.sorted());
        }
        policies = PolicyEmitter.emit(model, false, false).documents();
    }

    /** Lexing, parsing (SLL) and building the AST. */
    @Benchmark
    public SpecFile parse() {
        return SpecParser.parse(source, new DiagnosticSink());
    }

    /** Every analysis pass, from declarations to resolved flows and their bindings. */
    @Benchmark
    public Analyzer.Analysis passes() {
        return Analyzer.analyze(loaded.files(), loaded.importTargets(), Map.of(), Inputs.SECRETS, new DiagnosticSink());
    }

    /** Every emitter, including writing their YAML. */
    @Benchmark
    public Emitter.Emitted emit() {
        return Emitter.emit(model, Emitter.Options.DEFAULT);
    }

    /** Only the YAML writing of the policies (the largest output). */
    @Benchmark
    public void yamlWrite(Blackhole blackhole) {
        policies.values().forEach(documents -> blackhole.consume(Yaml.writeAll(documents)));
    }
}
