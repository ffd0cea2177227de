package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.emit.OutputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The output folder holds the previous output byte for byte or the complete new one, never a
 * mix: every disk operation of a write is made to fail in turn, and to "kill" the run (no
 * disk operation at all after it), and the folder is compared with both. Each of these runs
 * twice: over the previous output (the journalled write) and into a folder that does not exist
 * yet (staged, then renamed into place in one step).
 */
class OutputWriterTest {
    private static final List<OutputFile> PREVIOUS = List.of(
            new OutputFile("policies/app.yaml", "kind: NetworkPolicy # previous\n", false),
            new OutputFile("policies/old.yaml", "kind: NetworkPolicy # only in the previous run\n", false),
            new OutputFile("nodes/cp-1.yaml", "#cloud-config\ncluster_token: previous-secret\n", true),
            new OutputFile("nodes/cp-9.yaml", "#cloud-config\ncluster_token: unchanged-secret\n", true));
    private static final List<OutputFile> NEXT = List.of(
            new OutputFile("policies/app.yaml", "kind: NetworkPolicy # next\n", false),
            new OutputFile("nodes/cp-1.yaml", "#cloud-config\ncluster_token: next-secret\n", true),
            new OutputFile("nodes/cp-2.yaml", "#cloud-config\ncluster_token: next-secret\n", true),
            new OutputFile("manifests/rke2-canal-config.yaml", "kind: HelmChartConfig\n", false),
            new OutputFile("nodes/cp-9.yaml", "#cloud-config\ncluster_token: unchanged-secret\n", true));

    /** Where {@link #NEXT} is written. */
    enum Target {
        /** over the output of an earlier run, next to a file a person wrote */
        PREVIOUS_OUTPUT,
        /** a folder that does not exist yet */
        NEW_FOLDER
    }

    @TempDir
    Path dir;

    private Path out;
    private Path fresh;

    @BeforeEach
    void previousOutputAndAForeignFile() throws IOException {
        out = dir.resolve("out");
        fresh = dir.resolve("fresh");
        OutputWriter.write(out, PREVIOUS);
        Files.writeString(out.resolve("README.md"), "written by a person");
    }

    private Path folder(Target target) {
        return target == Target.PREVIOUS_OUTPUT ? out : fresh;
    }

    @Test
    void aWriteReplacesChangedFilesRemovesStaleOnesAndKeepsForeignOnes() throws IOException {
        OutputWriter.write(out, NEXT);
        Map<String, String> tree = OutputTree.snapshot(dir);
        assertThat(tree)
                .containsEntry("out/policies/app.yaml", "rw-r--r-- kind: NetworkPolicy # next\n")
                .containsEntry("out/nodes/cp-2.yaml", "rw------- #cloud-config\ncluster_token: next-secret\n")
                .containsEntry("out/README.md", "rw-r--r-- written by a person")
                .doesNotContainKey("out/policies/old.yaml");
        assertThat(Files.readString(out.resolve(OutputWriter.MANIFEST)))
                .isEqualTo(
                        "policies/app.yaml\nnodes/cp-1.yaml\nnodes/cp-2.yaml\nmanifests/rke2-canal-config.yaml\nnodes/cp-9.yaml\n");
        assertThat(OutputTree.staging(dir)).isEmpty();
    }

