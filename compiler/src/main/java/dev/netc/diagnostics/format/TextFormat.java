package dev.netc.diagnostics.format;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.TextRenderer;
import java.io.PrintWriter;

/** Each diagnostic as rustc would show it, then one summary line. */
final class TextFormat {
    private TextFormat() {}

    static void write(DiagnosticReport report, PrintWriter out, boolean color) {
        TextRenderer renderer = new TextRenderer(color, report.mask());
        for (Diagnostic diagnostic : report.shown()) {
            out.print(renderer.render(diagnostic));
            out.println();
        }
        if (report.omitted() > 0) {
            out.println("note: " + report.omitted() + " more diagnostics not shown (--max-errors " + report.maxErrors()
                    + ")");
        }
        out.print(renderer.summary(report.diagnostics(), report.files()));
    }
}
