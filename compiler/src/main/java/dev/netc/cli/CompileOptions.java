package dev.netc.cli;

import dev.netc.analysis.Bindings;
import dev.netc.analysis.SecretSource;
import dev.netc.ast.SpecFile;
import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.compile.Redactor;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Severity;
import dev.netc.diagnostics.format.DiagnosticReport;
import dev.netc.diagnostics.format.Locations;
import dev.netc.emit.Emitter;
import dev.netc.emit.Provenance;
import dev.netc.load.SourceReader;
import dev.netc.model.Model;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Options shared by the commands that compile: inputs, parameters, colour of diagnostics. */
final class CompileOptions {
    /** The specs, for the commands whose positional parameters are all specs. */
    static final Positional PATHS = Positional.oneOrMore(
            "PATH", ValueType.PATH, ".netspec files or folders (searched recursively); `-` reads standard input");
    /** The PATH that stands for standard input. */
    static final String STDIN = "-";
    /** How standard input is named in diagnostics. */
    static final String STDIN_NAME = "<stdin>";

    static final Option SET = Option.value(
                    "NAME=VALUE", ValueType.NAME_VALUE, "value of a `param` of the spec (repeatable)", "--set")
            .withRepeats();
    static final Option ROOT = Option.value(
            "DIR",
            ValueType.PATH,
            "project root: imports may not leave it (default: the folder of the first input)",
            "--root");
    /** Also {@code netc fmt}'s. */
    static final Option COLOR = Option.value(
                    "WHEN",
                    ValueType.TEXT,
                    "colour diagnostics: auto (default; off when NO_COLOR is set or output is not a terminal), always, never",
                    "--color")
            .withDefault("auto")
            .withChoices("auto", "always", "never");

    static final List<Option> OPTIONS = List.of(SET, ROOT, COLOR);

    /** The files and folders to compile; standard input ({@code -}) is not one of them. */
    final List<Path> inputs;

    private final boolean stdin;
    private final Map<String, String> params;
    private final Path root;
    final String color;

    private CompileOptions(List<Path> inputs, Arguments arguments) {
        this.inputs = inputs.stream().filter(p -> !p.toString().equals(STDIN)).toList();
        this.stdin = this.inputs.size() < inputs.size();
        this.params = Map.copyOf(arguments.pairs(SET));
        this.root = arguments.path(ROOT);
        this.color = arguments.value(COLOR);
    }

    /** The options given, compiling the specs of {@link #PATHS}. */
    static CompileOptions of(Arguments arguments) {
        return of(arguments, arguments.paths(PATHS));
    }

    /** The options given, compiling {@code inputs}: for commands whose specs are other positional parameters. */
    static CompileOptions of(Arguments arguments, List<Path> inputs) {
        return new CompileOptions(inputs, arguments);
    }

    /**
     * Compiles the inputs for a command that writes no node file: the cluster token is checked
     * as a reference and not needed ({@link SecretSource#ifPresent}).
     */
    Compiler.Result compile(Emitter.Options emitOptions) {
        return compile(inputs, emitOptions);
    }

    /** A compile for the commands that evaluate the applied objects (see {@link Compiler#forEvaluation}). */
    Compiler.Result forEvaluation(List<Path> specs, Emitter.Options emitOptions) {
        return run(specs, emitOptions, SecretSource.ifPresent(System.getenv()), Compiler::forEvaluation);
    }

    /** A compile's diagnostics, model and bindings, without its files (see {@link Compiler#check}). */
    Compiler.Result check() {
        return run(inputs, Emitter.Options.DEFAULT, SecretSource.ifPresent(System.getenv()), Compiler::check);
    }

    /** Compiles other inputs with these settings: for commands whose positional arguments are not all specs. */
    Compiler.Result compile(List<Path> specs, Emitter.Options emitOptions) {
        return compile(specs, emitOptions, SecretSource.ifPresent(System.getenv()));
    }

    /** Compiles the inputs to write them: the node files need the cluster token, and its absence is an error. */
    Compiler.Result compileForOutput(Emitter.Options emitOptions) {
        return compile(inputs, emitOptions, SecretSource.of(System.getenv()));
    }

    /** What these options ask to compile and write (the token is needed); for batches, which take no standard input. */
    Compiler.Request requestForOutput(Emitter.Options emitOptions) {
        return request(inputs, List.of(), emitOptions, SecretSource.of(System.getenv()));
    }

