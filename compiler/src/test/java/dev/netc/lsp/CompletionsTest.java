package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.examples.Examples;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
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
}
