package dev.netc.diagnostics.format;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.TextRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.TreeSet;

/**
 * Each diagnostic as rustc would show it; a run that failed ends, as rustc's does, with the
 * counts and the codes whose explanation {@code netc explain} prints.
 */
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
        if (report.failed()) {
            out.print(renderer.aborting(
                    report.counts() + (report.errors() == 0 ? " (warnings are denied by --deny-warnings)" : "")));
            hint(report, out);
        }
    }

    /** rustc's closing hint: which codes have an explanation, and the command that prints one. */
    private static void hint(DiagnosticReport report, PrintWriter out) {
        List<Code> codes = List.copyOf(new TreeSet<>(report.shown().stream()
                .filter(report::fails)
                .map(Diagnostic::code)
                .toList()));
        if (codes.isEmpty()) {
            return;
        }
        if (codes.size() == 1) {
            out.println("For more information about this error, try `netc explain " + codes.get(0) + "`.");
            return;
        }
        out.println("Some errors have detailed explanations: "
                + String.join(", ", codes.stream().map(Code::name).toList()) + ".");
        out.println("For more information about an error, try `netc explain " + codes.get(0) + "`.");
    }
}