    private Compiler.Result compile(List<Path> specs, Emitter.Options emitOptions, SecretSource secrets) {
        return run(specs, emitOptions, secrets, Compiler::compile);
    }

    /** Runs {@code how} (a compile, a check, ...) on the specs and, when it is among the inputs, standard input. */
    private Compiler.Result run(
            List<Path> specs,
            Emitter.Options emitOptions,
            SecretSource secrets,
            Function<Compiler.Request, Compiler.Result> how) {
        List<SourceFile> sources = new ArrayList<>();
        if (stdin) {
            DiagnosticSink sink = new DiagnosticSink();
            Optional<SourceFile> source = readStandardInput(sink);
            if (source.isEmpty()) {
                return new Compiler.Result(
                        sink.sorted(), List.of(), Model.EMPTY, List.of(), Bindings.EMPTY, Provenance.EMPTY);
            }
            sources.add(source.get());
        }
        return how.apply(request(specs, sources, emitOptions, secrets));
    }

    private Compiler.Request request(
            List<Path> specs, List<SourceFile> sources, Emitter.Options emitOptions, SecretSource secrets) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        // standard input alone: imports are relative to the working directory, which is the project
        Path first = specs.isEmpty()
                ? workingDirectory
                : specs.get(0).toAbsolutePath().normalize();
        Path projectRoot = root != null ? root : Files.isDirectory(first) ? first : first.getParent();
        return new Compiler.Request(specs, sources, projectRoot, workingDirectory, params, secrets, emitOptions);
    }

    /** Standard input as a spec, decoded and limited as files are. */
    private static Optional<SourceFile> readStandardInput(DiagnosticSink sink) {
        try {
            byte[] bytes = System.in.readNBytes((int) SourceReader.DEFAULT_MAX_BYTES + 1);
            if (bytes.length > SourceReader.DEFAULT_MAX_BYTES) {
                sink.report(Diagnostic.of(
                        Code.NS0008,
                        null,
                        "standard input has more than the limit of " + SourceReader.DEFAULT_MAX_BYTES + " bytes"));
                return Optional.empty();
            }
            return SourceReader.decode(STDIN_NAME, bytes, null, sink);
        } catch (IOException e) {
            sink.report(Diagnostic.of(Code.NS0020, null, STDIN_NAME, "cannot read it: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Reports the diagnostics as {@code how} says: text to {@code err}, the machine formats to
     * {@code out}; in every format with the cluster token masked (see {@link Redactor}).
     *
     * @return whether the run failed: an error, or a warning with {@code --deny-warnings}
     */
    boolean report(Compiler.Result result, PrintWriter out, PrintWriter err, DiagnosticOptions how) {
        PrintWriter target = how.format().toStandardOutput() ? out : err;
        // the files read: those with a path, and standard input (the standard library has neither)
        List<SourceFile> read = result.parsed().stream()
                .map(SpecFile::source)
                .filter(source ->
                        source.path().isPresent() || source.displayName().equals(STDIN_NAME))
                .toList();
        DiagnosticReport report = new DiagnosticReport(result.diagnostics(), read.size(), how.maxErrors())
                .withLocations(new Locations(how.pathPrefix(), anchor(read)))
                .denyingWarnings(how.denyWarnings());
        // a clean compile shows no diagnostic, so no token is looked for (Redactor.of)
        how.format().write(Redactor.of(result).apply(report), target, useColor(color));
        return report.failed();
    }

    /** Whether the result fails the run as {@code how} reports it: an error, or a warning with {@code --deny-warnings}. */
    boolean fails(Compiler.Result result, DiagnosticOptions how) {
        return result.hasErrors()
                || how.denyWarnings() && result.diagnostics().stream().anyMatch(d -> d.severity() == Severity.WARNING);
    }

    /** The first file read, as shown; else the first input as given (it could not be read). */
    private String anchor(List<SourceFile> read) {
        if (!read.isEmpty()) {
            return read.get(0).displayName();
        }
        if (inputs.isEmpty()) {
            return STDIN_NAME;
        }
        Path first = inputs.get(0).toAbsolutePath().normalize();
        Path workingDirectory = Path.of("").toAbsolutePath();
        return (first.startsWith(workingDirectory) ? workingDirectory.relativize(first) : first)
                .toString()
                .replace('\\', '/');
    }

    /** Whether to colour text diagnostics for a `--color` value. */
    static boolean useColor(String color) {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            default -> System.getenv("NO_COLOR") == null && System.console() != null;
        };
    }
}
