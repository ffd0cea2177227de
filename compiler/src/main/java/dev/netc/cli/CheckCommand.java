package dev.netc.cli;

import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netc check PATH...}: diagnostics only, nothing written. */
@Command(name = "check", mixinStandardHelpOptions = true, description = "Check the spec and report problems; write nothing.")
final class CheckCommand implements Callable<Integer> {
    @Mixin
    CompileOptionsMixin options;

    @Mixin
    DiagnosticOptions diagnostics;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Compiler.Result result = options.get().compile(new Emitter.Options(false));
        options.get().report(result, spec.commandLine().getOut(), spec.commandLine().getErr(), diagnostics);
        return result.hasErrors() ? Netc.INPUT_ERRORS : Netc.OK;
    }
}
