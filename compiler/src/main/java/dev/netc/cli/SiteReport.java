package dev.netc.cli;

import dev.netc.compile.Batch;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.TextRenderer;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints what a batch reported. A fleet's sites share their template, so they often report the
 * same diagnostic: each distinct diagnostic is printed once, with a note naming the sites that
 * reported it, in the order of the sites.
 */
final class SiteReport {
    /** Sites named in a note before the rest are only counted. */
    private static final int NAMED_SITES = 5;

    private final TextRenderer renderer;
    private final PrintWriter err;

    SiteReport(TextRenderer renderer, PrintWriter err) {
        this.renderer = renderer;
        this.err = err;
    }

    /** @param global problems of the run itself (the sites file, the template), reported first */
    void print(List<Diagnostic> global, List<Batch.Outcome> outcomes) {
        global.forEach(this::print);
        Map<Diagnostic, List<Batch.Site>> sitesByDiagnostic = new LinkedHashMap<>();
        for (Batch.Outcome outcome : outcomes) {
            for (Diagnostic diagnostic : outcome.diagnostics()) {
                sitesByDiagnostic.computeIfAbsent(diagnostic, d -> new ArrayList<>()).add(outcome.site());
            }
        }
        sitesByDiagnostic.forEach((diagnostic, sites) -> print(diagnostic.withNote(where(sites))));
        long failed = outcomes.stream().filter(Batch.Outcome::hasErrors).count();
        if (global.stream().anyMatch(Diagnostic::isError)) {
            err.println("error: aborting: no site was compiled");
        } else if (failed > 0) {
            err.println("error: " + failed + " of " + outcomes.size() + " sites have errors; their output folders were left as they were");
        }
        err.flush();
    }

    private void print(Diagnostic diagnostic) {
        err.print(renderer.render(diagnostic));
        err.println();
    }

    private static String where(List<Batch.Site> sites) {
        if (sites.size() == 1) {
            return "in site " + describe(sites.get(0));
        }
        List<String> named = sites.stream().limit(NAMED_SITES).map(SiteReport::describe).toList();
        String rest = sites.size() > NAMED_SITES ? " and " + (sites.size() - NAMED_SITES) + " more" : "";
        return "in " + sites.size() + " sites: " + String.join(", ", named) + rest;
    }

    private static String describe(Batch.Site site) {
        return "`" + site.name() + "`" + (site.origin() == null ? "" : " (" + site.origin().location() + ")");
    }
}
