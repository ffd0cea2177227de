package dev.netc.format;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import dev.netc.source.SourceFile;
import java.util.List;
import java.util.Optional;

/**
 * {@code netc fmt}: the canonical layout of a {@code .netspec} file.
 *
 * <p>The layout keeps what carries meaning or intent and normalises the rest:
 * <ul>
 * <li>line breaks stay where they are (a property's values must start on its line), except
 *     that a block written over several lines gets its {@code {} and {@code }} on lines of their
 *     own; runs of blank lines become one, and none follow {@code {} or precede {@code }};
 * <li>indentation is two spaces per block, four more on a line that continues a statement;
 * <li>spacing between tokens is one space or none ({@code app.*}, {@code tier=web},
 *     {@code env("T")}, {@code web:http}, {@code {a, b}}, {@code a, b}), except that a run of
 *     several spaces where one belongs is kept as alignment: the next token stays in its column;
 * <li>every comment stays where it is (the later lines of a block comment move with its first
 *     line); a {@code ;} before {@code }}, another {@code ;} or the
 *     end of the file is dropped.
 * </ul>
 * A file with syntax errors is not formatted: the result carries its diagnostics instead.
 */
public final class Formatter {
    /** The formatted text, or empty with the syntax errors that prevent formatting. */
    public record Result(Optional<String> text, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }
    }

    private Formatter() {}

    public static Result format(SourceFile source) {
        DiagnosticSink sink = new DiagnosticSink();
        Optional<List<SourceToken>> tokens = SourceTokens.parsed(source, sink);
        if (tokens.isEmpty()) {
            return new Result(Optional.empty(), sink.sorted());
        }
        LayoutPrinter printer = new LayoutPrinter(tokens.get());
        String text = printer.print();
        checkSameTokens(printer.kept(), SourceTokens.lex(text));
        return new Result(Optional.of(text), sink.sorted());
    }

    /** Layout may change white space only: the output must lex to the tokens that were printed. */
    private static void checkSameTokens(List<SourceToken> printed, List<SourceToken> relexed) {
        List<String> expected = printed.stream().map(Formatter::signature).toList();
        List<String> actual = relexed.stream().map(Formatter::signature).toList();
        if (!expected.equals(actual)) {
            throw new IllegalStateException("the formatter changed the tokens of the file");
        }
    }

    /** A token without the white space the layout may change (inside block comments, at line starts). */
    private static String signature(SourceToken token) {
        return token.kind() + " " + LayoutPrinter.printedText(token).replaceAll("\\n[ \\t]*", "\n");
    }
}
