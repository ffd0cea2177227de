package dev.netc.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Programs run by the distribution's tests, and where the build put what they test. */
final class Tools {
    /** The repository's root: the tests run in the module's folder. */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static final String VERSION = System.getProperty("netc.version", versionOfThePom());
    /** The distribution as the assembly laid it out (its `dir` format). */
    static final Path HOME =
            Path.of("target", "netc-" + VERSION, "netc-" + VERSION).toAbsolutePath();

    private Tools() {}

    /** What a finished program printed and returned. */
    record Run(int exit, String out, String err) {}

    /** Runs a program to its end (two minutes at most) in {@code directory}, with more environment and standard input. */
    static Run run(Path directory, Map<String, String> environment, String input, List<String> command) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toAbsolutePath().toFile());
            builder.environment().putAll(environment);
            Path out = Files.createTempFile("out", ".txt");
            Path err = Files.createTempFile("err", ".txt");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            Process process = builder.start();
            try (var stdin = process.getOutputStream()) {
                stdin.write(input.getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError(command + " did not finish in two minutes");
            }
            Run run = new Run(process.exitValue(), Files.readString(out), Files.readString(err));
            Files.delete(out);
            Files.delete(err);
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static Run run(Path directory, String... command) {
        return run(directory, Map.of(), "", List.of(command));
    }

    /** Asserts that a tool is installed (src/test/install-tools.sh installs it in CI), saying how to get it. */
    static void need(String tool, String debianPackage) {
        boolean found = run(Path.of(""), "bash", "-c", "command -v " + tool).exit() == 0;
        assertThat(found)
                .as(
                        "`%s` is needed: apt-get install -y %s (the build installs it when run as root)",
                        tool, debianPackage)
                .isTrue();
    }

    private static String versionOfThePom() {
        try {
            String pom = Files.readString(ROOT.resolve("pom.xml"));
            int start = pom.indexOf("<version>", pom.indexOf("<artifactId>netc-parent</artifactId>"));
            return pom.substring(start + "<version>".length(), pom.indexOf("</version>", start));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
