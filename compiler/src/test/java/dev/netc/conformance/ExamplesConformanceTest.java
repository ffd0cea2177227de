package dev.netc.conformance;

import dev.netc.compile.Compiler;
import dev.netc.examples.Examples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every example's output, replayed through every consumer by the harness: it boots as written. */
class ExamplesConformanceTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyExampleBoots() {
        Map<String, Compiler.Result> results = new LinkedHashMap<>();
        List<Path> cases = new ArrayList<>();
        for (Path example : Examples.all()) {
            String name = Examples.name(example);
            Compiler.Result result = Examples.compile(example);
            results.put(name, result);
            cases.add(Cases.write(dir.resolve(name), result));
        }
        List<Harness.Finding> findings = Harness.run(cases);
        return results.entrySet().stream()
                .map(e -> DynamicTest.dynamicTest(
                        e.getKey(),
                        () -> Accepted.assertBoots(
                                e.getKey(),
                                e.getValue(),
                                findings.stream()
                                        .filter(f -> f.kase()
                                                .equals(dir.resolve(e.getKey()).toString()))
                                        .toList())));
    }
}
