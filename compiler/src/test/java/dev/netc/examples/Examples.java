package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.DiagnosticCasesTest;
import dev.netc.analysis.DiagnosticCasesTest.Expected;
import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        DiagnosticCasesTest.Unmatched unmatched = DiagnosticCasesTest.match(
                announced(example),
                result.diagnostics(),
                d -> new Expected(
                        name(example), d.primary() == null ? 0 : d.primary().line(), d.severity(), d.code()));
        assertThat(unmatched.missing())
                .as("diagnostics %s announces but does not report", example.getFileName())
                .isEmpty();
        assertThat(unmatched.unexpected())
                .as("diagnostics of %s that it does not announce", example.getFileName())
                .isEmpty();
        return result;
    }

    /** The expectations written in the example, as a case of {@code DiagnosticCasesTest} writes them. */
    private static List<Expected> announced(Path example) {
        try {
            List<String> lines = Files.readAllLines(example);
            List<Expected> announced = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                announced.addAll(DiagnosticCasesTest.parseExpectations(name(example), lines.get(i), i + 1));
            }
            return announced;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
