package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.ExitCode;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.diff.ConnectivityDiff;
import dev.netc.diff.Sides;
import dev.netc.emit.Emitter;
import java.io.PrintWriter;
import java.util.List;

/** {@code netc diff OLD NEW}: what the change does to who may connect to whom. */
final class DiffCommand implements Subcommand {
    static final int SAME = 0;
    static final int DIFFERENT = 1;

    private static final Positional OLD = Positional.one("OLD", ValueType.PATH, "the spec before (a file or folder)");
    private static final Positional NEW = Positional.one("NEW", ValueType.PATH, "the spec after (a file or folder)");
    private static final Option FORMAT = Option.value(
                    "FORMAT", ValueType.TEXT, "text (default: one line per change) or json", "--format")
            .withDefault("text")
            .withChoices("text", "json");
    static final Command COMMAND = Command.named(
                    "diff",
                    "What changes in who may connect to whom between two versions of a spec.",
                    "",
                    "Compares the effective connectivity of two versions of a spec (files or folders): which "
                            + "connections the emitted NetworkPolicies of NEW allow that OLD's did not (added), no longer allow "
                            + "(removed), or allow on more or fewer ports (widened, narrowed, changed). Both versions are compiled "
                            + "and their emitted YAML evaluated on the same synthetic pods.",
                    "",
                    "Example: netc diff old/site.netspec site.netspec --format json")
            .withPositionals(OLD, NEW)
            .withOptions(List.of(FORMAT), CompileOptions.OPTIONS)
            .withExitCodes(Netc.exitCodes(
                    new ExitCode(SAME, "the connectivity is the same"),
                    new ExitCode(DIFFERENT, "the connectivity differs"),
                    new ExitCode(Netc.USAGE, "no answer: a usage error or a version with errors")));

    private final CompileOptions compile;
    private final boolean json;
    private final PrintWriter out;
    private final PrintWriter err;

    DiffCommand(Arguments arguments, PrintWriter out, PrintWriter err) {
        this.compile = CompileOptions.of(
                arguments,
                List.of(arguments.paths(OLD).get(0), arguments.paths(NEW).get(0)));
        this.json = arguments.value(FORMAT).equals("json");
        this.out = out;
        this.err = err;
    }

    @Override
    public int call() {
        Sides.Both<Compiler.Result> both = Sides.of(
                () -> compile.forEvaluation(List.of(compile.inputs.get(0)), Emitter.Options.DEFAULT),
                () -> compile.forEvaluation(List.of(compile.inputs.get(1)), Emitter.Options.DEFAULT));
        Compiler.Result before = both.before();
        Compiler.Result after = both.after();
        if (before.hasErrors() || after.hasErrors()) {
            for (Compiler.Result failed : List.of(before, after)) {
                if (failed.hasErrors()) {
                    compile.report(failed, out, err, DiagnosticOptions.TEXT);
                }
            }
            return Netc.USAGE;
        }
        ConnectivityDiff diff = ConnectivityDiff.between(before, after);
        out.print(json ? diff.json() : diff.text());
        out.flush();
        return diff.isEmpty() ? SAME : DIFFERENT;
    }
}
