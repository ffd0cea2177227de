package dev.netc.cli;

import dev.netc.compile.Compiler;
import dev.netc.diff.ConnectivityDiff;
import dev.netc.emit.Emitter;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code netc diff OLD NEW}: what the change does to who may connect to whom. */
@Command(name = "diff", mixinStandardHelpOptions = true,
        customSynopsis = "netc diff [--format text|json] [--set NAME=VALUE]... [--root DIR] [--color WHEN] OLD NEW",
        description = {"What changes in who may connect to whom between two versions of a spec.",
            "",
            "Compares the effective connectivity of two versions of a spec (files or folders): which "
                + "connections the emitted NetworkPolicies of NEW allow that OLD's did not (added), no longer allow "
                + "(removed), or allow on more or fewer ports (widened, narrowed, changed). Both versions are compiled "
                + "and their emitted YAML evaluated on the same synthetic pods.",
            "",
            "Example: netc diff old/site.netspec site.netspec --format json"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the connectivity is the same",
            "1:the connectivity differs",
            "2:no answer: a usage error or a version with errors",
            Netc.INTERNAL_ERROR})
final class DiffCommand implements Callable<Integer> {
    static final int SAME = 0;
    static final int DIFFERENT = 1;

    @Mixin
    CompileOptionsMixin options;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default: one line per change) or json")
    OutputFormat format;

    /** How the differences are printed. */
    enum OutputFormat {
        text, json
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        CompileOptions compile = options.get();
        if (compile.inputs.size() != 2) {
            err.println("netc diff: give two versions of the spec, OLD and NEW (files or folders)");
            return Netc.USAGE;
        }
        Compiler.Result before = compile.compile(List.of(compile.inputs.get(0)), new Emitter.Options(false));
        Compiler.Result after = compile.compile(List.of(compile.inputs.get(1)), new Emitter.Options(false));
        if (before.hasErrors() || after.hasErrors()) {
            for (Compiler.Result failed : List.of(before, after)) {
                if (failed.hasErrors()) {
                    compile.report(failed, spec.commandLine().getOut(), err, DiagnosticOptions.TEXT);
                }
            }
            return Netc.USAGE;
        }
        ConnectivityDiff diff = ConnectivityDiff.between(before, after);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.json ? diff.json() : diff.text());
        out.flush();
        return diff.isEmpty() ? SAME : DIFFERENT;
    }
}
