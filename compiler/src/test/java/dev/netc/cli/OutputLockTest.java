package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The lock beside an output folder: runs in processes of their own take turns though each
 * removes the lock file when it is done, and no lock file is left behind, after a run that
 * wrote or one that failed.
 */
class OutputLockTest extends CommandLineFixture {
    private static final int PROCESSES = 3;
    private static final int TURNS = 15;

    /** Holds the lock of {@code args[0]} {@code args[2]} times, logging entry and exit to {@code args[1]}. */
    public static final class Holder {
        private Holder() {}

        public static void main(String[] args) throws Exception {
            Path log = Path.of(args[1]);
            String id = String.valueOf(ProcessHandle.current().pid());
            for (int turn = 0; turn < Integer.parseInt(args[2]); turn++) {
                try (OutputLock lock = OutputLock.acquire(Path.of(args[0]))) {
                    append(log, "enter " + id);
                    Thread.sleep(3);
                    append(log, "leave " + id);
                }
            }
        }

        private static void append(Path log, String line) throws IOException {
            Files.writeString(
                    log, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    @Test
    void runsTakeTurnsThoughEachRemovesTheLockFile() throws Exception {
        Path target = dir.resolve("out");
        Path log = dir.resolve("log");
        List<Process> processes = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            processes.add(NetcProcess.start(
                    Holder.class, dir, Map.of(), List.of(), target.toString(), log.toString(), String.valueOf(TURNS)));
        }
        for (Process process : processes) {
            assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue())
                    .as(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8))
                    .isZero();
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2 * PROCESSES * TURNS);
        for (int i = 0; i < lines.size(); i += 2) {
            assertThat(lines.get(i)).as("line %d", i).startsWith("enter ");
            assertThat(lines.get(i + 1))
                    .as("line %d", i + 1)
                    .isEqualTo("leave " + lines.get(i).substring(6));
        }
        assertThat(dir.resolve(".out.netc-lock")).doesNotExist();
    }

    @Test
    void noLockFileIsLeftBesideTheOutput() throws IOException {
        Path spec = spec("a.netspec", "namespace app { isolate ingress }\n");
        assertThat(netc("compile", spec.toString(), "-o", dir.resolve("out").toString()))
                .isZero();
        Path notAFolder = Files.writeString(dir.resolve("README.md"), "# a file\n");
        assertThat(netc("compile", spec.toString(), "-o", notAFolder.toString()))
                .isEqualTo(1);
        try (var entries = Files.list(dir)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.netspec", "out", "README.md");
        }
    }
}
