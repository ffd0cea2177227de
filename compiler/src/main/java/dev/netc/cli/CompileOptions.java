package dev.netc.cli;

import dev.netc.analysis.SecretSource;
import dev.netc.ast.SpecFile;
import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import dev.netc.cli.args.ValueType;
import dev.netc.compile.Compiler;
import dev.netc.compile.Redactor;
import dev.netc.diagnostics.Severity;
import dev.netc.diagnostics.format.DiagnosticReport;
import dev.netc.diagnostics.format.Locations;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Options shared by the commands that compile: inputs, parameters, colour of diagnostics. */
final class CompileOptions {
    /** The specs, for the commands whose positional parameters are all specs. */
    static final Positional PATHS =
            Positional.oneOrMore("PATH", ValueType.PATH, ".netspec files or folders (searched recursively)");

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

    final List<Path> inputs;
    private final Map<String, String> params;
    private final Path root;
    final String color;

    private CompileOptions(List<Path> inputs, Arguments arguments) {
        this.inputs = List.copyOf(inputs);
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

    /** Compiles other inputs with these settings: for commands whose positional arguments are not all specs. */
    Compiler.Result compile(List<Path> specs, Emitter.Options emitOptions) {
        return Compiler.compile(request(specs, emitOptions, SecretSource.ifPresent(System.getenv())));
    }

    /** Compiles the inputs to write them: the node files need the cluster token, and its absence is an error. */
    Compiler.Result compileForOutput(Emitter.Options emitOptions) {
        return Compiler.compile(requestForOutput(emitOptions));
    }

    /** What these options ask to compile and write (the token is needed). */
    Compiler.Request requestForOutput(Emitter.Options emitOptions) {
        return request(inputs, emitOptions, SecretSource.of(System.getenv()));
    }

    private Compiler.Request request(List<Path> specs, Emitter.Options emitOptions, SecretSource secrets) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path first = specs.get(0).toAbsolutePath().normalize();
        Path projectRoot = root != null ? root : Files.isDirectory(first) ? first : first.getParent();
        return new Compiler.Request(specs, List.of(), projectRoot, workingDirectory, params, secrets, emitOptions);
    }

    /**
     * Reports the diagnostics as {@code how} says: text to {@code err}, the machine formats to
     * {@code out}; in every format with the cluster token masked (see {@link Redactor}).
     *
     * @return whether the run failed: an error, or a warning with {@code --deny-warnings}
     */
    boolean report(Compiler.Result result, PrintWriter out, PrintWriter err, DiagnosticOptions how) {
        PrintWriter target = how.format().toStandardOutput() ? out : err;
        List<SourceFile> read = result.parsed().stream()
                .map(SpecFile::source)
                .filter(source -> source.path().isPresent())
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
