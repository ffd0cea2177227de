package dev.netc.compile;

import dev.netc.analysis.Suggest;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A fleet's sites file: one site a row, comma-separated, with a header row of column names.
 *
 * <pre>
 * # sites of the shop fleet
 * name,      site
 * store-001, 1
 * store-002, 2
 * </pre>
 *
 * <p>The first column names the site, and so its output folder. Every other column sets the
 * template's {@code param} of the same name, and so does the first one when its header names a
 * param. {@code #} starts a comment that runs to the end of the line; blank lines are skipped and
 * blanks around a value are dropped. There is no quoting: a value cannot contain a comma or
 * {@code #}.
 */
public final class SitesFile {
    /** A site name becomes a folder name: nothing that could leave the output folder or hide a file. */
    private static final Pattern SITE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");

    /** One row: the site's name, its parameter values, and where it is written. */
    public record Row(String name, Map<String, String> params, Span span) {
        public Row {
            params = Map.copyOf(params);
        }
    }

    /** One comma-separated value and where it stands. */
    private record Cell(String text, Span span) {}

    private SitesFile() {}

    /**
     * The rows of {@code file}, checked against the template's declared parameters; problems go
     * to {@code sink}, and rows with problems are left out.
     */
    public static List<Row> parse(SourceFile file, Set<String> declaredParams, DiagnosticSink sink) {
        List<List<Cell>> lines = new ArrayList<>();
        for (int line = 1; line <= file.lineCount(); line++) {
            List<Cell> cells = cells(file, line);
            if (!cells.isEmpty()) {
                lines.add(cells);
            }
        }
        if (lines.isEmpty()) {
            sink.report(
                    Diagnostic.of(Code.NS1030, null, file.displayName(), "it has no header row")
                            .withHelp(
                                    "start with a header row such as `name,site`: the site's name, then the parameters it sets"));
            return List.of();
        }
        List<Cell> header = lines.get(0);
        if (!checkHeader(header, declaredParams, sink)) {
            return List.of();
        }
        if (lines.size() == 1) {
            sink.report(Diagnostic.of(
                            Code.NS1030,
                            header.get(0)
                                    .span()
                                    .to(header.get(header.size() - 1).span()),
                            file.displayName(),
                            "it lists no site")
                    .withLabel("only a header row"));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Span> seen = new LinkedHashMap<>();
        for (List<Cell> cells : lines.subList(1, lines.size())) {
            Span rowSpan = cells.get(0).span().to(cells.get(cells.size() - 1).span());
            if (cells.size() != header.size()) {
                sink.report(Diagnostic.of(
                                Code.NS1030,
                                rowSpan,
                                file.displayName(),
                                "a row has " + cells.size() + " values, the header " + header.size())
                        .withLabel(cells.size() + " values"));
                continue;
            }
            Cell name = cells.get(0);
            if (!SITE_NAME.matcher(name.text()).matches()) {
                sink.report(
                        Diagnostic.of(
                                Code.NS2008,
                                name.span(),
                                "site",
                                name.text(),
                                "it names the site's output folder: letters, digits, `.`, `_` and `-`, starting with a letter or digit"));
                continue;
            }
            Span previous = seen.putIfAbsent(name.text(), name.span());
            if (previous != null) {
                sink.report(Diagnostic.of(Code.NS1002, name.span(), "site", name.text())
                        .withSecondary(previous, "first listed here"));
                continue;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                if (declaredParams.contains(header.get(i).text())) {
                    params.put(header.get(i).text(), cells.get(i).text());
                }
            }
            rows.add(new Row(name.text(), params, rowSpan));
        }
        return rows;
    }

    /** Column names: unique, and every one after the first a parameter of the template. */
    private static boolean checkHeader(List<Cell> header, Set<String> declaredParams, DiagnosticSink sink) {
        boolean ok = true;
        Map<String, Span> seen = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            Cell column = header.get(i);
            Span previous = seen.putIfAbsent(column.text(), column.span());
            if (previous != null) {
                sink.report(Diagnostic.of(Code.NS1002, column.span(), "column", column.text())
                        .withSecondary(previous, "first named here"));
                ok = false;
            } else if (i > 0 && !declaredParams.contains(column.text())) {
                Diagnostic unknown = Diagnostic.of(Code.NS1031, column.span(), column.text());
                sink.report(Suggest.didYouMean(unknown, column.text(), declaredParams)
                        .orElse(unknown.withNote(
                                declaredParams.isEmpty()
                                        ? "the template declares no parameter"
                                        : "the template's parameters: "
                                                + String.join(
                                                        ", ",
                                                        declaredParams.stream()
                                                                .sorted()
                                                                .toList()))));
                ok = false;
            }
        }
        return ok;
    }

    /** The values of one line, without its comment; none for a blank or comment-only line. */
    private static List<Cell> cells(SourceFile file, int line) {
        String text = file.lineText(line);
        int comment = text.indexOf('#');
        String content = comment >= 0 ? text.substring(0, comment) : text;
        if (content.isBlank()) {
            return List.of();
        }
        int lineStart = file.lineStart(line);
        List<Cell> cells = new ArrayList<>();
        int start = 0;
        while (true) {
            int comma = content.indexOf(',', start);
            int end = comma >= 0 ? comma : content.length();
            int from = start;
            int to = end;
            while (from < to && Character.isWhitespace(content.charAt(from))) {
                from++;
            }
            while (to > from && Character.isWhitespace(content.charAt(to - 1))) {
                to--;
            }
            // spans count code points, as everywhere in netc
            cells.add(new Cell(
                    content.substring(from, to),
                    new Span(
                            file,
                            lineStart + content.codePointCount(0, from),
                            lineStart + content.codePointCount(0, to))));
            if (comma < 0) {
                return cells;
            }
            start = comma + 1;
        }
    }
}
