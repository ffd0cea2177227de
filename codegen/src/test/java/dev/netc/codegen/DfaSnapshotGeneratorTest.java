package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.grammar.DfaSnapshot;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.LexerATNConfig;
import org.antlr.v4.runtime.dfa.DFA;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated class compiles and gives back the snapshots of its corpus; the corpus must parse. */
class DfaSnapshotGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void theGeneratedClassGivesBackTheLexerAndParserSnapshotsOfItsCorpus() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.netspec"), "namespace shop {\n  tier web { pods app=web; port http 80/tcp }\n}\n");
        Files.writeString(corpus.resolve("notes.md"), "not a spec");
        Path out = dir.resolve("out");

        DfaSnapshotGenerator.main(new String[] {out.toString(), "dev.netc.parse", corpus.toString()});

        Class<?> snapshots = compile(out);
        DfaSnapshotGenerator.Trained trained = DfaSnapshotGenerator.train(DfaSnapshotGenerator.specsIn(corpus));
        assertThat(snapshots.getMethod("lexer").invoke(null)).isEqualTo(DfaSnapshot.write(trained.lexer(), NetSpecLexer._ATN));
        assertThat(snapshots.getMethod("parser").invoke(null)).isEqualTo(DfaSnapshot.write(trained.parser(), NetSpecParser._ATN));
    }

    @Test
    void snapshotsReadBackIntoEmptyDfasWriteTheSameAgain() throws Exception {
        // a block comment takes the lexer through a non-greedy loop, which the examples never do
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.netspec"), "/* a block\n comment */ namespace shop { isolate ingress } // line\n");
        DfaSnapshotGenerator.Trained trained = DfaSnapshotGenerator.train(DfaSnapshotGenerator.specsIn(corpus));
        assertThat(trained.lexer()[0].getStates()).as("lexer states past a non-greedy loop")
                .anySatisfy(state -> assertThat(state.configs.elements())
                        .anySatisfy(config -> assertThat(((LexerATNConfig) config).hasPassedThroughNonGreedyDecision()).isTrue()));

        assertRoundTrip(trained.lexer(), NetSpecLexer._ATN);
        assertRoundTrip(trained.parser(), NetSpecParser._ATN);
    }

    private static void assertRoundTrip(DFA[] trained, ATN atn) {
        String snapshot = DfaSnapshot.write(trained, atn);
        DFA[] read = DfaSnapshotGenerator.emptyDfa(atn);
        DfaSnapshot.read(snapshot, atn, read);
        assertThat(DfaSnapshot.write(read, atn)).isEqualTo(snapshot);
    }

    @Test
    void aSnapshotLongerThanAStringConstantIsSplitAndJoinedAgain() throws Exception {
        String snapshot = "0123456789PQRSTUVWXYZ[\\]^_`abcdefghijklmno".repeat(4000); // every character the format uses
        Path out = dir.resolve("out");
        Rke2CatalogueGenerator.write(DfaSnapshotGenerator.generate("P", snapshot, "dev.netc.parse"), out);

        Class<?> snapshots = compile(out);
        assertThat(snapshot.length()).isGreaterThan(2 * DfaSnapshotGenerator.SEGMENT);
        assertThat(snapshots.getMethod("parser").invoke(null)).isEqualTo(snapshot);
        assertThat(snapshots.getMethod("lexer").invoke(null)).isEqualTo("P");
    }

    @Test
    void aSpecOfTheCorpusThatDoesNotParseIsRefused() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("broken.netspec"), "namespace shop {\n");

        assertThatThrownBy(() -> DfaSnapshotGenerator.main(new String[] {dir.resolve("out").toString(), "p", corpus.toString()}))
                .hasMessageContaining("broken.netspec does not parse");
    }

    private Class<?> compile(Path sources) throws Exception {
        return Javac.compile(dir.resolve("classes"), sources.resolve("dev/netc/parse/DfaSnapshots.java"))
                .loadClass("dev.netc.parse.DfaSnapshots");
    }
}
