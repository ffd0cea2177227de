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

    @Test
    void utf16ColumnsCountTheEmojiTwiceAsEditorsAndSarifDo() {
        int b = "// X\nallow a -> X".length();
        assertThat(file.utf16Column(b)).isEqualTo(14);
        assertThat(file.utf16Column(3)).isEqualTo(4);
        assertThat(file.utf16Column(4)).isEqualTo(6); // after the emoji, on line 1
        SourceFile plain = new SourceFile("p.netspec", "ab\ncd");
        assertThat(plain.utf16Column(4)).isEqualTo(2);
        assertThat(plain.charIndex(99)).isEqualTo(5);
    }
}
