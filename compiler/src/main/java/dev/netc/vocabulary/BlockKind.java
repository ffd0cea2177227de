package dev.netc.vocabulary;

import java.util.List;
import java.util.Map;

/**
 * What one kind of block, or a file's top level, holds: a constant of the generated
 * {@code NetspecVocabulary}, from {@code compiler/src/main/vocabulary} (see the README there).
 * The lists are short: a lookup walks them.
 *
 * @param kind the word that starts the block; empty for the top level
 * @param description how messages name it as the place of a statement ({@code the cluster block})
 * @param home where it belongs, the help of NS1007 when it is written elsewhere; empty for the top level
 * @param properties its properties, in the order of the vocabulary
 * @param repeatable the properties that may be written more than once
 * @param blocks the kinds of block it holds
 * @param statements the statements of their own syntax it holds ({@code import}, {@code allow}, ...), by keyword
 * @param completions the words that start a statement in it, each once, in the order completion offers them
 * @param words the words a property takes, for the properties whose value is words of a set
 */
public record BlockKind(
        String kind,
        String description,
        String home,
        List<String> properties,
        List<String> repeatable,
        List<String> blocks,
        List<String> statements,
        List<String> completions,
        Map<String, List<String>> words) {}
