package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.graph.Graph;
import dev.netc.graph.GraphFormat;
import dev.netc.query.EmittedPolicies;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** {@code netc graph PATH... [--format dot|mermaid|json]} */
final class GraphCommand implements Subcommand {
    private static final Option FORMAT = Option.value(
                    "FORMAT",
                    ValueType.TEXT,
                    "mermaid (default; renders in GitHub Markdown), dot (Graphviz) or json",
                    "--format")
            .withDefault("mermaid")
            .withChoices("mermaid", "dot", "json");
    static final Command COMMAND = Command.named(
                    "graph",
                    "Draw who may connect to whom, as Mermaid, DOT or JSON.",
                    "",
                    "Tiers grouped by namespace, externals, and edges labelled with "
                            + "the ports the emitted NetworkPolicies allow (evaluated from their YAML, DNS included). Pairs no "
                            + "policy governs allow everything and are not drawn.",
                    "",
                    "Example: netc graph examples/three-tier.netspec --format mermaid")
            .withPositionals(CompileOptions.PATHS)
            .withOptions(List.of(FORMAT), CompileOptions.OPTIONS)
            .withExitCodes(Netc.inputExitCodes("success", "the input has errors"));

    private final CompileOptions options;
    private final GraphFormat format;
    private final PrintWriter out;
    private final PrintWriter err;

    GraphCommand(Arguments arguments, PrintWriter out, PrintWriter err) {
        this.options = CompileOptions.of(arguments);
        this.format = GraphFormat.valueOf(arguments.value(FORMAT).toUpperCase(Locale.ROOT));
        this.out = out;
        this.err = err;
    }

    @Override
    public int call() {
        Compiler.Result result = options.forEvaluation(options.inputs, Emitter.Options.DEFAULT);
        if (result.hasErrors()) {
            options.report(result, out, err, DiagnosticOptions.TEXT);
            return Netc.INPUT_ERRORS;
        }
        out.print(format.render(Graph.of(EmittedPolicies.of(result), result.model())));
        out.flush();
        return Netc.OK;
    }
}
