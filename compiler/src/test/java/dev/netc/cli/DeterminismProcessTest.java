package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.examples.Examples;
import dev.netc.fuzz.SpecGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same specs give byte-identical output in processes that differ in everything a machine
 * can differ in: locale (Turkish, where a naive lower-casing of `I` gives a dotless `ı`; and
 * the POSIX locale with an ASCII default charset), time zone, working directory, and the
 * absolute path of the project. Every example plus a spec with non-ASCII strings is compiled in
 * each setting, in a process of its own (DeterminismTest varies locale and zone in-process).
 *
 * <p>The machine may lack the Turkish locale, in which case the JVM ignores `LANG`; the
 * `user.language` options set it for Java regardless.
 */
class DeterminismProcessTest {
    @TempDir
    Path dir;

    private record Setting(String name, Map<String, String> environment, List<String> jvmOptions) {}

    private static final List<Setting> SETTINGS = List.of(
            new Setting("en_US, UTC", Map.of("LANG", "en_US.UTF-8", "LC_ALL", "en_US.UTF-8", "TZ", "UTC"), List.of()),
            new Setting(
                    "tr_TR, Pacific/Chatham",
                    Map.of("LANG", "tr_TR.UTF-8", "LC_ALL", "tr_TR.UTF-8", "TZ", "Pacific/Chatham"),
                    List.of("-Duser.language=tr", "-Duser.country=TR", "-Duser.timezone=Pacific/Chatham")),
            new Setting(
                    "POSIX, America/St_Johns",
                    Map.of("LANG", "C", "LC_ALL", "C", "TZ", "America/St_Johns"),
                    List.of()));

    @Test
    void outputIsByteIdenticalAcrossLocalesZonesFoldersAndPaths() throws IOException {
        Map<String, String> reference = null;
        for (int i = 0; i < SETTINGS.size(); i++) {
            Setting setting = SETTINGS.get(i);
            // each setting gets its own copy of the project at a different depth, so absolute paths differ
            Path project = Files.createDirectories(
                    dir.resolve("p" + i).resolve("deeper/".repeat(i)).resolve("project"));
            Path specs = copySpecs(project.resolve("specs"));
            Map<String, String> environment = new HashMap<>(setting.environment());
            environment.put("CLUSTER_TOKEN", Examples.TOKEN);
            Path workingDirectory = i % 2 == 0 ? project : dir;
            String specsArgument = workingDirectory.equals(project) ? "specs" : specs.toString();
            NetcProcess.Result run = NetcProcess.run(
                    CompileEach.class,
                    workingDirectory,
                    environment,
                    setting.jvmOptions(),
                    specsArgument,
                    project.resolve("out").toString());
            assertThat(run.exit()).as("%s: %s", setting.name(), run.err()).isZero();
            Map<String, String> output = OutputTree.snapshot(project.resolve("out"));
            assertThat(output.keySet()).as(setting.name()).anyMatch(name -> name.endsWith("nodes/cp-1.yaml"));
            if (reference == null) {
                reference = output;
            } else {
                assertThat(output).as(setting.name()).isEqualTo(reference);
            }
        }
    }

    private static Path copySpecs(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (Path example : Examples.all()) {
            Files.copy(example, folder.resolve(example.getFileName()));
        }
        Files.writeString(folder.resolve("non-ascii.netspec"), """
                network lan { cidr 10.0.1.0/24 }
                cluster c {
                  token env("CLUSTER_TOKEN")
                  node cp-1 { role init; interface eth0 10.0.1.10 on lan }
                  rke2 { etcd-arg = [%s] }
                }
                namespace info { labels title="TITLE"; isolate }
                """.formatted(String.join(
                ", ",
                SpecGenerator.AWKWARD_STRINGS.stream()
                        .map(s -> SpecGenerator.quoted("flag=" + s))
                        .toList())));
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.count()).isGreaterThan(10);
        }
        return folder;
    }
}
