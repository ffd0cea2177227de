package dev.netc.conformance;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.fuzz.SpecGenerator;
import dev.netc.rke2.Rke2Key;
import dev.netc.rke2.Rke2KeyCatalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * The promise as a coverage-guided property: the fuzzer's bytes drive {@link ClusterSpecGenerator}
 * (clusters right and wrong in every way the consumers care about, with namespaces and flows of
 * every kind), and every spec netc accepts must boot, as the conformance harness replays the
 * consumers on it, and have policies that allow exactly its flows. What netc refuses says nothing.
 *
 * <p>Each accepted input runs the harness (a process of its own): tens of inputs a second. The
 * saved inputs in {@code AcceptedClusterFuzzTestInputs/} replay in every build.
 */
class AcceptedClusterFuzzTest {
    private static final List<String> KEYS =
            Rke2KeyCatalogue.all().stream().map(Rke2Key::name).toList();

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void acceptedClustersBootAndAllowExactlyTheirFlows(FuzzedDataProvider data) {
        ClusterSpecGenerator generator = new ClusterSpecGenerator(new SpecGenerator.FuzzedRandom(data), KEYS);
        String text = generator.generate();
        Compiler.Result result = InMemorySpec.compile(text, ClusterSpecGenerator.ENVIRONMENT);
        if (result.hasErrors()) {
            return;
        }
        Path dir = temporaryFolder();
        try {
            Path kase = Cases.write(dir.resolve("case"), result);
            Accepted.assertBoots(text, result, Harness.run(List.of(kase)));
            Accepted.assertExact(text, result, generator.declaredExternals().orElse(null));
        } finally {
            delete(dir);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("netc-accepted-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
