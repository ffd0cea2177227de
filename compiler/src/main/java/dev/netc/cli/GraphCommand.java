package dev.netc.cli;

import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.graph.Graph;
import dev.netc.graph.GraphFormat;
import dev.netc.query.EmittedPolicies;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netc graph PATH... [--format dot|mermaid|json]} */
@Command(name = "graph", mixinStandardHelpOptions = true,
        description = {"Draw who may connect to whom, as Mermaid, DOT or JSON.",
            "",
            "Tiers grouped by namespace, externals, and edges labelled with "
                + "the ports the emitted NetworkPolicies allow (evaluated from their YAML, DNS included). Pairs no "
                + "policy governs allow everything and are not drawn.",
            "",
            "Example: netc graph examples/three-tier.netspec --format mermaid"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:the input has errors",
            "2:usage error",
            Netc.INTERNAL_ERROR})
final class GraphCommand implements Callable<Integer> {
    @Mixin
    CompileOptionsMixin options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "mermaid",
            description = "mermaid (default; renders in GitHub Markdown), dot (Graphviz) or json")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        GraphFormat graphFormat;
        try {
            graphFormat = GraphFormat.valueOf(format.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            spec.commandLine().getErr().println("netc graph: unknown format `" + format + "`: use mermaid, dot or json");
            return Netc.USAGE;
        }
        Compiler.Result result = options.get().compile(new Emitter.Options(false));
        if (result.hasErrors()) {
            options.get().report(result, spec.commandLine().getOut(), spec.commandLine().getErr(), DiagnosticOptions.TEXT);
            return Netc.INPUT_ERRORS;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.print(graphFormat.render(Graph.of(EmittedPolicies.of(result), result.model())));
        out.flush();
        return Netc.OK;
    }
}