    @Test
    void aNewFolderGetsTheSameFilesAndModesAsAFolderWrittenOver() throws IOException {
        OutputWriter.write(out, NEXT);
        OutputWriter.write(fresh, NEXT);
        Map<String, String> overPrevious = new java.util.TreeMap<>(OutputTree.snapshot(out));
        overPrevious.remove("README.md");
        assertThat(OutputTree.snapshot(fresh)).isEqualTo(overPrevious).containsEntry("/", "rwxr-xr-x");
        assertThat(OutputTree.staging(dir)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void whicheverDiskOperationFailsTheFolderIsThePreviousOutputOrTheNewOne(Target target) throws IOException {
        Path folder = folder(target);
        Outcomes outcomes = outcomes(folder);
        Map<String, String> previous = outcomes.previous();
        Map<String, String> next = outcomes.next();
        int operations = outcomes.operations();
        int failed = 0;
        for (int failing = 1; failing <= operations; failing++) {
            reset(previous);
            try {
                new OutputWriter(new FaultyDisk(failing, false)).install(folder, NEXT);
            } catch (IOException e) {
                failed++;
            }
            // the failed run itself has put the folder back (or committed): no recovery needed to see that
            assertThat(withoutStaging(OutputTree.snapshot(dir)))
                    .as("after operation %d of %d failed", failing, operations)
                    .isIn(previous, next);
            // a staging folder may be left only when removing it failed after the commit; the next run removes it
            OutputWriter.recover(folder);
            assertThat(OutputTree.snapshot(dir))
                    .as("after operation %d of %d failed", failing, operations)
                    .isIn(previous, next);
        }
        assertThat(failed).as("failures that reached the caller").isGreaterThan(operations / 2);
    }

    private static Map<String, String> withoutStaging(Map<String, String> tree) {
        Map<String, String> copy = new java.util.TreeMap<>(tree);
        copy.keySet().removeIf(name -> name.contains(".netc-staging-"));
        return copy;
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aRunKilledAtAnyDiskOperationIsUndoneByTheNextRun(Target target) throws IOException {
        Path folder = folder(target);
        Outcomes outcomes = outcomes(folder);
        for (int killed = 1; killed <= outcomes.operations(); killed++) {
            reset(outcomes.previous());
            killInstall(folder, killed);
            OutputWriter.recover(folder);
            assertThat(OutputTree.snapshot(dir))
                    .as("after a kill at operation %d of %d", killed, outcomes.operations())
                    .isIn(outcomes.previous(), outcomes.next());
            OutputWriter.write(folder, NEXT);
            assertThat(OutputTree.snapshot(dir))
                    .as("a full run after the kill at %d", killed)
                    .isEqualTo(outcomes.next());
        }
    }

    @ParameterizedTest
    @EnumSource(Target.class)
    void aRecoveryThatIsKilledTooCanBeRepeated(Target target) throws IOException {
        Path folder = folder(target);
        Outcomes outcomes = outcomes(folder);
        int interruptedRecoveries = 0;
        for (int killed = 1; killed <= outcomes.operations(); killed += 3) {
            for (int recoveryKilled = 1; ; recoveryKilled++) {
                reset(outcomes.previous());
                killInstall(folder, killed);
                FaultyDisk recoveryDisk = new FaultyDisk(recoveryKilled, true);
                try {
                    new OutputWriter(recoveryDisk).undoInterrupted(folder);
                    break; // the recovery got through before the kill: every later kill point is past its end
                } catch (FaultyDisk.Killed e) {
                    interruptedRecoveries++;
                }
                OutputWriter.recover(folder);
                assertThat(OutputTree.snapshot(dir))
                        .as("install killed at %d, its recovery at %d", killed, recoveryKilled)
                        .isIn(outcomes.previous(), outcomes.next());
            }
        }
        assertThat(interruptedRecoveries)
                .as("recoveries that were themselves killed")
                .isPositive();
    }

    private static void killInstall(Path folder, int operation) throws IOException {
        try {
            new OutputWriter(new FaultyDisk(operation, true)).install(folder, NEXT);
        } catch (FaultyDisk.Killed e) {
            // gone
        }
    }

    @Test
    void aBatchLocksTheFolderOfAllSitesOnceAndUndoesEverySitesInterruptedWrite() throws IOException {
        Path sites = dir.resolve("sites");
        try (OutputWriter.SiteFolders folders = OutputWriter.openSites(sites)) {
            folders.write("a", PREVIOUS);
            folders.write("b", PREVIOUS);
        }
        try (var entries = Files.list(sites)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .as("no lock file per site")
                    .containsExactlyInAnyOrder("a", "b");
        }
        assertThat(dir.resolve(".sites.netc-lock"))
                .as("removed when the batch ends")
                .doesNotExist();
        Map<String, String> before = OutputTree.snapshot(dir);
        // two sites' writes killed half-way: one while moving files over its earlier output, one
        // before its new folder was renamed into place
        killInstall(sites.resolve("a"), 17);
        killInstall(sites.resolve("c"), 11);
        try (var entries = Files.list(sites)) {
            List<Path> staging = entries.filter(p -> p.getFileName().toString().contains(".netc-staging-"))
                    .toList();
            assertThat(staging).hasSize(2);
            for (Path folder : staging) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                        .isEqualTo("rwx------");
            }
        }
        assertThat(OutputTree.snapshot(dir)).isNotEqualTo(before);
        try (OutputWriter.SiteFolders folders = OutputWriter.openSites(sites)) {
            assertThat(OutputTree.snapshot(dir))
                    .as("undone when the batch starts, before any site is written")
                    .isEqualTo(before);
            folders.write("b", NEXT);
        }
        assertThat(OutputTree.snapshot(sites.resolve("b"))).isEqualTo(OutputTree.snapshot(fresh(NEXT)));
    }

    @Test
    void aBatchRefusesASiteNameThatLeavesItsFolder() throws IOException {
        try (OutputWriter.SiteFolders folders = OutputWriter.openSites(dir.resolve("sites"))) {
            assertThatThrownBy(() -> folders.write("../out", NEXT))
                    .isInstanceOf(OutputWriter.OutputException.class)
                    .hasMessageContaining("not a plain folder name");
        }
        assertThat(dir.resolve("sites"))
                .as("a batch that writes no site leaves no folder")
                .doesNotExist();
    }

    /** {@code files} written by a single compile into a new folder. */
    private Path fresh(List<OutputFile> files) throws IOException {
        OutputWriter.write(fresh, files);
        return fresh;
    }

    @Test
    void aFileNetcDidNotWriteIsNeverOverwritten() throws IOException {
        Files.writeString(out.resolve("nodes/cp-2.yaml"), "mine");
        Map<String, String> before = OutputTree.snapshot(dir);
        assertThatThrownBy(() -> OutputWriter.write(out, NEXT))
                .isInstanceOf(OutputWriter.OutputException.class)
                .hasMessageContaining("nodes/cp-2.yaml")
                .hasMessageContaining("did not write");
        assertThat(OutputTree.snapshot(dir)).isEqualTo(before);
    }

    @Test
    void manifestLinesThatLeadOutOfTheFolderAreIgnored() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "keep me");
        Files.writeString(
                out.resolve(OutputWriter.MANIFEST),
                "policies/app.yaml\npolicies/old.yaml\nnodes/cp-1.yaml\nnodes/cp-9.yaml\n" + "../victim.txt\n" + victim
                        + "\npolicies/../../victim.txt\n");
        OutputWriter.write(out, NEXT);
        assertThat(victim).hasContent("keep me");
    }

