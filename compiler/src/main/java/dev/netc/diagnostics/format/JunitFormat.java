package dev.netc.diagnostics.format;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.TextRenderer;
import java.io.PrintWriter;
import java.util.List;

/**
 * A JUnit XML report, the format CI systems show in their test tabs (GitLab's unit test
 * reports, Jenkins, Azure Pipelines): one test case per diagnostic, named by its code and
 * place, with the file as its class name. An error, and a warning under
 * {@code --deny-warnings}, is a {@code <failure>} whose text is the diagnostic as the text
 * format shows it (the token masked); a warning or note that does not fail the run passes,
 * its text in {@code <system-out>}. A run without diagnostics is one passing test case, so a
 * clean run still shows in the tab.
 */
final class JunitFormat {
    private JunitFormat() {}

    static void write(DiagnosticReport report, PrintWriter out) {
        List<Diagnostic> shown = report.shown();
        TextRenderer plain = new TextRenderer(false, report.mask());
        long failures = shown.stream().filter(report::fails).count();
        int tests = Math.max(1, shown.size());
        String counts = " tests=\"" + tests + "\" failures=\"" + failures + "\" errors=\"0\"";
        out.println("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        out.println("<testsuites name=\"netc\"" + counts + ">");
        out.println("  <testsuite name=\"netc\"" + counts + " skipped=\"0\">");
        if (shown.isEmpty()) {
            out.println("    <testcase classname=\"netc\" name=\"" + attribute(report.counts()) + "\"/>");
        }
        for (Diagnostic diagnostic : shown) {
            String file = diagnostic.primary() == null
                    ? "netc"
                    : report.locations().path(diagnostic.primary().file());
            String place = diagnostic.primary() == null
                    ? ""
                    : " at " + diagnostic.primary().line() + ":"
                            + diagnostic.primary().column();
            out.println("    <testcase classname=\"" + attribute(file) + "\" name=\""
                    + attribute(diagnostic.code().name() + place + ": " + diagnostic.message()) + "\">");
            String body = text(plain.render(diagnostic));
            if (report.fails(diagnostic)) {
                out.println("      <failure type=\"" + diagnostic.severity().label() + "\" message=\""
                        + attribute(diagnostic.code().name() + ": " + diagnostic.message()) + "\">" + body
                        + "</failure>");
            } else {
                out.println("      <system-out>" + body + "</system-out>");
            }
            out.println("    </testcase>");
        }
        out.println("  </testsuite>");
        out.println("</testsuites>");
        if (report.omitted() > 0) {
            out.println("<!-- " + report.omitted() + " more diagnostics not shown (--max-errors " + report.maxErrors()
                    + ") -->");
        }
    }

    /** Text content: markup escaped, and characters XML 1.0 cannot hold (a hostile spec's) as U+FFFD. */
    static String text(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                default -> escaped.appendCodePoint(allowed(c) ? c : 0xFFFD);
            }
        });
        return escaped.toString();
    }

    /** An attribute value in double quotes: line breaks kept as character references. */
    static String attribute(String value) {
        return text(value)
                .replace("\"", "&quot;")
                .replace("\n", "&#10;")
                .replace("\r", "&#13;")
                .replace("\t", "&#9;");
    }

    /** The characters of XML 1.0 (its production {@code Char}). */
    private static boolean allowed(int c) {
        return c == 0x9
                || c == 0xA
                || c == 0xD
                || c >= 0x20 && c <= 0xD7FF
                || c >= 0xE000 && c <= 0xFFFD
                || c >= 0x10000 && c <= 0x10FFFF;
    }
}
