package dev.netc.cli;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.TextRenderer;
import dev.netc.emit.Emitter;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    Compiler.Result compile(Emitter.Options emitOptions) {
        Path workingDirectory = Path.of("").toAbsolutePath();
        Path first = inputs.get(0).toAbsolutePath().normalize();
        Path projectRoot = root != null ? root : Files.isDirectory(first) ? first : first.getParent();
        return Compiler.compile(new Compiler.Request(inputs, List.of(), projectRoot, workingDirectory, params,
                SecretSource.of(System.getenv()), emitOptions));
    }

    /** Prints the diagnostics and the summary line to {@code err}. */
    void report(Compiler.Result result, PrintWriter err) {
        TextRenderer renderer = new TextRenderer(useColor());
        for (Diagnostic diagnostic : result.diagnostics()) {
            err.print(renderer.render(diagnostic));
            err.println();
        }
        err.print(renderer.summary(result.diagnostics(), inputs.size()));
        err.flush();
    }

    private boolean useColor() {
        return switch (color) {
            case "always" -> true;
            case "never" -> false;
            default -> System.getenv("NO_COLOR") == null && System.console() != null;
        };
    }
}
