package dev.netc.diagnostics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Collects the diagnostics of one compilation. Every phase reports here and carries on where
 * that is safe, so one run shows as many real problems as possible.
 */
public final class DiagnosticSink {
    private static final Comparator<Diagnostic> BY_POSITION = Comparator
            .comparing((Diagnostic d) -> d.primary() == null ? "" : d.primary().file().displayName())
            .thenComparingInt(d -> d.primary() == null ? -1 : d.primary().start())
            .thenComparing(d -> d.code().name());

    private final LinkedHashSet<Diagnostic> diagnostics = new LinkedHashSet<>();

    public void report(Diagnostic diagnostic) {
        diagnostics.add(diagnostic);
    }

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** True when some input did not parse (an error of the NS0xxx group). */
    public boolean hasSyntaxErrors() {
        return diagnostics.stream().anyMatch(d -> d.isError() && d.code().isSyntax());
    }

    public long errorCount() {
        return diagnostics.stream().filter(Diagnostic::isError).count();
    }

    /** Sorted by file and position, without duplicates. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(diagnostics);
        list.sort(BY_POSITION);
        return List.copyOf(list);
    }
}
