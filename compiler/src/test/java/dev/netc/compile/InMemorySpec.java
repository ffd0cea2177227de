package dev.netc.compile;

import dev.netc.analysis.SecretSource;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compiles spec text given in a test, as one file without a path. */
public final class InMemorySpec {
    private InMemorySpec() {}

    /** With the rule trace ({@code Compiler.Result.provenance()}), as {@code netc query} compiles. */
    public static Compiler.Result compile(String text) {
        return compile(text, Map.of());
    }

    /** The same, with these environment variables for {@code env("...")} (a cluster's token). */
    public static Compiler.Result compile(String text, Map<String, String> environment) {
        Path root = Path.of("").toAbsolutePath();
        return Compiler.compile(new Compiler.Request(
                List.of(),
                List.of(new SourceFile("spec.netspec", text)),
                root,
                root,
                Map.of(),
                SecretSource.of(environment),
                Emitter.Options.builder().traceRules(true).build()));
    }
}
