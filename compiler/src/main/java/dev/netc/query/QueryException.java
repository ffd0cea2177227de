package dev.netc.query;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Fix;
import dev.netc.diagnostics.Label;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * A query that cannot be answered as written: bad syntax, an unknown name, a port the
 * destination does not have. A usage error, not a problem of the spec, reported as a
 * {@link Diagnostic} whose source is the query's own text (named {@code query}), so that it is
 * rendered as every other diagnostic is.
 */
public final class QueryException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Diagnostic diagnostic;

    /**
     * @param parsed a diagnostic of the text the query is parsed as, {@code prefixLength}
     *     characters of statement keyword followed by the query; it is moved onto the query's text
     */
    QueryException(Diagnostic parsed, int prefixLength) {
        super(parsed.message());
        this.diagnostic = parsed.primary() == null ? parsed : onQueryText(parsed, prefixLength);
    }

    /** The problem, in the query's text. */
    public Diagnostic diagnostic() {
        return diagnostic;
    }

    private static Diagnostic onQueryText(Diagnostic parsed, int prefixLength) {
        SourceFile query =
                new SourceFile("query", parsed.primary().file().text().substring(prefixLength));
        List<Label> labels = new ArrayList<>();
        for (Label label : parsed.labels()) {
            labels.add(new Label(moved(label.span(), query, prefixLength), label.text()));
        }
        List<Fix> fixes = new ArrayList<>();
        for (Fix fix : parsed.fixes()) {
            fixes.add(new Fix(fix.title(), moved(fix.span(), query, prefixLength), fix.replacement()));
        }
        return new Diagnostic(
                parsed.code(),
                parsed.severity(),
                parsed.message(),
                moved(parsed.primary(), query, prefixLength),
                parsed.primaryLabel(),
                labels,
                parsed.notes(),
                parsed.help(),
                fixes);
    }

    /** The span in the query's text; a span in the prefix becomes the query's start. */
    private static Span moved(Span span, SourceFile query, int prefixLength) {
        int start = Math.max(0, span.start() - prefixLength);
        return new Span(query, start, Math.max(start, span.end() - prefixLength));
    }
}
