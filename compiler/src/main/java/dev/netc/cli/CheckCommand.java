package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.compile.Compiler;
import java.io.PrintWriter;

/** {@code netc check PATH...}: diagnostics only, nothing written. */
final class CheckCommand implements Subcommand {
    static final Command COMMAND = Command.named("check", "Check the spec and report problems; write nothing.")
            .withPositionals(CompileOptions.PATHS)
            .withOptions(CompileOptions.OPTIONS, DiagnosticOptions.OPTIONS)
            .withExitCodes(Netc.inputExitCodes(
                    "success (warnings allowed)", "the input has errors (or warnings, with --deny-warnings)"));

    private final CompileOptions options;
    private final DiagnosticOptions diagnostics;
    private final PrintWriter out;
    private final PrintWriter err;

    CheckCommand(Arguments arguments, PrintWriter out, PrintWriter err) {
        this.options = CompileOptions.of(arguments);
        this.diagnostics = DiagnosticOptions.of(arguments);
        this.out = out;
        this.err = err;
    }

    @Override
    public int call() {
        Compiler.Result result = options.check();
        return options.report(result, out, err, diagnostics) ? Netc.INPUT_ERRORS : Netc.OK;
    }
}
