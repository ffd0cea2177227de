package dev.netc.cli;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.format.DiagnosticReport;
import dev.netc.diagnostics.format.Format;
import dev.netc.emit.Emitter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Options shared by the commands that compile: inputs, parameters, diagnostics. */
final class CompileOptions {
    @Parameters(paramLabel = "PATH", arity = "1..*", description = ".netspec files or folders (searched recursively)")
    List<Path> inputs;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "value of a `param` of the spec (repeatable)")
    Map<String, String> params = new LinkedHashMap<>();

    @Option(names = "--root", paramLabel = "DIR",
            description = "project root: imports may not leave it (default: the folder of the first input)")
    Path root;

    @Option(names = "--color", paramLabel = "WHEN", defaultValue = "auto",
            description = "colour diagnostics: auto (default; off when NO_COLOR is set or output is not a terminal), always, never")
    String color;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "how to report diagnostics: text (default, on standard error), json, sarif or github "
                    + "(GitHub Actions annotations); the last three go to standard output. The exit code is the same for all.")
    Format format;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0", converter = CountConverter.class,
            description = "show at most N errors (0, the default, shows all); the summary still counts every one")
    int maxErrors;

    Compiler.Result compile(Emitter.Options emitOptions) {
        return compile(inputs, emitOptions);
    }

    /** Compiles other inputs with these settings: for commands whose positional arguments are not all specs. */
    Compiler.Result compile(List<Path> specs, Emitter.Options emitOptions) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path first = specs.get(0).toAbsolutePath().normalize();
        Path projectRoot = root != null ? root : Files.isDirectory(first) ? first : first.getParent();
        return Compiler.compile(new Compiler.Request(specs, List.of(), projectRoot, workingDirectory, params,
                SecretSource.of(System.getenv()), emitOptions));
    }

    /** Reports the diagnostics in the chosen format: text to {@code err}, the machine formats to {@code out}. */
    void report(Compiler.Result result, PrintWriter out, PrintWriter err) {
        format.write(new DiagnosticReport(result.diagnostics(), inputs.size(), maxErrors),
                format.toStandardOutput() ? out : err, useColor(color));
    }

    /** A count: a whole number, zero or more. */
    static final class CountConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below, like a negative number
            }
            throw new CommandLine.TypeConversionException("`" + value + "` is not a count (0 or more)");
        }
    }

    /** Accepts the format names in lower case, as the help text shows them. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "unknown format `" + value + "`: use text, json, sarif or github");
            }
        }
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
