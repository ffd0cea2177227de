package dev.netc.cli;

import dev.netc.analysis.Bindings;
import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.UsageException;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.Emitter;
import dev.netc.emit.Provenance;
import dev.netc.model.Model;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code netc compile PATH... -o DIR} */
final class CompileCommand implements Subcommand {
    private static final Option OUTPUT = Option.value("DIR", ValueType.PATH, "output folder", "-o", "--output")
            .withRequired();
    private static final Option CANAL_CONFIG_MAP = Option.flag(
            "also write the seed-style `canal-config` ConfigMap (RKE2 does not read it: for migration only)",
            "--canal-configmap");
    static final Command COMMAND = Command.named(
                    "compile", "Check the spec and write cloud-config, Canal settings and NetworkPolicies into DIR.")
            .withPositionals(CompileOptions.PATHS)
            .withOptions(
                    CompileOptions.OPTIONS,
                    DiagnosticOptions.OPTIONS,
                    List.of(OUTPUT, CANAL_CONFIG_MAP),
                    BatchOptions.OPTIONS)
            .withExitCodes(Netc.inputExitCodes(
                    "success (warnings allowed)", "the input has errors, or the output folder cannot be written"));

    private final CompileOptions options;
    private final DiagnosticOptions diagnostics;
    private final Path output;
    private final boolean canalConfigMap;
    private final BatchOptions batch;
    private final PrintWriter out;
    private final PrintWriter err;

    CompileCommand(Arguments arguments, PrintWriter out, PrintWriter err) {
        this.options = CompileOptions.of(arguments);
        this.diagnostics = DiagnosticOptions.of(arguments);
        this.output = arguments.path(OUTPUT);
        this.canalConfigMap = arguments.has(CANAL_CONFIG_MAP);
        this.batch = BatchOptions.of(arguments);
        this.out = out;
        this.err = err;
    }

    @Override
    public int call() throws UsageException {
        batch.checkGitOps();
        if (batch.requested()) {
            try {
                return batch.compile(
                        options,
                        output,
                        Emitter.Options.builder()
                                .legacyCanalConfigMap(canalConfigMap)
                                .policiesByGitOps(batch.gitOps())
                                .build(),
                        err);
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
        Compiler.Result result = options.compileForOutput(
                Emitter.Options.builder().legacyCanalConfigMap(canalConfigMap).build());
        if (!options.fails(result, diagnostics)) {
            try {
                OutputWriter.write(output, result.files());
            } catch (IOException e) {
                // reported with the rest: a machine format is one document
                result = with(result, cannotWriteOutput(e));
            }
        }
        return options.report(result, out, err, diagnostics) ? Netc.INPUT_ERRORS : Netc.OK;
    }

    private int cannotWrite(IOException e) {
        options.report(
                with(
                        new Compiler.Result(
                                List.of(), List.of(), Model.EMPTY, List.of(), Bindings.EMPTY, Provenance.EMPTY),
                        cannotWriteOutput(e)),
                out,
                err,
                diagnostics);
        return Netc.INPUT_ERRORS;
    }

    private Diagnostic cannotWriteOutput(IOException e) {
        return Diagnostic.of(Code.NS0012, null, output, reason(e));
    }

    /** The result with one more diagnostic (it has no position, so it sorts first, as the others would sort it). */
    private static Compiler.Result with(Compiler.Result result, Diagnostic problem) {
        List<Diagnostic> diagnostics = new ArrayList<>();
        diagnostics.add(problem);
        diagnostics.addAll(result.diagnostics());
        return new Compiler.Result(
                diagnostics, List.of(), result.model(), result.parsed(), result.bindings(), Provenance.EMPTY);
    }

    /** What went wrong, in words: the exception's reason and file rather than its class name. */
    private static String reason(IOException e) {
        if (e instanceof FileSystemException failure && !(e instanceof OutputWriter.OutputException)) {
            String what = failure.getReason() != null
                    ? failure.getReason()
                    : e instanceof AccessDeniedException
                            ? "permission denied"
                            : e instanceof NoSuchFileException
                                    ? "no such file or folder"
                                    : e instanceof FileAlreadyExistsException
                                            ? "already exists"
                                            : e.getClass().getSimpleName();
            return what + (failure.getFile() != null ? ": `" + failure.getFile() + "`" : "");
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
