package dev.netc.diagnostics.format;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Severity;
import dev.netc.diagnostics.SourceMask;
import java.util.ArrayList;
import java.util.List;

/**
 * What one run has to say: its diagnostics (sorted, without duplicates) and how many inputs it
 * read. With a {@code --max-errors} limit only the diagnostics up to the last error shown are
 * written; the counts always cover all of them, so the exit code and the summary never depend
 * on the limit or on the format.
 *
 * @param maxErrors how many errors to show; 0 shows all
 * @param mask what the source lines that text shows must not show (the cluster token)
 */
public record DiagnosticReport(List<Diagnostic> diagnostics, int files, int maxErrors, SourceMask mask) {
    public DiagnosticReport {
        diagnostics = List.copyOf(diagnostics);
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must not be negative");
        }
    }

    /** A report whose source lines show as written. */
    public DiagnosticReport(List<Diagnostic> diagnostics, int files, int maxErrors) {
        this(diagnostics, files, maxErrors, SourceMask.NONE);
    }

    /** The diagnostics to write: all of them up to (and including) the {@code maxErrors}-th error. */
    public List<Diagnostic> shown() {
        if (maxErrors == 0 || errors() <= maxErrors) {
            return diagnostics;
        }
        List<Diagnostic> shown = new ArrayList<>();
        int errors = 0;
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.isError() && errors == maxErrors) {
                break;
            }
            errors += diagnostic.isError() ? 1 : 0;
            shown.add(diagnostic);
        }
        return List.copyOf(shown);
    }

    /** How many diagnostics {@link #shown()} leaves out. */
    public int omitted() {
        return diagnostics.size() - shown().size();
    }

    public long errors() {
        return count(Severity.ERROR);
    }

    public long warnings() {
        return count(Severity.WARNING);
    }

    public long notes() {
        return count(Severity.NOTE);
    }

    private long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
