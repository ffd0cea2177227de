package dev.netc.conformance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The conformance harness ({@code conformance/harness}, Go), which replays the consumers of netc's
 * output with their own libraries and the cited tables of {@code src/main/catalogue}. The compiler
 * module's build compiles it into {@code target/conformance} before the tests run.
 */
public final class Harness {
    static final Path BINARY =
            Path.of("target", "conformance", "netc-conformance").toAbsolutePath();
    static final Path TABLES = Path.of("src", "main", "catalogue").toAbsolutePath();
    static final Path TESTDATA =
            Path.of("..", "conformance", "testdata").toAbsolutePath().normalize();

    /** What a consumer does differently from what a file says; see conformance/harness/findings.go. */
    public record Finding(
            String kase, String file, String path, String severity, String rule, String message, String source) {
        public boolean isError() {
            return severity.equals("error");
        }

        /** The severity and rule, e.g. {@code error canal.mtu}. */
        public String kind() {
            return severity + " " + rule;
        }

        @Override
        public String toString() {
            return severity + " " + rule + " " + file + " " + path + ": " + message + " [" + source + "]";
        }
    }

    private Harness() {}

    /** Runs the harness on case folders (each with {@code out/} and an optional {@code env.json}). */
    public static List<Finding> run(List<Path> cases) {
        List<String> command = new ArrayList<>(List.of(BINARY.toString(), "-tables", TABLES.toString()));
        cases.forEach(c -> command.add(c.toString()));
        try {
            Path stdout = Files.createTempFile("netc-conformance", ".jsonl");
            try {
                Process process = new ProcessBuilder(command)
                        .redirectOutput(stdout.toFile())
                        .redirectError(ProcessBuilder.Redirect.INHERIT)
                        .start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the conformance harness did not finish in 5 minutes");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException("the conformance harness exited with " + process.exitValue());
                }
                return parse(Files.readAllLines(stdout, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Finding> parse(List<String> lines) {
        List<Finding> findings = new ArrayList<>();
        for (String line : lines) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            findings.add(new Finding(
                    text(o, "case"),
                    text(o, "file"),
                    text(o, "path"),
                    text(o, "severity"),
                    text(o, "rule"),
                    text(o, "message"),
                    text(o, "source")));
        }
        return findings;
    }

    /** A field of a finding; the harness leaves out an empty path. */
    private static String text(JsonObject object, String field) {
        return object.has(field) ? object.get(field).getAsString() : "";
    }
}
