package dev.netc.diagnostics;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parts of source files that a rendered diagnostic shows as {@value #MASK} rather than as
 * written: the cluster token (see {@code dev.netc.compile.Redactor}, which decides what they
 * are).
 *
 * <p>Each part becomes the same eight stars whatever its length, so a shown line does not
 * tell how long the token is, and the line's carets move with the text: a column after a
 * masked part shifts by the difference in width, and a span that starts or ends inside one
 * starts at the mask or ends after it. Masking with as many stars as the part has characters
 * would keep every column where it was, but would show the token's length.
 */
public final class SourceMask {
    public static final String MASK = "********";
    public static final SourceMask NONE = new SourceMask(new IdentityHashMap<>());

    /** By file (sources are compared by identity): the masked parts in order, apart from each other. */
    private final Map<SourceFile, List<Span>> parts;

    private SourceMask(Map<SourceFile, List<Span>> parts) {
        this.parts = parts;
    }

    /** The parts to mask, in any order; overlapping ones are masked as one. */
    public static SourceMask of(Collection<Span> spans) {
        Map<SourceFile, List<Span>> parts = new IdentityHashMap<>();
        spans.stream()
                .filter(s -> s.end() > s.start())
                .sorted((a, b) -> a.start() != b.start()
                        ? Integer.compare(a.start(), b.start())
                        : Integer.compare(a.end(), b.end()))
                .forEach(span -> {
                    List<Span> inFile = parts.computeIfAbsent(span.file(), f -> new ArrayList<>());
                    Span last = inFile.isEmpty() ? null : inFile.get(inFile.size() - 1);
                    if (last != null && span.start() <= last.end()) {
                        inFile.set(inFile.size() - 1, last.to(span));
                    } else {
                        inFile.add(span);
                    }
                });
        return new SourceMask(parts);
    }

    /**
     * What any of the masks masks: for a diagnostic that several compilations reported (the
     * sites of a fleet share their template's files), shown once.
     */
    public static SourceMask union(Collection<SourceMask> masks) {
        List<SourceMask> distinct =
                masks.stream().filter(m -> m != NONE).distinct().toList();
        if (distinct.size() <= 1) {
            return distinct.isEmpty() ? NONE : distinct.get(0);
        }
        return of(distinct.stream()
                .flatMap(m -> m.parts.values().stream())
                .flatMap(List::stream)
                .toList());
    }

    /** A line of a file as a diagnostic shows it. */
    public Line line(SourceFile file, int line) {
        int start = file.lineStart(line);
        int end = file.lineEnd(line);
        List<int[]> masked = new ArrayList<>();
        for (Span part : parts.getOrDefault(file, List.of())) {
            if (part.start() < end && part.end() > start) {
                masked.add(new int[] {Math.max(part.start(), start) - start, Math.min(part.end(), end) - start});
            }
        }
        if (masked.isEmpty()) {
            return new Line(file.lineText(line), masked);
        }
        StringBuilder text = new StringBuilder();
        int at = 0;
        for (int[] part : masked) {
            text.append(file.slice(start + at, start + part[0])).append(MASK);
            at = part[1];
        }
        return new Line(text.append(file.slice(start + at, end)).toString(), masked);
    }

    /** A shown line: its text, and where a column of the source line went. */
    public static final class Line {
        private final String text;
        /** The masked parts, as columns {from, to} of the source line (0-based, to exclusive), in order. */
        private final List<int[]> masked;

        private Line(String text, List<int[]> masked) {
            this.text = text;
            this.masked = masked;
        }

        public String text() {
            return text;
        }

        /**
         * The 0-based column of the shown line for a column of the source line. A column inside
         * a masked part goes to the start of its mask, or, as the end of a span, past it.
         */
        public int column(int column, boolean end) {
            int shift = 0;
            for (int[] part : masked) {
                if (column <= part[0]) {
                    break;
                }
                if (column < part[1]) {
                    return part[0] + shift + (end ? MASK.length() : 0);
                }
                shift += MASK.length() - (part[1] - part[0]);
            }
            return column + shift;
        }
    }
}
