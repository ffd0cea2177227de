package dev.netc.cli;

import dev.netc.compile.Batch;
import dev.netc.compile.Redactor;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.SourceMask;
import dev.netc.diagnostics.TextRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what a batch reported. A fleet's sites share their template, so they often report the
 * same diagnostic: each distinct diagnostic is printed once, with a note naming the sites that
 * reported it, in the order of the sites. Each site's diagnostics are masked as a single compile
 * masks them, with its own {@link Redactor}; one printed for several sites, with all of theirs.
 */
final class SiteReport {
    /** Sites named in a note before the rest are only counted. */
    private static final int NAMED_SITES = 5;

    private final boolean color;
    private final PrintWriter err;

    SiteReport(boolean color, PrintWriter err) {
        this.color = color;
        this.err = err;
    }

    /**
     * @param global problems of the run itself (the sites file, the template), reported first
     * @param redactor what {@code global} must not show (the token of a template that does not load)
     */
    void print(List<Diagnostic> global, Redactor redactor, List<Batch.Outcome> outcomes) {
        global.forEach(diagnostic -> print(redactor.apply(diagnostic), redactor.mask()));
        Map<Diagnostic, List<Batch.Outcome>> outcomesByDiagnostic = new LinkedHashMap<>();
        for (Batch.Outcome outcome : outcomes) {
            for (Diagnostic diagnostic : outcome.diagnostics()) {
                outcomesByDiagnostic
                        .computeIfAbsent(outcome.redactor().apply(diagnostic), d -> new ArrayList<>())
                        .add(outcome);
            }
        }
        outcomesByDiagnostic.forEach((diagnostic, reported) -> print(
                diagnostic.withNote(where(reported)),
                SourceMask.union(reported.stream()
                        .map(outcome -> outcome.redactor().mask())
                        .toList())));
        long failed = outcomes.stream().filter(Batch.Outcome::hasErrors).count();
        if (global.stream().anyMatch(Diagnostic::isError)) {
            err.println("error: aborting: no site was compiled");
        } else if (failed > 0) {
            err.println("error: " + failed + " of " + outcomes.size()
                    + " sites have errors; their output folders were left as they were");
        }
        err.flush();
    }

    private void print(Diagnostic diagnostic, SourceMask mask) {
        err.print(new TextRenderer(color, mask).render(diagnostic));
        err.println();
    }

    private static String where(List<Batch.Outcome> reported) {
        if (reported.size() == 1) {
            return "in site " + describe(reported.get(0).site());
        }
        List<String> named = reported.stream()
                .limit(NAMED_SITES)
                .map(outcome -> describe(outcome.site()))
                .toList();
        String rest = reported.size() > NAMED_SITES ? " and " + (reported.size() - NAMED_SITES) + " more" : "";
        return "in " + reported.size() + " sites: " + String.join(", ", named) + rest;
    }

    private static String describe(Batch.Site site) {
        return "`" + site.name() + "`"
                + (site.origin() == null ? "" : " (" + site.origin().location() + ")");
    }
}
