package dev.netc.diagnostics.format;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Severity;
import dev.netc.diagnostics.Visible;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * GitHub Actions workflow commands ({@code ::error file=...,line=...::message}), which the
 * runner turns into annotations on the pull request.
 *
 * <p>GitHub shows at most {@value #ANNOTATIONS_PER_SEVERITY} annotations of each severity per
 * step and drops the rest silently, so beyond that limit the remaining diagnostics are written
 * as plain log lines after one warning annotation that says so: nothing is lost, only moved to
 * the log.
 */
final class GithubFormat {
    static final int ANNOTATIONS_PER_SEVERITY = 10;

    private GithubFormat() {}

    static void write(DiagnosticReport report, PrintWriter out) {
        Map<Severity, Integer> annotated = new EnumMap<>(Severity.class);
        List<Diagnostic> overflow = new ArrayList<>();
        for (Diagnostic diagnostic : report.shown()) {
            int count = annotated.merge(diagnostic.severity(), 1, Integer::sum);
            if (count <= ANNOTATIONS_PER_SEVERITY) {
                out.println(command(diagnostic, report.locations()));
            } else {
                overflow.add(diagnostic);
            }
        }
        if (!overflow.isEmpty()) {
            out.println("::warning title=" + property("netc: more diagnostics in the log") + "::"
                    + data(overflow.size() + " more diagnostics are not annotated (GitHub shows "
                            + ANNOTATIONS_PER_SEVERITY + " per severity); they follow in the log"));
            overflow.forEach(d -> out.println(plain(d, report.locations())));
        }
        if (report.omitted() > 0) {
            out.println(report.omitted() + " more diagnostics not shown (--max-errors " + report.maxErrors() + ")");
        }
        out.println("netc: " + report.counts());
    }

    private static String command(Diagnostic diagnostic, Locations locations) {
        StringBuilder command = new StringBuilder("::")
                .append(
                        switch (diagnostic.severity()) {
                            case ERROR -> "error";
                            case WARNING -> "warning";
                            case NOTE -> "notice";
                        });
        List<String> properties = new ArrayList<>();
        if (diagnostic.primary() != null) {
            Region region = Region.of(diagnostic.primary());
            properties.add("file="
                    + property(Visible.text(locations.path(diagnostic.primary().file()))));
            properties.add("line=" + region.startLine());
            properties.add("endLine=" + region.endLine());
            // GitHub accepts columns only on single-line annotations
            if (region.startLine() == region.endLine()) {
                properties.add("col=" + region.startColumn());
                properties.add("endColumn=" + region.endColumn());
            }
        }
        properties.add("title=" + property("netc " + diagnostic.code().name()));
        return command.append(' ')
                .append(String.join(",", properties))
                .append("::")
                .append(data(body(diagnostic)))
                .toString();
    }

    /** The message with its label, notes and help, one per line. */
    private static String body(Diagnostic diagnostic) {
        StringBuilder body =
                new StringBuilder(diagnostic.code().name()).append(": ").append(Visible.text(diagnostic.message()));
        if (!diagnostic.primaryLabel().isEmpty()) {
            body.append(" (").append(Visible.text(diagnostic.primaryLabel())).append(')');
        }
        // the log is read in a terminal too: no control character of the input reaches it
        diagnostic.notes().forEach(note -> body.append("\nnote: ").append(Visible.text(note)));
        diagnostic.help().ifPresent(help -> body.append("\nhelp: ").append(Visible.text(help)));
        return body.toString();
    }

    private static String plain(Diagnostic diagnostic, Locations locations) {
        String where = diagnostic.primary() == null
                ? ""
                : Visible.text(locations.path(diagnostic.primary().file())) + ":"
                        + diagnostic.primary().line() + ":"
                        + diagnostic.primary().column() + ": ";
        return where + diagnostic.severity().label() + ": " + body(diagnostic).replace("\n", "; ");
    }

    /** Escapes a message as the Actions toolkit does ({@code escapeData}). */
    static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value as the Actions toolkit does ({@code escapeProperty}). */
    static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
