package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyGeneratorTest {
    /** The hand-written records the generated class builds, as the compiler module has them. */
    private static final Path RECORDS = Path.of("..", "compiler", "src", "main", "java", "dev", "netc", "vocabulary");

    private static final Path REAL = Path.of("..", "compiler", "src", "main", "vocabulary");

    static final String KINDS = "kind\tis\tkeyword\tthen\tdescription\thome\ttable\n"
            + "top\ttop\tno\t-\ta file's top level\t-\t-\n"
            + "network\tblock\tyes\tname\ta network\tnetworks are declared at the top level of a file\tproperty|value|meaning\n"
            + "allow\tstatement\tyes\tflow\t`allow`\tflows are written at the top level\t-\n"
            + "in\toperator\tyes\t-\t-\t-\t-\n"
            + "canal\tblock\tno\t-\tthe canal block\t`canal` goes inside the `network` block\tproperty|value|default|chart value\n";
    static final String CONTENTS =
            "block\tword\tis\tvalue\trepeatable\trequired\trke2\trke2-note\tdoc-name\tdoc-value\tdoc-default\tdoc-meaning\n"
                    + "top\tnetwork\tblock\t-\tyes\tno\t-\t-\t-\t-\t-\t-\n"
                    + "top\tallow\tstatement\t-\tyes\tno\t-\t-\t-\t-\t-\t-\n"
                    + "network\tNAME\tlabel\tname\tno\tyes\t-\t-\t-\t-\t-\t-\n"
                    + "network\tcidr\tproperty\tcidrs\tyes\tno\tcluster-cidr\tone per line\t-\tone or more CIDRs\t-\tits ranges\n"
                    + "network\tmode\tproperty\tword mode\tno\tno\t-\t-\t-\t{words}\t-\tthe mode\n"
                    + "network\tcanal\tblock\t-\tno\tno\t-\t-\t-\t-\t-\t-\n"
                    + "canal\tmtu\tproperty\tinteger 68..9000\tno\tno\t-\t-\t-\t68 to 9000\tderived\t`calico.vethuMTU`\n";
    static final String WORDS = "set\twords\teditors\tmeaning\n" + "mode\tfast slow\tyes\tthe modes\n";

    @TempDir
    Path dir;

    @Test
    void theVocabularyBecomesConstants() throws Exception {
        VocabularyData data = write(KINDS, CONTENTS, WORDS);
        Path source =
                GeneratedSources.write(VocabularyGenerator.generate(data, "dev.netc.vocabulary"), dir.resolve("out"));
        ClassLoader loader = Javac.compile(
                dir.resolve("classes"),
                source,
                RECORDS.resolve("BlockKind.java"),
                RECORDS.resolve("StatementKind.java"));
        Class<?> vocabulary = loader.loadClass("dev.netc.vocabulary.NetspecVocabulary");

        assertThat(vocabulary.getField("MODE_WORDS").get(null)).isEqualTo(List.of("fast", "slow"));
        assertThat(vocabulary.getField("KEYWORDS").get(null)).isEqualTo(List.of("network", "allow", "in"));
        assertThat(vocabulary.getField("TOP_LEVEL").get(null))
                .hasToString(
                        "BlockKind[kind=, description=a file's top level, "
                                + "home=, properties=[], repeatable=[], blocks=[network], statements=[allow], completions=[network, allow], words={}]");
        assertThat(vocabulary.getField("NETWORK").get(null))
                .hasToString("BlockKind[kind=network, description=a network, "
                        + "home=networks are declared at the top level of a file, properties=[cidr, mode], repeatable=[cidr], "
                        + "blocks=[canal], statements=[], completions=[cidr, mode, canal], words={mode=[fast, slow]}]");
        Method block = vocabulary.getMethod("block", String.class);
        assertThat(block.invoke(null, "canal"))
                .isSameAs(vocabulary.getField("CANAL").get(null));
        assertThat(block.invoke(null, "top")).isNull();
        assertThat(block.invoke(null, "")).isNull();
        assertThat(vocabulary.getMethod("statement", String.class).invoke(null, "allow"))
                .hasToString(
                        "StatementKind[keyword=allow, description=`allow`, home=flows are written at the top level]");
        assertThat(vocabulary.getMethod("statement", String.class).invoke(null, "network"))
                .isNull();
        Method rke2 = vocabulary.getMethod("rke2KeySource", String.class);
        assertThat(rke2.invoke(null, "cluster-cidr")).isEqualTo("`cidr` in the network block (one per line)");
        assertThat(rke2.invoke(null, "cidr")).isNull();
    }

    @Test
    void theRealVocabularyGeneratesTheSameFileTwice() throws IOException {
        VocabularyData data = VocabularyData.load(REAL);
        String first = VocabularyGenerator.generate(data, "dev.netc.vocabulary").toString();
        String second = VocabularyGenerator.generate(VocabularyData.load(REAL), "dev.netc.vocabulary")
                .toString();

        assertThat(first)
                .isEqualTo(second)
                .contains("public static final BlockKind CLUSTER", "CNI_WORDS")
                .doesNotContain(REAL.toAbsolutePath().toString());
    }

    @Test
    void aRowItCannotTakeFailsNamingItsLine() {
        List<String[]> broken = List.of(
                new String[] {"unknown value kind", CONTENTS.replace("\tcidrs\t", "\tcidr-list\t"), "contents.tsv:5"},
                new String[] {"unknown word set", CONTENTS.replace("word mode", "word modes"), "contents.tsv:6"},
                new String[] {"empty field", CONTENTS.replace("\tits ranges\n", "\t\n"), "contents.tsv:5"},
                new String[] {"bounds the wrong way round", CONTENTS.replace("68..9000", "9000..68"), "contents.tsv:8"},
                new String[] {
                    "{words} without a set", CONTENTS.replace("one or more CIDRs", "{words}"), "contents.tsv:5"
                },
                new String[] {
                    "a default in a three-column table", CONTENTS.replace("CIDRs\t-", "CIDRs\tnone"), "contents.tsv:5"
                });
        for (String[] row : broken) {
            assertThatThrownBy(() -> write(KINDS, row[1], WORDS))
                    .as(row[0])
                    .isInstanceOf(CatalogueFormatException.class)
                    .hasMessageContaining(row[2]);
        }
    }

    @Test
    void referencesMustResolve() {
        assertThatThrownBy(
                        () -> write(KINDS, CONTENTS.replace("network\tcanal\tblock", "network\tcanale\tblock"), WORDS))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("contents.tsv:7")
                .hasMessageContaining("canale");
        assertThatThrownBy(() -> write(
                        KINDS, CONTENTS.replace("top\tallow\tstatement\t-\tyes\tno\t-\t-\t-\t-\t-\t-\n", ""), WORDS))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("kinds.tsv:4")
                .hasMessageContaining("allow");
        assertThatThrownBy(() -> write(KINDS, CONTENTS, WORDS + "speed\tlow high\tno\tunused\n"))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("words.tsv:3");
        assertThatThrownBy(() -> write(
                        KINDS.replace("allow\tstatement\tyes\tflow", "allow\tstatement\tno\tflow"), CONTENTS, WORDS))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("kinds.tsv:4");
    }

    private VocabularyData write(String kinds, String contents, String words) throws IOException {
        Files.writeString(dir.resolve("kinds.tsv"), kinds);
        Files.writeString(dir.resolve("contents.tsv"), contents);
        Files.writeString(dir.resolve("words.tsv"), words);
        return VocabularyData.load(dir);
    }
}