    @Test
    void aLinkedFolderInsideTheOutputIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(dir.resolve("elsewhere"));
        Path fresh = dir.resolve("fresh");
        Files.createDirectory(fresh);
        Files.createSymbolicLink(fresh.resolve("nodes"), elsewhere);
        assertThatThrownBy(() -> OutputWriter.write(fresh, NEXT))
                .isInstanceOf(OutputWriter.OutputException.class)
                .hasMessageContaining("symbolic link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void filesWithTheSameBytesAndModeAreLeftAsTheyAre() throws IOException {
        Map<String, Object> before = identities(out);
        OutputWriter.write(out, NEXT);
        Map<String, Object> after = identities(out);
        assertThat(after.get("nodes/cp-9.yaml"))
                .as("unchanged: the same file")
                .isEqualTo(before.get("nodes/cp-9.yaml"));
        assertThat(after.get("policies/app.yaml"))
                .as("changed: a new file")
                .isNotEqualTo(before.get("policies/app.yaml"));

        OutputWriter.write(out, NEXT);
        assertThat(identities(out))
                .as("the same output again changes nothing, the manifest included")
                .isEqualTo(after);
        assertThat(OutputTree.staging(dir)).isEmpty();
    }

    @Test
    void aFileWithTheRightBytesButAnotherModeIsWrittenAgain() throws IOException {
        Files.setPosixFilePermissions(out.resolve("nodes/cp-9.yaml"), PosixFilePermissions.fromString("rw-r--r--"));
        OutputWriter.write(out, NEXT);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out.resolve("nodes/cp-9.yaml"))))
                .as("a secret is never left readable by others")
                .isEqualTo("rw-------");
    }

    /** Each regular file's inode and modification time, by path. */
    private static Map<String, Object> identities(Path folder) throws IOException {
        Map<String, Object> identities = new java.util.TreeMap<>();
        try (var walk = Files.walk(folder)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
                identities.put(
                        folder.relativize(file).toString(),
                        List.of(attributes.fileKey(), attributes.lastModifiedTime()));
            }
        }
        return identities;
    }

    @Test
    void aStagingNameThatIsTakenIsSkipped() throws IOException {
        // not a folder, so no leftover of netc's: it stays, and the run numbers its staging folder past it
        Path taken = Files.writeString(dir.resolve(".fresh.netc-staging-1"), "not netc's");
        Files.writeString(dir.resolve(".fresh.netc-staging-2"), "not netc's either");
        OutputWriter.write(fresh, NEXT);
        assertThat(taken).hasContent("not netc's");
        assertThat(fresh.resolve("policies/app.yaml")).hasContent("kind: NetworkPolicy # next\n");
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
    private record Outcomes(Map<String, String> previous, Map<String, String> next, int operations) {}

    private Outcomes outcomes(Path folder) throws IOException {
        Map<String, String> previous = OutputTree.snapshot(dir);
        FaultyDisk counting = new FaultyDisk(Integer.MAX_VALUE, false);
        new OutputWriter(counting).install(folder, NEXT);
        Map<String, String> next = OutputTree.snapshot(dir);
        reset(previous);
        assertThat(counting.operations()).isGreaterThan(5);
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
