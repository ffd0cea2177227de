package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated snapshot class compiles and gives back the snapshot; the corpus must parse. */
class ParserDfaGeneratorTest {
    @TempDir
    Path dir;

    @Test
    void theGeneratedClassGivesBackTheSnapshotOfItsCorpus() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.netspec"), "namespace shop {\n  tier web { pods app=web; port http 80/tcp }\n}\n");
        Files.writeString(corpus.resolve("notes.md"), "not a spec");
        Path out = dir.resolve("out");

        ParserDfaGenerator.main(new String[] {out.toString(), "dev.netc.parse", corpus.toString()});

        Class<?> snapshot = Javac.compile(dir.resolve("classes"), out.resolve("dev/netc/parse/ParserDfaSnapshot.java"))
                .loadClass("dev.netc.parse.ParserDfaSnapshot");
        String expected = dev.netc.grammar.DfaSnapshot.write(
                ParserDfaGenerator.dfaAfterParsing(ParserDfaGenerator.specsIn(corpus)));
        assertThat(snapshot.getMethod("data").invoke(null)).isEqualTo(expected);
        assertThat(expected).isNotEmpty();
    }

    @Test
    void aSnapshotLongerThanAStringConstantIsSplitAndJoinedAgain() throws Exception {
        String snapshot = "0123456789PQRSTUVWXYZ[\\]^_`abcdefghijklmno".repeat(4000); // every character the format uses
        Path out = dir.resolve("out");
        Rke2CatalogueGenerator.write(ParserDfaGenerator.generate(snapshot, "dev.netc.parse"), out);

        Class<?> generated = Javac.compile(dir.resolve("classes"), out.resolve("dev/netc/parse/ParserDfaSnapshot.java"))
                .loadClass("dev.netc.parse.ParserDfaSnapshot");
        assertThat(snapshot.length()).isGreaterThan(2 * ParserDfaGenerator.SEGMENT);
        assertThat(generated.getMethod("data").invoke(null)).isEqualTo(snapshot);
    }

    @Test
    void aSpecOfTheCorpusThatDoesNotParseIsRefused() throws Exception {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("broken.netspec"), "namespace shop {\n");

        assertThatThrownBy(() -> ParserDfaGenerator.main(new String[] {dir.resolve("out").toString(), "p", corpus.toString()}))
                .hasMessageContaining("broken.netspec does not parse");
    }
}
