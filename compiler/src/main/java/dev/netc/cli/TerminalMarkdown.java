package dev.netc.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Markdown of an explanation page as plain terminal text: headings underlined, code blocks
 * indented without their fences, tables aligned, links reduced to their text and, unless they
 * point at another explanation page ({@code netc explain} finds those by code), the document
 * they point at. Inline code keeps its backticks, as in the diagnostics themselves.
 */
final class TerminalMarkdown {
    private static final String CODE_INDENT = "    ";
    private static final Pattern LINK = Pattern.compile("\\[([^\\]]+)\\]\\(([^)\\s]+)\\)");
    private static final Pattern EXPLANATION_PAGE = Pattern.compile("NS\\d{4}\\.md");
    private static final Pattern TABLE_RULE = Pattern.compile("\\|[-:| ]+\\|");
    /** Where the pages live in the repository, for links relative to them. */
    private static final String PAGES_PARENT = "docs/";

    private TerminalMarkdown() {}

    static String render(String markdown) {
        List<String> lines = markdown.lines().toList();
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < lines.size()) {
            String line = lines.get(i);
            if (line.startsWith("```")) {
                i = codeBlock(lines, i + 1, out);
            } else if (line.startsWith("|")) {
                int end = i;
                while (end < lines.size() && lines.get(end).startsWith("|")) {
                    end++;
                }
                table(lines.subList(i, end), out);
                i = end;
            } else {
                if (line.startsWith("#")) {
                    heading(line, out);
                } else {
                    out.append(links(line)).append('\n');
                }
                i++;
            }
        }
        return out.toString();
    }

    /** Copies the block's lines, indented, up to the closing fence; returns the line after it. */
    private static int codeBlock(List<String> lines, int first, StringBuilder out) {
        int i = first;
        while (i < lines.size() && !lines.get(i).startsWith("```")) {
            String line = lines.get(i);
            out.append(line.isEmpty() ? "" : CODE_INDENT + line).append('\n');
            i++;
        }
        return i + 1;
    }

    /** {@code # Title} underlined with {@code =}, deeper headings with {@code -}. */
    private static void heading(String line, StringBuilder out) {
        int level = 0;
        while (level < line.length() && line.charAt(level) == '#') {
            level++;
        }
        String text = links(line.substring(level).strip());
        out.append(text)
                .append('\n')
                .append((level == 1 ? "=" : "-").repeat(text.length()))
                .append('\n');
    }

    /** Columns padded to their widest cell; the header gets a rule of dashes instead of Markdown's. */
    private static void table(List<String> rows, StringBuilder out) {
        List<List<String>> cells = new ArrayList<>();
        for (String row : rows) {
            if (!TABLE_RULE.matcher(row.strip()).matches()) {
                cells.add(cells(row));
            }
        }
        int columns = cells.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : cells) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < cells.size(); r++) {
            row(cells.get(r), widths, out);
            if (r == 0) {
                row(Arrays.stream(widths).mapToObj("-"::repeat).toList(), widths, out);
            }
        }
    }

    private static List<String> cells(String row) {
        String inner = row.strip().substring(1);
        if (inner.endsWith("|")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(links(cell.strip()));
        }
        return cells;
    }

    private static void row(List<String> cells, int[] widths, StringBuilder out) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(c == 0 ? "" : "  ")
                    .append(cells.get(c))
                    .append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String links(String text) {
        Matcher m = LINK.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String label = m.group(1);
            String target = m.group(2);
            String shown;
            if (EXPLANATION_PAGE.matcher(target).matches()) {
                shown = label;
            } else {
                String document = target.startsWith("../") ? PAGES_PARENT + target.substring(3) : target;
                shown = label.equals(document) ? label : label + " (" + document + ")";
            }
            m.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        m.appendTail(out);
        return out.toString();
    }
}
