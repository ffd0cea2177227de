package dev.netc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The harness catches what it is for: each folder of {@code conformance/testdata} holds files an
 * earlier netc emitted for a spec that breaks a consumer (see the README there), and
 * {@code expected.txt} the findings that say so. A harness change that stops seeing one of these
 * defects fails here, whatever netc emits today.
 */
class HarnessSelfTest {

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> dirs = Files.list(Harness.TESTDATA)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findsTheDefect(Path kase) throws IOException {
        List<String> expected = Files.readAllLines(kase.resolve("expected.txt"));
        TreeSet<String> found = new TreeSet<>();
        Harness.run(List.of(kase)).forEach(f -> found.add(f.kind()));
        assertThat(found).as("findings of %s", kase.getFileName()).containsExactlyElementsOf(new TreeSet<>(expected));
    }
}
