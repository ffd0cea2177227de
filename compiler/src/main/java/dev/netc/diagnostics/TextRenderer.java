package dev.netc.diagnostics;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
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
 *
 * <p>Secondary labels ({@code ---}) follow the primary span in source line order. Text from the
 * input is shown through {@link Visible}: no control character of a file reaches the terminal.
 */
public final class TextRenderer {
    /** The most characters of one source line a frame shows. */
    static final int MAX_SHOWN = 160;

    private final boolean color;
    private final SourceMask mask;

    public TextRenderer(boolean color) {
        this(color, SourceMask.NONE);
    }

    /** @param mask parts of the source lines to show masked (the cluster token) */
    public TextRenderer(boolean color, SourceMask mask) {
        this.color = color;
        this.mask = mask;
    }

    public String render(Diagnostic diagnostic) {
        StringBuilder out = new StringBuilder();
        String severity = diagnostic.severity().label();
        out.append(paint(severity + "[" + diagnostic.code().name() + "]", severityColor(diagnostic.severity())))
                .append(paint(": " + Visible.text(diagnostic.message()), "1"))
                .append('\n');
        Span primary = diagnostic.primary();
        int gutter = primary == null ? 1 : Math.max(maxLine(diagnostic), 1);
        String pad = " ".repeat(String.valueOf(gutter).length());
        if (primary != null) {
            out.append(pad)
                    .append(paint("--> ", "34"))
                    .append(Visible.text(primary.location()))
                    .append('\n');
            out.append(pad).append(paint(" |", "34")).append('\n');
            frame(out, pad, primary, diagnostic.primaryLabel(), '^', severityColor(diagnostic.severity()));
            for (Label label : inLineOrder(primary, diagnostic.labels())) {
                if (label.span().file() != primary.file()) {
                    out.append(pad)
                            .append(paint("::: ", "34"))
                            .append(Visible.text(label.span().location()))
                            .append('\n');
                }
                frame(out, pad, label.span(), label.text(), '-', "34");
            }
            out.append(pad).append(paint(" |", "34")).append('\n');
        }
        for (String note : diagnostic.notes()) {
            out.append(pad)
                    .append(paint(" = ", "34"))
                    .append(paint("note", "1"))
                    .append(": ")
                    .append(Visible.text(note))
                    .append('\n');
        }
        diagnostic
                .help()
                .ifPresent(help -> out.append(pad)
                        .append(paint(" = ", "34"))
                        .append(paint("help", "1"))
                        .append(": ")
                        .append(Visible.text(help))
                        .append('\n'));
        return out.toString();
    }

    /**
     * The secondary labels in source line order, whatever order the checks added them in: those
     * in the primary span's file first, then those of each other file, in the order the file
     * first appears.
     */
    private static List<Label> inLineOrder(Span primary, List<Label> labels) {
        List<SourceFile> files = new ArrayList<>();
        files.add(primary.file());
        for (Label label : labels) {
            if (!files.contains(label.span().file())) {
                files.add(label.span().file());
            }
        }
        List<Label> sorted = new ArrayList<>(labels);
        sorted.sort((a, b) -> {
            int byFile = Integer.compare(
                    files.indexOf(a.span().file()), files.indexOf(b.span().file()));
            return byFile != 0
                    ? byFile
                    : Integer.compare(a.span().start(), b.span().start());
        });
        return sorted;
    }

    /**
     * One source line with a marker line under the span (first line only for multi-line
     * spans), its masked parts masked. A line longer than {@value #MAX_SHOWN} characters is shown as a window around
     * the span, marked with `…`: a hostile 1 MB line is not echoed.
     */
    private void frame(StringBuilder out, String pad, Span span, String label, char marker, String markerColor) {
        int line = span.line();
        SourceMask.Line shownLine = mask.line(span.file(), line);
        String text = shownLine.text();
        int column = span.column() - 1;
        int startColumn = Math.min(shownLine.column(column, false), text.length());
        int endColumn =
                Math.min(text.length(), shownLine.column(column + Math.max(1, span.end() - span.start()), true));
        int from = 0;
        int to = text.length();
        if (text.length() > MAX_SHOWN) {
            from = Math.max(0, Math.min(startColumn - MAX_SHOWN / 4, text.length() - MAX_SHOWN));
            to = from + MAX_SHOWN;
            from += from > 0 && Character.isLowSurrogate(text.charAt(from)) ? 1 : 0;
            to -= to < text.length() && Character.isHighSurrogate(text.charAt(to - 1)) ? 1 : 0;
        }
        String shown = (from > 0 ? "…" : "") + Visible.text(text.substring(from, to)) + (to < text.length() ? "…" : "");
        int indent = startColumn - from + (from > 0 ? 1 : 0);
        int width = Math.max(1, Math.min(endColumn, to) - startColumn);
        String number = String.valueOf(line);
        out.append(paint(" ".repeat(pad.length() - number.length()) + number + " |", "34"))
                .append(' ')
                .append(shown)
                .append('\n');
        out.append(pad)
                .append(paint(" |", "34"))
                .append(' ')
                .append(" ".repeat(indent))
                .append(paint(
                        String.valueOf(marker).repeat(width) + (label.isEmpty() ? "" : " " + Visible.text(label)),
                        markerColor))
                .append('\n');
    }

    private static int maxLine(Diagnostic diagnostic) {
        int max = diagnostic.primary().line();
        for (Label label : diagnostic.labels()) {
            max = Math.max(max, label.span().line());
        }
        return max;
    }

    /** The closing line of a run that failed: {@code error: aborting because of REASON}. */
    public String aborting(String reason) {
        return paint("error", "31;1") + ": aborting because of " + reason + "\n";
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
