package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.emit.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The output folder holds the previous output byte for byte or the complete new one, never a
 * mix: every disk operation of a write is made to fail in turn, and to "kill" the run (no
 * disk operation at all after it), and the folder is compared with both.
 */
class OutputWriterTest {
    private static final List<OutputFile> PREVIOUS = List.of(
            new OutputFile("policies/app.yaml", "kind: NetworkPolicy # previous\n", false),
            new OutputFile("policies/old.yaml", "kind: NetworkPolicy # only in the previous run\n", false),
            new OutputFile("nodes/cp-1.yaml", "#cloud-config\ncluster_token: previous-secret\n", true));
    private static final List<OutputFile> NEXT = List.of(
            new OutputFile("policies/app.yaml", "kind: NetworkPolicy # next\n", false),
            new OutputFile("nodes/cp-1.yaml", "#cloud-config\ncluster_token: next-secret\n", true),
            new OutputFile("nodes/cp-2.yaml", "#cloud-config\ncluster_token: next-secret\n", true),
            new OutputFile("manifests/rke2-canal-config.yaml", "kind: HelmChartConfig\n", false));

    @TempDir
    Path dir;
    private Path out;

    @BeforeEach
    void previousOutputAndAForeignFile() throws IOException {
        out = dir.resolve("out");
        OutputWriter.write(out, PREVIOUS);
        Files.writeString(out.resolve("README.md"), "written by a person");
    }

    @Test
    void aWriteReplacesChangedFilesRemovesStaleOnesAndKeepsForeignOnes() throws IOException {
        OutputWriter.write(out, NEXT);
        Map<String, String> tree = OutputTree.snapshot(dir);
        assertThat(tree).containsEntry("out/policies/app.yaml", "rw-r--r-- kind: NetworkPolicy # next\n")
                .containsEntry("out/nodes/cp-2.yaml", "rw------- #cloud-config\ncluster_token: next-secret\n")
                .containsEntry("out/README.md", "rw-r--r-- written by a person")
                .doesNotContainKey("out/policies/old.yaml");
        assertThat(Files.readString(out.resolve(OutputWriter.MANIFEST)))
                .isEqualTo("policies/app.yaml\nnodes/cp-1.yaml\nnodes/cp-2.yaml\nmanifests/rke2-canal-config.yaml\n");
        assertThat(OutputTree.staging(dir)).isEmpty();
    }

    @Test
    void whicheverDiskOperationFailsTheFolderIsThePreviousOutputOrTheNewOne() throws IOException {
        Outcomes outcomes = outcomes();
        Map<String, String> previous = outcomes.previous();
        Map<String, String> next = outcomes.next();
        int operations = outcomes.operations();
        int failed = 0;
        for (int failing = 1; failing <= operations; failing++) {
            reset(previous);
            try {
                new OutputWriter(new FaultyDisk(failing, false)).install(out, NEXT);
            } catch (IOException e) {
                failed++;
            }
            // the failed run itself has put the folder back (or committed): no recovery needed to see that
            assertThat(OutputTree.snapshot(out)).as("after operation %d of %d failed", failing, operations)
                    .isIn(OutputTree.snapshot(out, previous), OutputTree.snapshot(out, next));
            // a staging folder may be left only when removing it failed after the commit; the next run removes it
            OutputWriter.recover(out);
            assertThat(OutputTree.snapshot(dir)).as("after operation %d of %d failed", failing, operations)
                    .isIn(previous, next);
        }
        assertThat(failed).as("failures that reached the caller").isGreaterThan(operations / 2);
    }

    @Test
    void aRunKilledAtAnyDiskOperationIsUndoneByTheNextRun() throws IOException {
        Outcomes outcomes = outcomes();
        for (int killed = 1; killed <= outcomes.operations(); killed++) {
            reset(outcomes.previous());
            killInstall(killed);
            OutputWriter.recover(out);
            assertThat(OutputTree.snapshot(dir)).as("after a kill at operation %d of %d", killed, outcomes.operations())
                    .isIn(outcomes.previous(), outcomes.next());
            OutputWriter.write(out, NEXT);
            assertThat(OutputTree.snapshot(dir)).as("a full run after the kill at %d", killed).isEqualTo(outcomes.next());
        }
    }

