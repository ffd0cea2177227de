package dev.netc.analysis;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Fix;
import dev.netc.source.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Did-you-mean: the closest candidates by restricted Damerau-Levenshtein distance, with Elm's
 * thresholds: one edit for names of up to three characters, two for longer ones.
 */
public final class Suggest {
    private Suggest() {}

    /** Up to three candidates close to {@code name}, closest first. */
    public static List<String> closest(String name, Iterable<String> candidates) {
        int limit = name.length() <= 3 ? 1 : 2;
        String lower = name.toLowerCase(Locale.ROOT);
        java.util.ArrayList<String[]> scored = new java.util.ArrayList<>();
        for (String candidate : candidates) {
            if (Math.abs(candidate.length() - name.length()) > limit) {
                continue; // the distance is at least the difference in length: skip the quadratic comparison
            }
            int distance = distance(lower, candidate.toLowerCase(Locale.ROOT));
            if (distance <= limit && !candidate.equals(name)) {
                scored.add(new String[] {candidate, String.valueOf(distance)});
            }
        }
        return scored.stream()
                .sorted(Comparator.<String[]>comparingInt(s -> Integer.parseInt(s[1]))
                        .thenComparing(s -> s[0]))
                .limit(3)
                .map(s -> s[0])
                .toList();
    }

    /**
     * {@code diagnostic} with a help such as "did you mean `payments`?" and, when its primary
     * span is the misspelt name itself, one fix per close candidate; empty when nothing is close.
     */
    public static Optional<Diagnostic> didYouMean(Diagnostic diagnostic, String name, Iterable<String> candidates) {
        List<String> close = closest(name, candidates);
        if (close.isEmpty()) {
            return Optional.empty();
        }
        Diagnostic suggested = diagnostic.withHelp(help(close).orElseThrow());
        Span span = diagnostic.primary();
        if (span == null) {
            return Optional.of(suggested);
        }
        // a name written as a string literal is replaced by a string literal
        boolean quoted = span.text().equals('"' + name + '"');
        if (!quoted && !span.text().equals(name)) {
            return Optional.of(suggested);
        }
        for (String candidate : close) {
            suggested = suggested.withFix(
                    new Fix("replace with `" + candidate + "`", span, quoted ? '"' + candidate + '"' : candidate));
        }
        return Optional.of(suggested);
    }

    /** "did you mean `payments`?" for the candidates close to {@code name}; empty when none is. */
    public static Optional<String> didYouMeanHelp(String name, Iterable<String> candidates) {
        return help(closest(name, candidates));
    }

    /** The did-you-mean text for names already chosen as close; empty for none. */
    public static Optional<String> help(List<String> close) {
        if (close.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                close.size() == 1
                        ? "did you mean `" + close.get(0) + "`?"
                        : "did you mean one of "
                                + String.join(
                                        ", ",
                                        close.stream().map(c -> "`" + c + "`").toList()) + "?");
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
