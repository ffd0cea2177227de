package dev.netc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.query.DeclaredExternals;
import dev.netc.rke2.Rke2Key;
import dev.netc.rke2.Rke2KeyCatalogue;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The promise as a property: for random clusters ({@link ClusterSpecGenerator}, fixed seeds, many
 * of them wrong on purpose), every spec netc accepts gives files that every consumer reads as
 * intended, replayed by the harness, and policies that allow exactly the declared flows.
 * A failure names the seed; the spec is in the message.
 */
class GeneratedClustersConformanceTest {
    private static final int SPECS = 1200;

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyAcceptedClusterBoots() {
        List<String> keys = Rke2KeyCatalogue.all().stream().map(Rke2Key::name).toList();
        Map<String, Compiler.Result> accepted = new LinkedHashMap<>();
        Map<String, String> texts = new LinkedHashMap<>();
        List<Path> cases = new ArrayList<>();
        Map<String, DeclaredExternals> externals = new LinkedHashMap<>();
        for (long seed = 0; seed < SPECS; seed++) {
            ClusterSpecGenerator generator = new ClusterSpecGenerator(seed, keys);
            String text = generator.generate();
            Compiler.Result result = InMemorySpec.compile(text, ClusterSpecGenerator.ENVIRONMENT);
            if (!result.hasErrors()) {
                String name = "seed-" + seed;
                accepted.put(name, result);
                texts.put(name, text);
                generator.declaredExternals().ifPresent(declared -> externals.put(name, declared));
                cases.add(Cases.write(dir.resolve(name), result));
            }
        }
        // The generator must keep reaching the emitters: a change that makes it produce only
        // rejected specs would leave the property with nothing to say. About one in ten is
        // accepted (114 of 1,200), as most carry some value wrong on purpose.
        assertThat(accepted.size()).as("accepted specs of %d", SPECS).isGreaterThan(SPECS / 12);
        List<Harness.Finding> findings = Harness.run(cases);
        return accepted.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
                    String spec = e.getKey() + ":\n" + texts.get(e.getKey());
                    Accepted.assertBoots(
                            spec,
                            e.getValue(),
                            findings.stream()
                                    .filter(f -> f.kase()
                                            .equals(dir.resolve(e.getKey()).toString()))
                                    .toList());
                    Accepted.assertExact(spec, e.getValue(), externals.get(e.getKey()));
                }));
    }
}
