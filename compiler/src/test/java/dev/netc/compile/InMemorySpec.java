package dev.netc.compile;

import dev.netc.analysis.SecretSource;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compiles spec text given in a test, as one file without a path, without a token. */
public final class InMemorySpec {
    private InMemorySpec() {
    }

    /** With the rule trace ({@code Compiler.Result.provenance()}), as {@code netc query} compiles. */
    public static Compiler.Result compile(String text) {
        Path root = Path.of("").toAbsolutePath();
        return Compiler.compile(new Compiler.Request(List.of(), List.of(new SourceFile("spec.netspec", text)), root, root,
                Map.of(), SecretSource.of(Map.of()), new Emitter.Options(false, true)));
    }
}
