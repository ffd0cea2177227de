package dev.netc.cli;

import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code netc compile PATH... -o DIR} */
@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Check the spec and write cloud-config, Canal settings and NetworkPolicies into DIR.")
final class CompileCommand implements Callable<Integer> {
    @Mixin
    CompileOptionsMixin options;

    @Mixin
    DiagnosticOptions diagnostics;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "output folder")
    Path output;

    @Option(names = "--canal-configmap",
            description = "also write the seed-style `canal-config` ConfigMap (RKE2 does not read it: for migration only)")
    boolean canalConfigMap;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Compiler.Result result = options.get().compile(new Emitter.Options(canalConfigMap));
        options.get().report(result, spec.commandLine().getOut(), spec.commandLine().getErr(), diagnostics);
        if (result.hasErrors()) {
            return Netc.INPUT_ERRORS;
        }
        OutputWriter.write(output, result.files());
        return Netc.OK;
    }
}
