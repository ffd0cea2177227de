package dev.netc.compile;

import dev.netc.analysis.Analyzer;
import dev.netc.analysis.Bindings;
import dev.netc.analysis.SecretSource;
import dev.netc.ast.SpecFile;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.emit.Emitter;
import dev.netc.emit.OutputFile;
import dev.netc.emit.Provenance;
import dev.netc.load.ModuleLoader;
import dev.netc.model.Model;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.ExpectationCheck;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The whole pipeline for one compilation: load and parse, analyse, emit. Output is produced
 * only when there is no error; the caller decides where it goes.
 */
public final class Compiler {
    /** What to compile and with which settings. */
    public record Request(
            List<Path> inputs,
            List<SourceFile> sources,
            Path root,
            Path workingDirectory,
            Map<String, String> params,
            SecretSource secrets,
            Emitter.Options emitOptions) {
        public Request {
            inputs = List.copyOf(inputs);
            sources = List.copyOf(sources);
            params = Map.copyOf(params);
        }

        /** The same compilation with other parameter values: one site of a fleet. */
        public Request withParams(Map<String, String> newParams) {
            return new Request(inputs, sources, root, workingDirectory, newParams, secrets, emitOptions);
        }
    }

    /**
     * The parsed files of a compilation and what loading them reported. Immutable, so every
     * site of a fleet shares the one parse of its template.
     */
    public record Loaded(List<SpecFile> files, Map<Span, SourceFile> importTargets, List<Diagnostic> diagnostics) {
        public Loaded {
            files = List.copyOf(files);
            importTargets = Map.copyOf(importTargets);
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    /**
     * Diagnostics sorted by position, and the files (empty when any diagnostic is an error).
     *
     * @param parsed every file of the compilation as parsed, imports included (for editor support)
     * @param bindings every name declared and where each is used, as the analysis resolved them
     *     (also when there are errors, syntax errors included, as far as the analysis got)
     * @param provenance where each rule of the emitted NetworkPolicies came from (empty with the files)
     */
    public record Result(
            List<Diagnostic> diagnostics,
            List<OutputFile> files,
            Model model,
            List<SpecFile> parsed,
            Bindings bindings,
            Provenance provenance) {
        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private Compiler() {}

    public static Result compile(Request request) {
        return compile(request, Limits.DEFAULT);
    }

    public static Result compile(Request request, Limits limits) {
        return compile(load(request, limits), request, limits);
    }

    /** Reads and parses the request's files and, transitively, what they import. */
    public static Loaded load(Request request) {
        return load(request, Limits.DEFAULT);
    }

    public static Loaded load(Request request, Limits limits) {
        DiagnosticSink sink = new DiagnosticSink(limits.maxErrors());
        ModuleLoader loader = new ModuleLoader(request.root(), request.workingDirectory(), limits.maxFileBytes(), sink);
        for (Path file : entryFiles(request.inputs(), request.root(), sink)) {
            try {
                loader.loadFile(file);
            } catch (IOException | java.io.UncheckedIOException e) {
                sink.report(Diagnostic.of(Code.NS0020, null, file, String.valueOf(e.getMessage())));
            }
        }
        request.sources().forEach(loader::loadSource);
        return new Loaded(loader.files(), loader.importTargets(), sink.sorted());
    }

    /**
     * Analyses already loaded files with the request's parameters and secrets, and emits. Safe
     * to call from several threads on the same {@code loaded}.
     */
    public static Result compile(Loaded loaded, Request request) {
        return compile(loaded, request, Limits.DEFAULT);
    }

    public static Result compile(Loaded loaded, Request request, Limits limits) {
        return run(loaded, request, limits, Output.ALL);
    }

    /** Which files a run emits and returns. */
    private enum Output {
        /** Every file ({@code compile}). */
        ALL,
        /** Those whose objects the servers apply ({@code query}, {@code diff}, {@code graph}). */
        APPLIED,
        /** None ({@code check}, the language server). */
        NONE
    }

    /**
     * A compile for the commands that evaluate the objects the servers apply: the same
     * diagnostics, and only the files that hold such objects ({@link Emitter#emitApplied}), unless
     * NS4012 needs every file searched ({@link Templates}), when all are emitted.
     */
    public static Result forEvaluation(Request request) {
        return run(load(request), request, Limits.DEFAULT, Output.APPLIED);
    }

    /**
     * The diagnostics, model and bindings of a compile, without its files: for {@code netc
     * check} and the language server, which write nothing. The files are emitted only when their
     * diagnostics depend on them ({@link Templates}), so the diagnostics are a compile's.
     */
    public static Result check(Request request) {
        return check(load(request), request);
    }

    /** {@link #check(Request)} of files already loaded. */
    public static Result check(Loaded loaded, Request request) {
        return run(loaded, request, Limits.DEFAULT, Output.NONE);
    }

    private static Result run(Loaded loaded, Request request, Limits limits, Output wanted) {
        DiagnosticSink sink = new DiagnosticSink(limits.maxErrors());
        loaded.diagnostics().forEach(sink::report);
        if (sink.isFull()) {
            // past the error limit, analysing would only add noise to a list that is cut short already
            return new Result(sink.sorted(), List.of(), Model.EMPTY, loaded.files(), Bindings.EMPTY, Provenance.EMPTY);
        }
        if (sink.hasSyntaxErrors()) {
            // the parser's recovery leaves partial statements behind: what the analysis says about
            // them would be follow-on errors about things the user never wrote, so only its
            // bindings are kept (an editor still resolves the names that did parse)
            Bindings bindings = Analyzer.analyze(
                            loaded.files(),
                            loaded.importTargets(),
                            request.params(),
                            request.secrets(),
                            new DiagnosticSink())
                    .bindings();
            return new Result(sink.sorted(), List.of(), Model.EMPTY, loaded.files(), bindings, Provenance.EMPTY);
        }
        Templates.Recording secrets = new Templates.Recording(request.secrets());
        Analyzer.Analysis analysis =
                Analyzer.analyze(loaded.files(), loaded.importTargets(), request.params(), secrets, sink);
        Model model = analysis.model();
        Emitter.Emitted emitted = null;
        if (!sink.hasErrors()) {
            // the files are searched for `{{` only when the inputs could have put one there: a
            // large spec's output is tens of megabytes
            boolean templatesPossible = Templates.possible(loaded.files(), analysis.params(), secrets);
            if (wanted == Output.ALL || templatesPossible) {
                emitted = Emitter.emit(model, request.emitOptions());
                if (templatesPossible) {
                    Templates.check(emitted.files(), sink);
                }
            } else if (wanted == Output.APPLIED) {
                emitted = Emitter.emitApplied(model, request.emitOptions());
            }
            Emitter.diagnostics(model, request.emitOptions()).forEach(sink::report);
            if (!sink.hasErrors()) {
                checkExpectations(model, emitted, request.emitOptions(), sink);
            }
        }
        if (emitted == null) {
            emitted = new Emitter.Emitted(List.of(), Provenance.EMPTY);
        }
        boolean failed = sink.hasErrors() || wanted == Output.NONE;
        // warnings accepted in the source (`// netc:allow`) are left out; past the error limit the list is cut anyway
        List<Diagnostic> diagnostics =
                sink.isFull() ? sink.sorted() : Suppressions.apply(loaded.files(), sink.sorted());
        return new Result(
                diagnostics,
                failed ? List.of() : emitted.files(),
                model,
                loaded.files(),
                analysis.bindings(),
                failed ? Provenance.EMPTY : emitted.provenance());
    }

    /**
     * `.netspec` files named directly, and those found in named folders, sorted by path: the
     * order they are given in must not change the output. A file found in a folder that is a
     * link leading out of both that folder and the project root is refused: what lies in a
     * folder comes from many hands, and nobody named that file.
     */
    private static List<Path> entryFiles(List<Path> inputs, Path root, DiagnosticSink sink) {
        List<Path> files = new ArrayList<>();
        for (Path input : inputs) {
            if (Files.isDirectory(input)) {
                try (Stream<Path> walk = Files.walk(input)) {
                    List<Path> specs = walk.filter(p -> p.toString().endsWith(".netspec") && Files.isRegularFile(p))
                            .map(Path::normalize)
                            .sorted()
                            .toList();
                    if (specs.isEmpty()) {
                        // checking nothing and passing would let a wrong path in CI pass every change
                        sink.report(Diagnostic.of(Code.NS0020, null, input, "the folder holds no .netspec file"));
                    }
                    for (Path found : specs) {
                        if (linksOutside(found, List.of(input, root))) {
                            sink.report(Diagnostic.of(Code.NS1020, null, found, input));
                        } else {
                            files.add(found);
                        }
                    }
                } catch (IOException | java.io.UncheckedIOException e) {
                    sink.report(Diagnostic.of(Code.NS0020, null, input, "cannot list it: " + e.getMessage()));
                }
            } else if (Files.isRegularFile(input)) {
                files.add(input.normalize());
            } else {
                sink.report(noSuchInput(input.toString()));
            }
        }
        return files.stream()
                .map(p -> p.toAbsolutePath().normalize())
                .distinct()
                .sorted()
                .toList();
    }

    /**
     * An input that is neither a file nor a folder; a glob the shell found nothing for comes
     * as it was written, and says so.
     */
    public static Diagnostic noSuchInput(String input) {
        Diagnostic missing = Diagnostic.of(Code.NS0020, null, input, "no such file or folder");
        return input.matches(".*[*?\\[].*")
                ? missing.withNote("the shell found no file for the pattern, and passed it on as it was written")
                : missing;
    }

    private static boolean linksOutside(Path file, List<Path> allowed) throws IOException {
        if (!Files.isSymbolicLink(file)) {
            return false;
        }
        Path real = file.toRealPath();
        for (Path folder : allowed) {
            if (Files.isDirectory(folder) && real.startsWith(folder.toRealPath())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The spec's {@code expect} statements, proved on the emitted YAML as {@code netc query} reads
     * it (NS3031, NS3032). Specs without expectations pay nothing.
     *
     * @param emitted what the run emitted with {@code options}, every file or those the servers
     *     apply; null when it emitted nothing ({@code check}, the language server)
     */
    private static void checkExpectations(
            Model model, Emitter.Emitted emitted, Emitter.Options options, DiagnosticSink sink) {
        if (model.expectations().isEmpty()) {
            return;
        }
        Emitter.Options checked = options.forExpectations();
        // the objects the servers apply are all the proof reads
        Emitter.Emitted evaluated =
                emitted != null && checked.equals(options) ? emitted : Emitter.emitApplied(model, checked);
        ExpectationCheck.check(
                        EmittedPolicies.of(evaluated.files(), model, evaluated.provenance()), model.expectations())
                .forEach(sink::report);
    }
}
