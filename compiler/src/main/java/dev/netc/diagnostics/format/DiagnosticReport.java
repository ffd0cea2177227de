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
 * @param files how many files were read (the standard library's modules aside)
 * @param maxErrors how many errors to show; 0 shows all
 * @param mask what the source lines that text shows must not show (the cluster token)
 * @param locations how the machine formats name files
 * @param denyWarnings whether warnings fail the run as errors do ({@code --deny-warnings})
 */
public record DiagnosticReport(
        List<Diagnostic> diagnostics,
        int files,
        int maxErrors,
        SourceMask mask,
        Locations locations,
        boolean denyWarnings) {
    public DiagnosticReport {
        diagnostics = List.copyOf(diagnostics);
        if (maxErrors < 0) {
            throw new IllegalArgumentException("maxErrors must not be negative");
        }
    }

    /** A report whose source lines show as written, paths as netc shows them, warnings allowed. */
    public DiagnosticReport(List<Diagnostic> diagnostics, int files, int maxErrors) {
        this(diagnostics, files, maxErrors, SourceMask.NONE, Locations.AS_SHOWN, false);
    }

    /** The same report of other diagnostics, its source lines masked with {@code newMask}. */
    public DiagnosticReport masked(List<Diagnostic> newDiagnostics, SourceMask newMask) {
        return new DiagnosticReport(newDiagnostics, files, maxErrors, newMask, locations, denyWarnings);
    }

    public DiagnosticReport withLocations(Locations newLocations) {
        return new DiagnosticReport(diagnostics, files, maxErrors, mask, newLocations, denyWarnings);
    }

    public DiagnosticReport denyingWarnings(boolean deny) {
        return new DiagnosticReport(diagnostics, files, maxErrors, mask, locations, deny);
    }

    /** Whether the run fails: an error, or a warning when warnings are denied. */
    public boolean failed() {
        return errors() > 0 || denyWarnings && warnings() > 0;
    }

    /** How a diagnostic counts in a test report: whether it is a failure of the run. */
    boolean fails(Diagnostic diagnostic) {
        return diagnostic.isError() || denyWarnings && diagnostic.severity() == Severity.WARNING;
    }

    /** {@code 2 errors, 1 warning in 3 files}. */
    public String counts() {
        return plural(errors(), "error") + ", " + plural(warnings(), "warning") + " in " + plural(files, "file");
    }

    private static String plural(long count, String word) {
        return count + " " + word + (count == 1 ? "" : "s");
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
