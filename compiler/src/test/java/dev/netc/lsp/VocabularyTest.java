package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.codegen.VocabularyData;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The words completion offers are the vocabulary's ({@code src/main/vocabulary}), which the
 * analyzers read too: at the start of a statement, what the block holds in the data's order; after
 * a property, the words of its set. {@code VocabularyDataTest} holds the compiler to the same data.
 */
class VocabularyTest {
    private static final Path VOCABULARY = Path.of("src", "main", "vocabulary");

    @Test
    void statementsAreWhatEachBlockHolds() throws IOException {
        VocabularyData data = VocabularyData.load(VOCABULARY);
        Map<String, List<String>> expected = new HashMap<>();
        for (VocabularyData.Kind block : data.blocks()) {
            boolean top = block.kind().equals(VocabularyData.TOP);
            expected.put(top ? Vocabulary.TOP_LEVEL : block.kind(), data.completions(block.kind()));
        }
        assertThat(Vocabulary.STATEMENTS)
                .isEqualTo(expected)
                .containsEntry(
                        Vocabulary.TOP_LEVEL,
                        List.of(
                                "import",
                                "param",
                                "network",
                                "cluster",
                                "namespace",
                                "external",
                                "port",
                                "allow",
                                "expect"));
    }

    @Test
    void valuesAreTheWordsOfEachPropertysSet() throws IOException {
        VocabularyData data = VocabularyData.load(VOCABULARY);
        Map<String, List<String>> expected = new HashMap<>();
        for (VocabularyData.Member member : data.members()) {
            if (member.isProperty() && !data.words(member).isEmpty()) {
                expected.put(member.block() + " " + member.word(), data.words(member));
            }
        }
        assertThat(Vocabulary.VALUES)
                .isEqualTo(expected)
                .containsEntry("node role", List.of("init", "controlplane", "worker"));
    }
}
