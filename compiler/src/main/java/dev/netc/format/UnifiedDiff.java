package dev.netc.format;

import java.util.ArrayList;
import java.util.List;

/**
 * The difference between two texts as a unified diff ({@code diff -u}, {@code git diff}), for
 * {@code netc fmt --diff}: lines compared with Myers' algorithm (shortest edit script), changes
 * shown in hunks with three lines of context.
 */
public final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {}

    /** One line of the edit script: kept ({@code ' '}), removed ({@code '-'}) or added ({@code '+'}). */
    private record Edit(char kind, String line, int oldIndex, int newIndex) {}

    /** The diff of {@code before} and {@code after} under the names {@code a/NAME} and {@code b/NAME}; empty when equal. */
    public static String of(String name, String before, String after) {
        if (before.equals(after)) {
            return "";
        }
        List<Edit> edits = edits(lines(before), lines(after));
        StringBuilder out = new StringBuilder();
        out.append("--- a/").append(name).append('\n');
        out.append("+++ b/").append(name).append('\n');
        int i = 0;
        while (i < edits.size()) {
            if (edits.get(i).kind() == ' ') {
                i++;
                continue;
            }
            int start = Math.max(0, i - CONTEXT);
            int end = i;
            // extend over changes closer to each other than twice the context
            int lastChange = i;
            while (end < edits.size() && end - lastChange <= 2 * CONTEXT) {
                if (edits.get(end).kind() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(edits.size(), lastChange + CONTEXT + 1);
            hunk(edits.subList(start, end), out);
            i = end;
        }
        return out.toString();
    }

    private static void hunk(List<Edit> hunk, StringBuilder out) {
        int oldCount = 0;
        int newCount = 0;
        for (Edit edit : hunk) {
            oldCount += edit.kind() != '+' ? 1 : 0;
            newCount += edit.kind() != '-' ? 1 : 0;
        }
        Edit first = hunk.get(0);
        out.append("@@ -")
                .append(range(first.oldIndex(), oldCount))
                .append(" +")
                .append(range(first.newIndex(), newCount))
                .append(" @@\n");
        for (Edit edit : hunk) {
            out.append(edit.kind()).append(edit.line());
            if (!edit.line().endsWith("\n")) {
                out.append("\n\\ No newline at end of file\n");
            }
        }
    }

    /** A hunk's range: its first line (1-based; the line before it when empty) and its length. */
    private static String range(int index, int count) {
        return (count == 0 ? index : index + 1) + "," + count;
    }

    /** The lines with their line breaks (the last may have none). */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < text.length()) {
            lines.add(text.substring(start));
        }
        return lines;
    }

    /**
     * Myers' greedy algorithm: for each number of edits d, the furthest point reached on each
     * diagonal k; {@code trace.get(d)} is the frontier as round d starts, from which the path is
     * walked back.
     */
    private static List<Edit> edits(List<String> a, List<String> b) {
        int n = a.size();
        int m = b.size();
        int max = n + m;
        int offset = max + 1;
        List<int[]> trace = new ArrayList<>();
        int[] v = new int[2 * max + 3];
        found:
        for (int d = 0; d <= max; d++) {
            trace.add(v.clone());
            for (int k = -d; k <= d; k += 2) {
                int x = k == -d || k != d && v[offset + k - 1] < v[offset + k + 1]
                        ? v[offset + k + 1]
                        : v[offset + k - 1] + 1;
                int y = x - k;
                while (x < n && y < m && a.get(x).equals(b.get(y))) {
                    x++;
                    y++;
                }
                v[offset + k] = x;
                if (x >= n && y >= m) {
                    break found;
                }
            }
        }
        // walk back from the end through the saved frontiers
        List<Edit> reversed = new ArrayList<>();
        int x = n;
        int y = m;
        for (int d = trace.size() - 1; d >= 0; d--) {
            int[] frontier = trace.get(d);
            int k = x - y;
            int previousK = k == -d || k != d && frontier[offset + k - 1] < frontier[offset + k + 1] ? k + 1 : k - 1;
            int previousX = d == 0 ? 0 : frontier[offset + previousK];
            int previousY = previousX - previousK;
            while (x > previousX && y > previousY) {
                x--;
                y--;
                reversed.add(new Edit(' ', a.get(x), x, y));
            }
            if (d > 0) {
                if (x == previousX) {
                    y--;
                    reversed.add(new Edit('+', b.get(y), x, y));
                } else {
                    x--;
                    reversed.add(new Edit('-', a.get(x), x, y));
                }
            }
        }
        List<Edit> edits = new ArrayList<>(reversed.size());
        for (int i = reversed.size() - 1; i >= 0; i--) {
            edits.add(reversed.get(i));
        }
        return edits;
    }
}
