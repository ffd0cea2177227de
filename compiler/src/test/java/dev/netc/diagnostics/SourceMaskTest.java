package dev.netc.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A masked part of a source line shows as eight stars whatever its length, and the carets move with the text. */
class SourceMaskTest {
    private static final SourceFile FILE = new SourceFile("spec.netspec", """
            cluster {
              token "ab" x "a-much-longer-part" y
            }
            """);
    private static final int LINE_START = FILE.lineStart(2);

    private static Span part(String text) {
        int at = FILE.lineText(2).indexOf(text);
        return new Span(FILE, LINE_START + at, LINE_START + at + text.length());
    }

    private final SourceMask mask = SourceMask.of(List.of(part("a-much-longer-part"), part("ab")));

    @Test
    void masksEachPartWithEightStars() {
        assertThat(mask.line(FILE, 2).text()).isEqualTo("  token \"********\" x \"********\" y");
        assertThat(mask.line(FILE, 1).text()).isEqualTo("cluster {");
        assertThat(SourceMask.NONE.line(FILE, 2).text()).isEqualTo(FILE.lineText(2));
    }

    @Test
    void columnsMoveWithTheText() {
        SourceMask.Line line = mask.line(FILE, 2);
        String source = FILE.lineText(2);
        String shown = line.text();
        for (String word : List.of("token", "x", "y")) {
            int column = source.indexOf(" " + word) + 1;
            assertThat(shown.substring(line.column(column, false), line.column(column + word.length(), true)))
                    .isEqualTo(word);
        }
        // a span over a quoted part covers its mask and quotes; one inside a part covers the mask
        int quoted = source.indexOf("\"a-much");
        assertThat(shown.substring(
                        line.column(quoted, false), line.column(quoted + "\"a-much-longer-part\"".length(), true)))
                .isEqualTo("\"********\"");
        int inside = source.indexOf("much");
        assertThat(shown.substring(line.column(inside, false), line.column(inside + 4, true)))
                .isEqualTo("********");
    }

    @Test
    void overlappingPartsAreMaskedAsOne() {
        SourceMask overlapping = SourceMask.of(List.of(part("a-much"), part("much-longer"), part("ab")));
        assertThat(overlapping.line(FILE, 2).text()).isEqualTo("  token \"********\" x \"********-part\" y");
    }

    /** A diagnostic that several sites of a fleet reported is shown once, with what each of them masks. */
    @Test
    void aUnionMasksWhatAnyOfItsMasksMasks() {
        SourceMask first = SourceMask.of(List.of(part("ab")));
        SourceMask second = SourceMask.of(List.of(part("a-much-longer-part")));
        assertThat(SourceMask.union(List.of(first, second, SourceMask.NONE))
                        .line(FILE, 2)
                        .text())
                .isEqualTo(mask.line(FILE, 2).text());
        assertThat(SourceMask.union(List.of(first, first, SourceMask.NONE))).isSameAs(first);
        assertThat(SourceMask.union(List.of())).isSameAs(SourceMask.NONE);
    }

    @Test
    void aRenderedFrameKeepsItsCaretsUnderTheSpan() {
        Diagnostic diagnostic = Diagnostic.of(Code.NS0005, part("y"), "y").withLabel("here");
        assertThat(new TextRenderer(false, mask).render(diagnostic)).contains("""
                2 |   token "********" x "********" y
                  |                                 ^ here
                """);
    }
}
