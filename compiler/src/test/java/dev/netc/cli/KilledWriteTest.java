package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `netc compile` killed with SIGKILL while it writes a large output: afterwards (once the next
 * run has undone what the killed one left) the output folder is the previous output byte for
 * byte or the complete new one. Each run is killed at a random moment after its staging
 * folder appears, so the kills land while files are written and moved; the runs alternate
 * between two specs, so each kill interrupts a change of every file.
 */
class KilledWriteTest {
    /** Runs are killed until this many kills have interrupted a write (or {@link #MAX_RUNS} runs have been made). */
    private static final int INTERRUPTED_WRITES = 2;

    private static final int MAX_RUNS = 12;

    @TempDir
    Path dir;

    @Test
    void aKilledRunLeavesThePreviousOutputOrTheNewOne() throws Exception {
        Path[] specs = {spec("a.netspec", 80), spec("b.netspec", 120)};
        Map<String, String> expectedA = expected(specs[0], "expected-a");
        long start = System.nanoTime();
        Map<String, String> expectedB = expected(specs[1], "expected-b");
        // the kill comes at a random moment within about as long as a whole compilation in-process takes
        int window = (int) Math.max(20, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        Path out = dir.resolve("out");
        compileInProcess(specs[0], out);
        Map<String, String> current = expectedA;
        Random random = new Random(20261126);
        int interruptedWrites = 0;
        int kill = 0;
        for (; kill < MAX_RUNS && interruptedWrites < INTERRUPTED_WRITES; kill++) {
            Path spec = specs[(kill + 1) % 2];
            Map<String, String> next = spec == specs[0] ? expectedA : expectedB;
            Process netc =
                    NetcProcess.start(dir, Map.of(), List.of(), "compile", spec.toString(), "-o", out.toString());
            netc.getInputStream().close();
            netc.getErrorStream().close();
            if (awaitStaging(netc)) {
                Thread.sleep(random.nextInt(window));
                netc.destroyForcibly(); // SIGKILL: no shutdown hook, no finally block runs
            }
            assertThat(netc.waitFor(2, TimeUnit.MINUTES)).isTrue();
            interruptedWrites += staging().findAny().isPresent() ? 1 : 0;
            OutputWriter.recover(out);
            Map<String, String> tree = OutputTree.snapshot(out);
            assertThat(tree).as("after kill %d", kill).isIn(current, next);
            assertThat(staging()).isEmpty();
            current = tree;
        }
        System.out.printf("killed runs: %d, %d of them in the middle of a write%n", kill, interruptedWrites);
        assertThat(interruptedWrites).as("kills that interrupted a write").isPositive();
    }

    /** Waits until the run's staging folder exists; false when the process ended first. */
    private boolean awaitStaging(Process netc) throws InterruptedException {
        while (netc.isAlive()) {
            if (staging().findAny().isPresent()) {
                return true;
            }
            Thread.sleep(1);
        }
        return false;
    }

    private Stream<Path> staging() {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(p -> p.getFileName().toString().startsWith(".out.netc-staging-")).toList().stream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Map<String, String> expected(Path spec, String folder) {
        Path out = dir.resolve(folder);
        compileInProcess(spec, out);
        return OutputTree.snapshot(out);
    }

    private static void compileInProcess(Path spec, Path out) {
        StringWriter err = new StringWriter();
        int exit = Netc.run(
                new String[] {"compile", spec.toString(), "-o", out.toString()},
                new PrintWriter(new StringWriter()),
                new PrintWriter(err));
        assertThat(exit).as(err.toString()).isZero();
    }

    /** Many namespaces (a policy file each) and nodes (a node file each): a write that takes a while. */
    private Path spec(String name, int count) throws IOException {
        StringBuilder text =
                new StringBuilder("network lan { cidr 10.1.0.0/16 }\ncluster c {\n  token file(\"token.txt\")\n");
        for (int i = 0; i < count; i++) {
            text.append("  node n")
                    .append(i)
                    .append(" { role ")
                    .append(i == 0 ? "init" : "worker")
                    .append("; interface eth0 10.1.")
                    .append(i / 200)
                    .append('.')
                    .append(i % 200 + 10)
                    .append(" on lan }\n");
        }
        text.append("}\n");
        for (int i = 0; i < count; i++) {
            text.append("namespace ns")
                    .append(i)
                    .append(" { isolate\n  tier web { pods app=web; port http ")
                    .append(8000 + count)
                    .append("/tcp }\n  allow ns")
                    .append((i + 1) % count)
                    .append(".web -> web:http\n}\n");
        }
        Files.writeString(dir.resolve("token.txt"), "K10-kill-test-token");
        return Files.writeString(dir.resolve(name), text);
    }
}
