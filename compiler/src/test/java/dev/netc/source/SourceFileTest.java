package dev.netc.source;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Offsets count code points, as the lexer does: a character outside the BMP is one position. */
class SourceFileTest {
    private final SourceFile file = new SourceFile("a.netspec", "// \uD83D\uDE00\nallow a -> \uD83D\uDE00b\n");

    @Test
    void linesAndColumnsCountCodePoints() {
        int b = "// X\nallow a -> X".length(); // code points before `b`, X standing for the emoji
        assertThat(file.line(b)).isEqualTo(2);
        assertThat(file.column(b)).isEqualTo(13);
        assertThat(file.lineText(2)).isEqualTo("allow a -> \uD83D\uDE00b");
    }

    @Test
    void spanTextAndCharIndexConvertCodePointsToUtf16() {
        int b = "// X\nallow a -> X".length();
        assertThat(new Span(file, b, b + 1).text()).isEqualTo("b");
        assertThat(new Span(file, 3, 4).text()).isEqualTo("\uD83D\uDE00");
        assertThat(file.charIndex(b)).isEqualTo(b + 2);
        assertThat(file.slice(b, 1000)).isEqualTo("b\n");
    }
}
