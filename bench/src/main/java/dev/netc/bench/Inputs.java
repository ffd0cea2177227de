package dev.netc.bench;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Compiler requests for generated text: no files on disk, a fixed token. */
final class Inputs {
    static final SecretSource SECRETS = SecretSource.of(Map.of("CLUSTER_TOKEN", "bench-token"));

    private Inputs() {}

    static Compiler.Request request(String name, String text) {
        Path here = Path.of("").toAbsolutePath();
        return new Compiler.Request(
                List.of(), List.of(new SourceFile(name, text)), here, here, Map.of(), SECRETS, Emitter.Options.DEFAULT);
    }
}
