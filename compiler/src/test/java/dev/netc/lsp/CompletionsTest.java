package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.parse.SourceTokens;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/** Completion's answer: a long list cut to the word being typed. */
class CompletionsTest {
    /** A long list is cut to what the word being typed could become, shortest names first, and marked incomplete. */
    @Test
    void aLongListIsCutToTheWordBeingTyped() {
        List<CompletionItem> items = new ArrayList<>();
        for (int n = 0; n < 300; n++) {
            items.add(new CompletionItem(String.format("ns-%03d.t-00", n)));
            items.add(new CompletionItem(String.format("ns-%03d", n)));
        }
        String text = "allow ns-05";
        int end = text.length();
        var cut = Completions.answer(items, SourceTokens.lex(text), text, end);
        assertThat(cut.isRight()).isTrue();
        assertThat(cut.getRight().isIncomplete()).isTrue();
        List<String> labels =
                cut.getRight().getItems().stream().map(CompletionItem::getLabel).toList();
        assertThat(labels)
                .hasSizeBetween(20, Completions.MAX_ITEMS)
                .allMatch(label -> label.matches(".*n.*s.*-.*0.*5.*"));
        assertThat(labels.subList(0, 10)).allMatch(label -> label.startsWith("ns-05") && !label.contains("."));
        var nothingTyped = Completions.answer(items, SourceTokens.lex("allow "), "allow ", 6)
                .getRight();
        assertThat(nothingTyped.getItems())
                .hasSize(Completions.MAX_ITEMS)
                .allMatch(item -> !item.getLabel().contains("."));
        assertThat(Completions.typed(SourceTokens.lex("allow ns-050."), "allow ns-050.", 13))
                .isEqualTo("ns-050.");
        assertThat(Completions.typed(SourceTokens.lex("allow ns "), "allow ns ", 9))
                .isEmpty();

        List<CompletionItem> few = items.subList(0, Completions.MAX_ITEMS);
        assertThat(Completions.answer(few, SourceTokens.lex(text), text, end).getLeft())
                .isEqualTo(few);
    }
}
