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
}
