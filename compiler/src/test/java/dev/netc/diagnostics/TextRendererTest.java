package dev.netc.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import org.junit.jupiter.api.Test;

/**
 * The text rendering of what no compiled case shows yet ({@code RenderedDiagnosticsTest} pins
 * the rest): a diagnostic with several secondary labels.
 */
class TextRendererTest {
    private static final SourceFile SPEC = new SourceFile("spec.netspec", """
            network lan { cidr 10.0.1.0/24 }
            network wan { cidr 10.0.1.0/25 }
            cluster {
              pods 10.0.0.0/16
            }
            """);
    private static final SourceFile MODULE = new SourceFile("_module.netspec", """
            network dmz { cidr 10.0.1.128/25 }
            """);

    private static Span word(SourceFile file, int line, String word) {
        int start = file.lineStart(line) + file.lineText(line).indexOf(word);
        return new Span(file, start, start + word.length());
    }

    /**
     * Secondary labels are drawn in source line order, the primary's file first, whatever order
     * the check added them in; a label in another file follows under its own {@code :::} line.
     */
    @Test
    void secondaryLabelsAreDrawnInLineOrder() {
        Diagnostic diagnostic = Diagnostic.of(
                        Code.NS2020,
                        word(SPEC, 4, "10.0.0.0/16"),
                        "the pod range",
                        "10.0.0.0/16",
                        "network `lan`",
                        "10.0.1.0/24")
                .withSecondary(word(MODULE, 1, "10.0.1.128/25"), "network `dmz` is here")
                .withSecondary(word(SPEC, 2, "10.0.1.0/25"), "network `wan` is here")
                .withSecondary(word(SPEC, 1, "10.0.1.0/24"), "network `lan` is here");

        assertThat(new TextRenderer(false).render(diagnostic)).isEqualTo("""
                error[NS2020]: the pod range `10.0.0.0/16` overlaps network `lan` `10.0.1.0/24`
                 --> spec.netspec:4:8
                  |
                4 |   pods 10.0.0.0/16
                  |        ^^^^^^^^^^^
                1 | network lan { cidr 10.0.1.0/24 }
                  |                    ----------- network `lan` is here
                2 | network wan { cidr 10.0.1.0/25 }
                  |                    ----------- network `wan` is here
                 ::: _module.netspec:1:20
                1 | network dmz { cidr 10.0.1.128/25 }
                  |                    ------------- network `dmz` is here
                  |
                """);
    }

    /**
     * A source line, the message and the file name are shown without a single control character
     * of the input: an escape sequence that would clear the reader's screen, a backspace or a
     * carriage return that would hide part of the line, a NUL, DEL, a C1 control, a line separator and a
     * right-to-left override each become one visible character, so the carets stay under the
     * value they point at.
     */
    @Test
    void controlCharactersOfTheInputAreShownVisiblyAndTheCaretsStayAligned() {
        SourceFile hostile = new SourceFile(
                "evil\u001b[31m.netspec",
                "labels a=\"\u001b[2J\u0008\u0000\u007f\u0085\u2028\u202e\", b=\"x y\" // \u001b]0;pwned\u0007\n");
        Diagnostic diagnostic = Diagnostic.of(Code.NS2007, word(hostile, 1, "\"x y\""), "x\u001b[2Jy", "a reason")
                .withNote("note \u001b[H")
                .withHelp("help \r");

        String rendered = new TextRenderer(false).render(diagnostic);

        assertThat(rendered.chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f))
                .isEmpty();
        assertThat(rendered).doesNotContain("\u2028", "\u202e").isEqualTo("""
                error[NS2007]: invalid label value `x␛[2Jy`: a reason
                 --> evil␛[31m.netspec:1:26
                  |
                1 | labels a="␛[2J␈␀␡���", b="x y" // ␛]0;pwned␇
                  |                          ^^^^^
                  |
                  = note: note ␛[H
                  = help: help ␍
                """);
    }

    @Test
    void visibleTextLeavesOrdinaryTextAlone() {
        String text = "tier frontend { pods app=web } // café, 東京, \uD83D\uDE00";
        assertThat(Visible.text(text)).isSameAs(text);
        assertThat(Visible.text("a\tb")).isEqualTo("a b");
    }
}
