package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.Bindings;
import dev.netc.examples.Examples;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import dev.netc.query.RandomSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.junit.jupiter.api.Test;

/**
 * Completion lexes only up to the end of the cursor's line, and after an edit only from the
 * edited line: the tokens, and completion's answers, are those lexing the whole text gives.
 */
class TokenPrefixTest {
    /** Tokens that hold line breaks, cut or not, and characters outside the BMP before them. */
    private static final List<String> AWKWARD = List.of(
            "namespace app { /* a comment\n over lines */ tier web { pods app=web } }\n",
            "external x = \"10.0.0.0/8\\\n\" // an escaped line break in a string\nallow x -> app\n",
            "allow a -> b /* never closed\nnamespace app {}\n",
            "port p = \"never closed\nport q = 80/tcp\r\n# hash \u00e9\n",
            "/* \uD83D\uDE00 */ allow frontend -> backend:api\r\n  allow x -> y\n",
            "namespace app {\n  tier web {\n    pods app=web\n  }\n}",
            // lexing resumes after a token over lines, or one with such characters, and before another
            "x /* a\n b */\ny\n",
            "\"\uD83D\uDE00\" /* a\n b */ y\n",
            "");
    /**
     * Tokens the lexer decides by reading ahead past their end: over {@code -}, {@code .} and
     * {@code /} of a name that must not end with them, over the dots of an address, the colon of an
     * IPv6 address, the slash of a port, {@code * /} of {@code * /tcp}; up to a line break and not
     * beyond.
     */
    private static final List<String> READ_AHEAD = List.of(
            "ab- x\n  c\n", "x 10.0.1 y\n", "*/ x\n", "fd00: x\n", "1-2/ x\n", "a.b/ c\nd\n", "ab-\ncd\n", "\"a\\");
    /**
     * What an edit inserts: what opens or closes a token over lines (a comment, a string, an
     * escaped line break), a line break, a name's and an address's characters that a longer token
     * reads ahead over, braces, a character outside the BMP.
     */
    private static final List<String> INSERTED = List.of(
            "/*",
            "*/",
            "\"",
            "\\",
            "\\\n",
            "\n",
            "\r\n",
            "//",
            "#",
            "{",
            "}",
            "x",
            "-",
            ".",
            "1.2.3",
            " ",
            "->",
            "*/tcp",
            "/* a\n b */",
            "\"a\\\nb\"",
            "\uD83D\uDE00",
            "\n  allow ");

    private static final int EDITS = 12;

    @Test
    void theTokensThroughTheCursorsLineAreThoseOfTheWholeText() throws Exception {
        for (String text : texts()) {
            List<SourceToken> all = SourceTokens.lex(text);
            for (int offset = 0; offset <= text.codePointCount(0, text.length()); offset++) {
                assertWholeTextsTokens(TokenPrefix.NONE.through(text, offset), all, offset);
            }
        }
    }

    /**
     * Every edit at every place of short texts, after a completion that read the whole text or
     * its first line; then a completion at every offset.
     */
    @Test
    void afterEveryEditTheKeptAndTheNewTokensAreThoseOfTheWholeText() {
        List<String> texts = new ArrayList<>(AWKWARD);
        texts.addAll(READ_AHEAD);
        for (String original : texts) {
            int length = original.codePointCount(0, original.length());
            // the whole text lexed, and only its first line
            List<TokenPrefix> reads =
                    List.of(TokenPrefix.NONE.through(original, length), TokenPrefix.NONE.through(original, 0));
            for (int place = 0; place <= length; place++) {
                int at = original.offsetByCodePoints(0, place);
                List<String> edited = new ArrayList<>();
                for (String inserted : INSERTED) {
                    edited.add(original.substring(0, at) + inserted + original.substring(at));
                }
                for (int deleted = 1; deleted <= 2 && place + deleted <= length; deleted++) {
                    edited.add(
                            original.substring(0, at) + original.substring(original.offsetByCodePoints(at, deleted)));
                }
                for (String text : edited) {
                    List<SourceToken> all = SourceTokens.lex(text);
                    for (TokenPrefix read : reads) {
                        for (int offset = 0; offset <= text.codePointCount(0, text.length()); offset++) {
                            assertWholeTextsTokens(read.through(text, offset), all, offset);
                        }
                    }
                }
            }
        }
    }

