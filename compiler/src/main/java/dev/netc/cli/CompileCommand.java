package dev.netc.cli;

import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.Emitter;
import dev.netc.emit.Provenance;
import dev.netc.model.Model;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
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

    @Mixin
    BatchOptions batch;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (batch.requested()) {
            try {
                return batch.compile(options.get(), output, new Emitter.Options(canalConfigMap), spec.commandLine().getErr());
            } catch (IOException e) {
                return cannotWrite(e);
            }
        }
        try {
            // a run killed while writing left the folder half-changed: put it back before anything else
            OutputWriter.recover(output);
        } catch (IOException e) {
            return cannotWrite(e);
        }
        Compiler.Result result = options.get().compile(new Emitter.Options(canalConfigMap));
        options.get().report(result, spec.commandLine().getOut(), spec.commandLine().getErr(), diagnostics);
        if (result.hasErrors()) {
            return Netc.INPUT_ERRORS;
        }
        try {
            OutputWriter.write(output, result.files());
        } catch (IOException e) {
            return cannotWrite(e);
        }
        return Netc.OK;
    }

    private int cannotWrite(IOException e) {
        Diagnostic problem = Diagnostic.of(Code.NS0012, null, output, reason(e));
        options.get().report(new Compiler.Result(List.of(problem), List.of(), Model.EMPTY, List.of(), Provenance.EMPTY),
                spec.commandLine().getOut(), spec.commandLine().getErr(), diagnostics);
        return Netc.INPUT_ERRORS;
    }

    /** What went wrong, in words: the exception's reason and file rather than its class name. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException failure && !(e instanceof OutputWriter.OutputException)) {
            String what = failure.getReason() != null ? failure.getReason()
                    : e instanceof AccessDeniedException ? "permission denied"
                    : e instanceof NoSuchFileException ? "no such file or folder"
                    : e instanceof FileAlreadyExistsException ? "already exists" : e.getClass().getSimpleName();
            return what + (failure.getFile() != null ? ": `" + failure.getFile() + "`" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
