package dev.netc.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.codegen.VocabularyData;
import dev.netc.codegen.VocabularyFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checked-in files that list the vocabulary say what {@code src/main/vocabulary} says: the
 * keyword, word, property and block lists of the TextMate grammar and the vim syntax file, and the
 * property tables of docs/language.md ({@link VocabularyFiles} names the generated parts).
 * {@code NETC_UPDATE_VOCABULARY=1 mvn test} rewrites them; review the diff.
 */
class GeneratedFilesTest {
    /** Maven runs the tests of a module in the module's folder. */
    static final Path ROOT = Path.of("..");

    static final Path VOCABULARY = Path.of("src", "main", "vocabulary");
    private static final boolean UPDATE = "1".equals(System.getenv("NETC_UPDATE_VOCABULARY"));

    @Test
    void editorGrammarsAndDocsSayWhatTheVocabularySays() throws IOException {
        VocabularyData data = VocabularyData.load(VOCABULARY);
        if (UPDATE) {
            List<Path> written = VocabularyFiles.update(ROOT, data);
            System.out.println("NETC_UPDATE_VOCABULARY: rewrote " + (written.isEmpty() ? "nothing" : written));
        }
        assertThat(VocabularyFiles.differences(ROOT, data))
                .as("files whose generated parts differ from src/main/vocabulary; "
                        + "NETC_UPDATE_VOCABULARY=1 mvn test rewrites them (then review the diff)")
                .isEmpty();
    }
}
