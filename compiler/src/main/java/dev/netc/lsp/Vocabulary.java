package dev.netc.lsp;

import dev.netc.vocabulary.BlockKind;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The words completion offers at the start of a statement, by the block it is written in, and
 * the words a property takes as its value: the vocabulary's ({@code compiler/src/main/vocabulary},
 * generated into {@link NetspecVocabulary}), which the analyzers read too.
 */
final class Vocabulary {
    /** The block a statement is written in: the block kind, or {@link #TOP_LEVEL}. */
    static final String TOP_LEVEL = NetspecVocabulary.TOP_LEVEL.kind();

    /** The words that start a statement, by block kind. */
    static final Map<String, List<String>> STATEMENTS;

    /** The words a property takes, by {@code "block property"}. */
    static final Map<String, List<String>> VALUES;

    static {
        Map<String, List<String>> statements = new HashMap<>();
        Map<String, List<String>> values = new HashMap<>();
        for (BlockKind block : NetspecVocabulary.BLOCKS) {
            statements.put(block.kind(), block.completions());
            block.words().forEach((property, words) -> values.put(block.kind() + " " + property, words));
        }
        STATEMENTS = Map.copyOf(statements);
        VALUES = Map.copyOf(values);
    }

    private Vocabulary() {}
}
