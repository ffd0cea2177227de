package dev.netc.examples;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.docs.AnnouncedDiagnostics;
import dev.netc.emit.Emitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The files of {@code examples/} and how the tests compile them. */
public final class Examples {
    public static final Path DIR = Path.of("..", "examples").toAbsolutePath().normalize();
    static final Path EXPECTED = DIR.resolve("expected");
    /** The token the examples read with {@code env("CLUSTER_TOKEN")}: a fake, easy to spot in output. */
    public static final String TOKEN = "K10example-token-not-a-secret";

    private Examples() {}

    public static List<Path> all() {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(p -> p.toString().endsWith(".netspec")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String name(Path example) {
        String file = example.getFileName().toString();
        return file.substring(0, file.length() - ".netspec".length());
    }

    /**
     * Compiles an example as `netc compile` would, from the repository root. An example has no
     * errors; a warning it shows on purpose is announced on its line, e.g. `// warning: NS4017`.
     */
    public static Compiler.Result compile(Path example) {
        Compiler.Result result = Compiler.compile(new Compiler.Request(
                List.of(example),
                List.of(),
                DIR,
                DIR.getParent(),
                Map.of(),
                SecretSource.of(Map.of("CLUSTER_TOKEN", TOKEN)),
                Emitter.Options.DEFAULT));
        try {
            AnnouncedDiagnostics.assertAnnounced(name(example), Files.readString(example), result.diagnostics());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return result;
    }
}
