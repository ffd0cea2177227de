package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.emit.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Pins the complete output of every example under {@code examples/expected/<name>/}. These
 * files were read and checked by a person against the RKE2/Kairos/Canal facts (cloud-config
 * shape, Canal values, policies); any change to them shows up in review as a diff.
 * Regenerate after an intended change with {@code NETC_UPDATE_GOLDEN=1 mvn test}.
 */
class ExamplesGoldenTest {
    private static final boolean UPDATE = "1".equals(System.getenv("NETC_UPDATE_GOLDEN"));

    @TestFactory
    Stream<DynamicTest> everyExampleMatchesItsGoldenOutput() {
        return Examples.all().stream()
                .map(example -> DynamicTest.dynamicTest(Examples.name(example), () -> {
                    Compiler.Result result = Examples.compile(example);
                    Path expectedDir = Examples.EXPECTED.resolve(Examples.name(example));
                    if (UPDATE) {
                        rewrite(expectedDir, result.files());
                    }
                    Set<String> produced = new TreeSet<>();
                    for (OutputFile file : result.files()) {
                        produced.add(file.path());
                        Path golden = expectedDir.resolve(file.path());
                        assertThat(golden).as("golden file for %s", file.path()).exists();
                        assertThat(file.content())
                                .as(file.path())
                                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
                    }
                    assertThat(produced)
                            .as("files of %s", example.getFileName())
                            .isEqualTo(goldenFiles(expectedDir));
                }));
    }

    private static Set<String> goldenFiles(Path dir) throws IOException {
        Set<String> files = new TreeSet<>();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .forEach(p -> files.add(dir.relativize(p).toString().replace('\\', '/')));
            }
        }
        return files;
    }

    private static void rewrite(Path dir, List<OutputFile> files) throws IOException {
        if (Files.isDirectory(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path :
                        walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        for (OutputFile file : files) {
            Path path = dir.resolve(file.path());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.content(), StandardCharsets.UTF_8);
        }
    }
}
