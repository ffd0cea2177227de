package dev.netc.diagnostics;

import dev.netc.source.Span;
import java.util.List;

/**
 * Renders diagnostics the way rustc does:
 *
 * <pre>
 * error[NS1001]: no tier named `backnd`
 *   --> app.netspec:14:22
 *    |
 * 14 |   allow frontend -> backnd:api
 *    |                     ^^^^^^ not declared
 *    |
 *    = help: did you mean `backend`?
 * </pre>
 */
public final class TextRenderer {
    private final boolean color;

    public TextRenderer(boolean color) {
        this.color = color;
    }

    public String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        String severity = diagnostic.severity().label();
        out.append(paint(severity + "[" + diagnostic.code().name() + "]", severityColor(diagnostic.severity())))
                .append(paint(": " + diagnostic.message(), "1")).append('\n');
        Span primary = diagnostic.primary();
        int gutter = primary == null ? 1 : Math.max(maxLine(diagnostic), 1);
        String pad = " ".repeat(String.valueOf(gutter).length());
        if (primary != null) {
            out.append(pad).append(paint("--> ", "34")).append(primary.location()).append('\n');
            out.append(pad).append(paint(" |", "34")).append('\n');
            frame(out, pad, primary, diagnostic.primaryLabel(), '^', severityColor(diagnostic.severity()));
            for (Label label : diagnostic.labels()) {
                if (label.span().file() != primary.file()) {
                    out.append(pad).append(paint("::: ", "34")).append(label.span().location()).append('\n');
                }
                frame(out, pad, label.span(), label.text(), '-', "34");
            }
            out.append(pad).append(paint(" |", "34")).append('\n');
        }
        for (String note : diagnostic.notes()) {
            out.append(pad).append(paint(" = ", "34")).append(paint("note", "1")).append(": ").append(note).append('\n');
        }
        diagnostic.help().ifPresent(help ->
                out.append(pad).append(paint(" = ", "34")).append(paint("help", "1")).append(": ").append(help).append('\n'));
        return out.toString();
    }

    /** One source line with a marker line under the span (first line only for multi-line spans). */
    private void frame(StringBuilder out, String pad, Span span, String label, char marker, String markerColor) {
        int line = span.line();
        String text = span.file().lineText(line);
        String shown = text.replace('\t', ' ');
        int startColumn = span.column() - 1;
        int lineLength = text.length();
        int endColumn = Math.min(lineLength, startColumn + Math.max(1, span.end() - span.start()));
        int width = Math.max(1, endColumn - startColumn);
        String number = String.valueOf(line);
        out.append(paint(" ".repeat(pad.length() - number.length()) + number + " |", "34")).append(' ').append(shown).append('\n');
        out.append(pad).append(paint(" |", "34")).append(' ').append(" ".repeat(Math.min(startColumn, lineLength)))
                .append(paint(String.valueOf(marker).repeat(width) + (label.isEmpty() ? "" : " " + label), markerColor))
                .append('\n');
    }

    private static int maxLine(Diagnostic diagnostic) {
        int max = diagnostic.primary().line();
        for (Label label : diagnostic.labels()) {
            max = Math.max(max, label.span().line());
        }
        return max;
    }

    /** The closing line: how many errors and warnings, or that all is well. */
    public String summary(List<Diagnostic> diagnostics, int files) {
        long errors = diagnostics.stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = diagnostics.stream().filter(d -> d.severity() == Severity.WARNING).count();
        String counts = plural(errors, "error") + ", " + plural(warnings, "warning") + " in " + plural(files, "file");
        return errors > 0 ? paint("error", "31;1") + ": aborting because of " + counts + "\n" : "";
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
    }

    private static String severityColor(Severity severity) {
        return switch (severity) {
            case ERROR -> "31;1";
            case WARNING -> "33;1";
            case NOTE -> "36;1";
        };
    }

    private String paint(String text, String code) {
        return color ? "\u001b[" + code + "m" + text + "\u001b[0m" : text;
    }
}
