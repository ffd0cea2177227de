package dev.netc.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VocabularyFilesTest {
    private static final Path FILE = Path.of("f");

    @TempDir
    Path dir;

    private VocabularyData data;

    @BeforeEach
    void load() throws IOException {
        Files.writeString(dir.resolve("kinds.tsv"), VocabularyGeneratorTest.KINDS);
        Files.writeString(dir.resolve("contents.tsv"), VocabularyGeneratorTest.CONTENTS);
        Files.writeString(dir.resolve("words.tsv"), VocabularyGeneratorTest.WORDS);
        data = VocabularyData.load(dir);
    }

    @Test
    void aBlockWithATableGetsItsDocumentedRowsInOrder() {
        assertThat(VocabularyFiles.docsTables(data))
                .containsExactly(
                        Map.entry(
                                "network table",
                                "\n"
                                        + "| property | value | meaning |\n"
                                        + "|---|---|---|\n"
                                        + "| `cidr` | one or more CIDRs | its ranges |\n"
                                        + "| `mode` | `fast`, `slow` | the mode |\n"
                                        + "\n"),
                        Map.entry(
                                "canal table",
                                "\n"
                                        + "| property | value | default | chart value |\n"
                                        + "|---|---|---|---|\n"
                                        + "| `mtu` | 68 to 9000 | derived | `calico.vethuMTU` |\n"
                                        + "\n"));
    }

    @Test
    void vimGetsKeywordLinesByWhatFollowsAndWordPatterns() {
        Map<String, String> regions = VocabularyFiles.vimRegions(data);

        assertThat(regions.get("keywords"))
                .isEqualTo("syn keyword netspecKeyword network nextgroup=netspecDeclName,netspecDeclString skipwhite\n"
                        + "syn keyword netspecKeyword allow nextgroup=netspecFlow skipwhite\n"
                        + "syn keyword netspecKeywordOperator in\n");
        assertThat(regions.get("words")).contains("\\%(fast\\|slow\\)", "\\%(cidr\\|mode\\|mtu\\)", "\\%(canal\\)");
    }

    @Test
    void textMateListsPutTheLongestWordFirst() {
        assertThat(VocabularyFiles.textMateLists(data))
                .extracting(VocabularyFiles.TextMateList::words)
                .containsExactly(
                        List.of("network", "allow"),
                        List.of("in"),
                        List.of("canal"),
                        List.of("cidr", "mode", "mtu"),
                        List.of("fast", "slow"));
    }

    @Test
    void aRegionIsReplacedBetweenItsMarkersAndNothingElse() {
        String text = "a\n\" BEGIN generated: words (how)\nold\nlines\n\" END generated: words\nb\n";

        String replaced = VocabularyFiles.withRegions(FILE, text, Map.of("words", "new\n"));

        assertThat(replaced).isEqualTo("a\n\" BEGIN generated: words (how)\nnew\n\" END generated: words\nb\n");
        assertThat(VocabularyFiles.withRegions(FILE, replaced, Map.of("words", "new\n")))
                .isEqualTo(replaced);
        assertThat(VocabularyFiles.withRegions(
                        FILE,
                        "<!-- BEGIN generated: x table -->\n<!-- END generated: x table -->\n",
                        Map.of("x table", "|a|\n")))
                .isEqualTo("<!-- BEGIN generated: x table -->\n|a|\n<!-- END generated: x table -->\n");
    }

    @Test
    void regionsThatDoNotPairUpAreRefusedNamingTheLine() {
        assertThatThrownBy(() ->
                        VocabularyFiles.withRegions(FILE, "x\n\" BEGIN generated: words\nold\n", Map.of("words", "")))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("f:2")
                .hasMessageContaining("END generated: words");
        assertThatThrownBy(() ->
                        VocabularyFiles.withRegions(FILE, "\" BEGIN generated: old\n\" END generated: old\n", Map.of()))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("f:1")
                .hasMessageContaining("`old`");
        assertThatThrownBy(() -> VocabularyFiles.withRegions(FILE, "nothing\n", Map.of("words", "")))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("no region `words`");
    }

    @Test
    void aTextMateListReplacesTheWordGroupOfItsPattern() {
        String json = "{\n  \"repository\": {\n    \"keywords\": {\n      \"patterns\": [\n"
                + "        {\n          \"match\": \"(?<![a-z])(import|node)(?![a-z])\"\n        },\n"
                + "        {\n          \"match\": \"(?<![a-z])(in)(?![a-z])\"\n        }\n      ]\n    },\n"
                + "    \"other\": {\n      \"match\": \"(x|y)\"\n    }\n  }\n}\n";

        String replaced = VocabularyFiles.withWordLists(
                FILE, json, List.of(new VocabularyFiles.TextMateList("keywords", 2, List.of("notin", "in"))));

        assertThat(replaced).isEqualTo(json.replace("(in)", "(notin|in)"));
        assertThatThrownBy(() -> VocabularyFiles.withWordLists(
                        FILE, json, List.of(new VocabularyFiles.TextMateList("keywords", 3, List.of("a")))))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("f:3")
                .hasMessageContaining("number 3");
        assertThatThrownBy(() -> VocabularyFiles.withWordLists(
                        FILE, json, List.of(new VocabularyFiles.TextMateList("constant", 1, List.of("a")))))
                .isInstanceOf(CatalogueFormatException.class)
                .hasMessageContaining("no repository rule `constant`");
    }
}
