package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.examples.Examples;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.lsp4j.CompletionItem;
import org.junit.jupiter.api.Test;

/** Completion lexes only up to the end of the cursor's line, and gets the tokens lexing everything would give. */
class CompletionsTest {
    /** Tokens that hold line breaks, cut or not, and characters outside the BMP before them. */
    private static final List<String> AWKWARD = List.of(
            "namespace app { /* a comment\n over lines */ tier web { pods app=web } }\n",
            "external x = \"10.0.0.0/8\\\n\" // an escaped line break in a string\nallow x -> app\n",
            "allow a -> b /* never closed\nnamespace app {}\n",
            "port p = \"never closed\nport q = 80/tcp\r\n# hash \u00e9\n",
            "/* \uD83D\uDE00 */ allow frontend -> backend:api\r\n  allow x -> y\n",
            "namespace app {\n  tier web {\n    pods app=web\n  }\n}",
            "");

    @Test
    void theTokensUpToTheCursorsLineAreThoseOfTheWholeText() throws Exception {
        List<String> texts = new ArrayList<>(AWKWARD);
        for (var example : Examples.all()) {
            texts.add(Files.readString(example));
        }
        for (String text : texts) {
            List<SourceToken> all = SourceTokens.lex(text);
            int length = text.codePointCount(0, text.length());
            for (int offset = 0; offset <= length; offset++) {
                List<SourceToken> through = Completions.tokensThrough(text, offset);
                assertThat(all.subList(0, through.size()))
                        .as("offset %d of:\n%s", offset, text)
                        .isEqualTo(through);
                if (through.size() < all.size()) {
                    int lineEnd = text.indexOf('\n', text.offsetByCodePoints(0, offset));
                    assertThat(all.get(through.size()).start())
                            .as("the first token left out, offset %d of:\n%s", offset, text)
                            .isGreaterThan(text.codePointCount(0, lineEnd));
                }
            }
        }
    }

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
