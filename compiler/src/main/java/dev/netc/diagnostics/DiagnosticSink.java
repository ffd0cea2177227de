package dev.netc.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects the diagnostics of one compilation. Every phase reports here and carries on where
 * that is safe, so one run shows as many real problems as possible, up to a limit: after
 * {@code maxErrors} errors the sink is full, drops what comes after (still counting it, so
 * the run fails) and closes the list with one note saying so.
 */
public final class DiagnosticSink {
    /** More than anyone reads; the limit keeps hostile input from filling memory with diagnostics. */
    public static final int DEFAULT_MAX_ERRORS = 1000;

    // written out rather than chained with Comparator.comparing: the JDK's own comparator
    // lambdas are not in netc's class-data archive and were generated at every start
    private static final Comparator<Diagnostic> BY_POSITION = DiagnosticSink::compareByPosition;

    private final int maxErrors;
    private final LinkedHashSet<Diagnostic> diagnostics = new LinkedHashSet<>();
    private long errors;
    private long dropped;

    public DiagnosticSink() {
        this(DEFAULT_MAX_ERRORS);
    }

    public DiagnosticSink(int maxErrors) {
        this.maxErrors = maxErrors;
    }

    /** By file, then offset, then code; a diagnostic without a place comes first. */
    private static int compareByPosition(Diagnostic a, Diagnostic b) {
        int byFile = fileName(a).compareTo(fileName(b));
        if (byFile != 0) {
            return byFile;
        }
        int byStart = Integer.compare(start(a), start(b));
        return byStart != 0 ? byStart : a.code().name().compareTo(b.code().name());
    }

    private static String fileName(Diagnostic d) {
        return d.primary() == null ? "" : d.primary().file().displayName();
    }

    private static int start(Diagnostic d) {
        return d.primary() == null ? -1 : d.primary().start();
    }

    public void report(Diagnostic diagnostic) {
        if (isFull()) {
            dropped++;
            errors += diagnostic.isError() ? 1 : 0;
        } else if (diagnostics.add(diagnostic) && diagnostic.isError()) {
            errors++;
        }
    }

    public boolean hasErrors() {
        return errors > 0;
    }

    /** True when some input did not parse (an error of the NS0xxx group). */
    public boolean hasSyntaxErrors() {
        return diagnostics.stream().anyMatch(d -> d.isError() && d.code().isSyntax());
    }

    public long errorCount() {
        return errors;
    }

    /** True once {@code maxErrors} errors are collected: later phases may as well stop. */
    public boolean isFull() {
        return errors >= maxErrors;
    }

    /** Sorted by file and position, without duplicates; then the note that the limit was reached, if it was. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(diagnostics);
        list.sort(BY_POSITION);
        if (isFull()) {
            Diagnostic stop = Diagnostic.of(Code.NS0011, null, maxErrors).withHelp("fix these and run again");
            list.add(dropped == 0 ? stop : stop.withNote(dropped + " more errors and warnings were left out"));
        }
        return List.copyOf(list);
    }
}