    /**
     * An edit at a random place of every kind, twelve times over in each text; after each, a
     * completion at every token boundary and inside every token from the tokens the last one
     * read (in the edited line, as an editor asks), and completions one after the other at the
     * same version, in a random order.
     */
    @Test
    void afterEditsCompletionAnswersAsFromTheWholeTextsTokens() throws Exception {
        Random random = new Random(20);
        for (String original : texts()) {
            Bindings names = new DocumentChecker()
                    .check("untitled:edited", original, () -> false)
                    .orElseThrow()
                    .bindings();
            String text = original;
            TokenPrefix read = TokenPrefix.NONE.through(text, text.codePointCount(0, text.length()) / 2);
            for (int edit = 0; edit < EDITS; edit++) {
                int at = charBoundary(text, random.nextInt(text.length() + 1));
                int end = charBoundary(text, Math.min(text.length(), at + random.nextInt(3)));
                String inserted = random.nextBoolean() ? INSERTED.get(random.nextInt(INSERTED.size())) : "";
                text = text.substring(0, at) + inserted + text.substring(end);
                List<SourceToken> all = SourceTokens.lex(text);
                List<Integer> offsets = new ArrayList<>(cursors(text, all));
                for (int offset : offsets) {
                    TokenPrefix prefix = read.through(text, offset);
                    assertWholeTextsTokens(prefix, all, offset);
                    assertThat(answer(names, prefix.tokens(), text, offset))
                            .as("completion at %d of:\n%s", offset, text)
                            .isEqualTo(answer(names, all, text, offset));
                }
                Collections.shuffle(offsets, random);
                TokenPrefix same = read;
                for (int offset : offsets) {
                    same = same.through(text, offset);
                    assertWholeTextsTokens(same, all, offset);
                }
                read = read.through(text, text.codePointCount(0, at) + inserted.codePointCount(0, inserted.length()));
            }
        }
    }

    /** The examples, texts with awkward tokens, and generated specs. */
    private static List<String> texts() throws Exception {
        List<String> texts = new ArrayList<>(AWKWARD);
        for (Path example : Examples.all()) {
            texts.add(Files.readString(example));
        }
        for (int seed = 0; seed < 3; seed++) {
            texts.add(RandomSpec.generate(new Random(seed)).text());
        }
        return texts;
    }

    /** Every token's start and end, a place inside it, and the text's end. */
    private static TreeSet<Integer> cursors(String text, List<SourceToken> tokens) {
        TreeSet<Integer> offsets = new TreeSet<>(List.of(0, text.codePointCount(0, text.length())));
        for (SourceToken token : tokens) {
            offsets.add(token.start());
            offsets.add((token.start() + token.end()) / 2);
            offsets.add(token.end());
        }
        return offsets;
    }

    /** Not between the two halves of a surrogate pair. */
    private static int charBoundary(String text, int index) {
        return index > 0 && index < text.length() && Character.isLowSurrogate(text.charAt(index)) ? index - 1 : index;
    }

    /**
     * The whole text's first tokens: at least those that start before the cursor, and all those
     * that start before where the prefix says it is complete.
     */
    private static void assertWholeTextsTokens(TokenPrefix prefix, List<SourceToken> all, int offset) {
        String text = prefix.text();
        List<SourceToken> tokens = prefix.tokens();
        assertThat(tokens.size()).as("offset %d of:\n%s", offset, text).isLessThanOrEqualTo(all.size());
        assertThat(tokens).as("offset %d of:\n%s", offset, text).isEqualTo(all.subList(0, tokens.size()));
        if (tokens.size() < all.size()) {
            assertThat(all.get(tokens.size()).start())
                    .as("the first token left out, offset %d of:\n%s", offset, text)
                    .isGreaterThanOrEqualTo(prefix.complete())
                    .isGreaterThan(offset);
        }
    }

    private static Either<List<CompletionItem>, CompletionList> answer(
            Bindings names, List<SourceToken> tokens, String text, int offset) {
        return Completions.answer(new Completions(names).at(tokens, text, offset), tokens, text, offset);
    }
}
