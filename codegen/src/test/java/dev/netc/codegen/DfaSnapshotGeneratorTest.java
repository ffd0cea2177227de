package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated class compiles and gives back the snapshots of its corpus; the corpus must parse. */
class DfaSnapshotGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void theGeneratedClassGivesBackTheLexerAndParserSnapshotsOfItsCorpus() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(
                corpus.resolve("a.netspec"), "namespace shop {\n  tier web { pods app=web; port http 80/tcp }\n}\n");
        Files.writeString(corpus.resolve("notes.md"), "not a spec");
        Path out = dir.resolve("out");

        DfaSnapshotGenerator.main(new String[] {out.toString(), "dev.netc.parse", corpus.toString()});

        Class<?> snapshots = compile(out);
        DfaSnapshotGenerator.Trained trained = DfaSnapshotGenerator.train(StdlibGenerator.specsIn(corpus));
        assertThat(snapshots.getMethod("lexer").invoke(null))
                .isEqualTo(DfaSnapshotWriter.write(trained.lexer(), NetSpecLexer._ATN));
        assertThat(snapshots.getMethod("parser").invoke(null))
                .isEqualTo(DfaSnapshotWriter.write(trained.parser(), NetSpecParser._ATN));
    }

    @Test
    void aSnapshotLongerThanAStringConstantIsSplitAndJoinedAgain() throws Exception {
        String snapshot = "0123456789PQRSTUVWXYZ[\\]^_`abcdefghijklmno".repeat(4000); // every character the format uses
        Path out = dir.resolve("out");
        GeneratedSources.write(DfaSnapshotGenerator.generate("P", snapshot, "dev.netc.parse"), out);

        Class<?> snapshots = compile(out);
        assertThat(snapshot.length()).isGreaterThan(2 * DfaSnapshotGenerator.SEGMENT);
        assertThat(snapshots.getMethod("parser").invoke(null)).isEqualTo(snapshot);
        assertThat(snapshots.getMethod("lexer").invoke(null)).isEqualTo("P");
    }

    @Test
    void aSpecOfTheCorpusThatDoesNotParseIsRefused() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("broken.netspec"), "namespace shop {\n");

        assertThatThrownBy(() -> DfaSnapshotGenerator.main(
                        new String[] {dir.resolve("out").toString(), "p", corpus.toString()}))
                .hasMessageContaining("broken.netspec does not parse");
    }

    private Class<?> compile(Path sources) throws Exception {
        return Javac.compile(dir.resolve("classes"), sources.resolve("dev/netc/parse/DfaSnapshots.java"))
                .loadClass("dev.netc.parse.DfaSnapshots");
    }
}