    @Test
    void aRecoveryThatIsKilledTooCanBeRepeated() throws IOException {
        Outcomes outcomes = outcomes();
        int interruptedRecoveries = 0;
        for (int killed = 1; killed <= outcomes.operations(); killed += 3) {
            for (int recoveryKilled = 1; ; recoveryKilled++) {
                reset(outcomes.previous());
                killInstall(killed);
                FaultyDisk recoveryDisk = new FaultyDisk(recoveryKilled, true);
                try {
                    new OutputWriter(recoveryDisk).undoInterrupted(out);
                    break; // the recovery got through before the kill: every later kill point is past its end
                } catch (FaultyDisk.Killed e) {
                    interruptedRecoveries++;
                }
                OutputWriter.recover(out);
                assertThat(OutputTree.snapshot(dir)).as("install killed at %d, its recovery at %d", killed, recoveryKilled)
                        .isIn(outcomes.previous(), outcomes.next());
            }
        }
        assertThat(interruptedRecoveries).isGreaterThan(outcomes.operations() / 3);
    }

    private void killInstall(int operation) throws IOException {
        try {
            new OutputWriter(new FaultyDisk(operation, true)).install(out, NEXT);
        } catch (FaultyDisk.Killed e) {
            // gone
        }
    }

    @Test
    void aFileNetcDidNotWriteIsNeverOverwritten() throws IOException {
        Files.writeString(out.resolve("nodes/cp-2.yaml"), "mine");
        Map<String, String> before = OutputTree.snapshot(dir);
        assertThatThrownBy(() -> OutputWriter.write(out, NEXT)).isInstanceOf(OutputWriter.OutputException.class)
                .hasMessageContaining("nodes/cp-2.yaml").hasMessageContaining("did not write");
        assertThat(OutputTree.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void manifestLinesThatLeadOutOfTheFolderAreIgnored() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Files.writeString(out.resolve(OutputWriter.MANIFEST), "policies/app.yaml\npolicies/old.yaml\nnodes/cp-1.yaml\n"
                + "../victim.txt\n" + victim + "\npolicies/../../victim.txt\n");
        OutputWriter.write(out, NEXT);
        assertThat(victim).hasContent("keep me");
    }

    @Test
    void aLinkedFolderInsideTheOutputIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path fresh = dir.resolve("fresh");
        Files.createDirectory(fresh);
        Files.createSymbolicLink(fresh.resolve("nodes"), elsewhere);
        assertThatThrownBy(() -> OutputWriter.write(fresh, NEXT)).isInstanceOf(OutputWriter.OutputException.class)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aStagingFolderLeftWithoutJournalIsRemoved() throws IOException {
        Path leftover = Files.createDirectories(dir.resolve(".out.netc-staging-123/new/policies"));
        Files.writeString(leftover.resolve("app.yaml"), "half");
        Map<String, String> before = OutputTree.snapshot(out);
        OutputWriter.recover(out);
        assertThat(OutputTree.staging(dir)).isEmpty();
        assertThat(OutputTree.snapshot(out)).isEqualTo(before);
    }

    /**
     * The two states the folder may be in after a write of {@link #NEXT} over {@link #PREVIOUS},
     * and how many disk operations a successful write takes.
     */
    private record Outcomes(Map<String, String> previous, Map<String, String> next, int operations) {
    }

    private Outcomes outcomes() throws IOException {
        Map<String, String> previous = OutputTree.snapshot(dir);
        FaultyDisk counting = new FaultyDisk(Integer.MAX_VALUE, false);
        new OutputWriter(counting).install(out, NEXT);
        Map<String, String> next = OutputTree.snapshot(dir);
        reset(previous);
        assertThat(counting.operations()).isGreaterThan(10);
        return new Outcomes(previous, next, counting.operations());
    }

    /** Puts the folder back as the snapshot has it (cheaper than writing it again, which syncs every file). */
    private void reset(Map<String, String> tree) throws IOException {
        try (var entries = Files.list(dir)) {
            entries.forEach(OutputTree::delete);
        }
        OutputTree.restore(dir, tree);
        assertThat(OutputTree.snapshot(dir)).isEqualTo(tree);
    }
}
