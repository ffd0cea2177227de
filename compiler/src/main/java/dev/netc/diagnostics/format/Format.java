package dev.netc.diagnostics.format;

import java.io.PrintWriter;

/** The ways {@code --format} can write a {@link DiagnosticReport}. */
public enum Format {
    /** rustc-style text for people, on standard error. */
    TEXT,
    /** One JSON document with the diagnostics and a summary, on standard output. */
    JSON,
    /** A SARIF 2.1.0 log for code-scanning tools, on standard output. */
    SARIF,
    /** GitHub Actions workflow commands, which become annotations on the pull request, on standard output. */
    GITHUB,
    /** A JUnit XML report for CI test tabs, on standard output. */
    JUNIT,
    /** GitLab's code quality report, on standard output. */
    GITLAB;

    /** Whether the report goes to standard output (machine-read) rather than standard error. */
    public boolean toStandardOutput() {
        return this != TEXT;
    }

    /** Writes {@code report}; {@code color} only affects text. */
    public void write(DiagnosticReport report, PrintWriter out, boolean color) {
        switch (this) {
            case TEXT -> TextFormat.write(report, out, color);
            case JSON -> JsonFormat.write(report, out);
            case SARIF -> SarifFormat.write(report, out);
            case GITHUB -> GithubFormat.write(report, out);
            case JUNIT -> JunitFormat.write(report, out);
            case GITLAB -> GitlabFormat.write(report, out);
        }
        out.flush();
    }
}
