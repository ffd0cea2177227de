package dev.netc.format;

import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceToken.Kind;
import dev.netc.parse.SourceToken.Role;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Prints the tokens of a syntactically valid file in the layout {@link Formatter} describes. */
final class LayoutPrinter {
    private static final int INDENT = 2;
    private static final int CONTINUATION = 4;

    private final List<SourceToken> tokens;
    /** Indexes of block braces whose block spans several lines. */
    private final Set<Integer> multiLineBraces = new HashSet<>();

    private final List<SourceToken> kept = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private int depth;
    private SourceToken lineFirst;
    private int lineFirstColumn;
    /** After the `{` of a multi-line block, until the first token that is not a comment. */
    private boolean bodyStartsOnNewLine;
    /** How many lists ({@code {a, b}} in a flow, {@code [...]}, {@code (...)}) the current token is in. */
    private int listDepth;

    LayoutPrinter(List<SourceToken> tokens) {
        this.tokens = tokens;
        findMultiLineBlocks();
    }

    String print() {
        SourceToken previous = null;
        int pendingBreaks = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SourceToken token = tokens.get(i);
            if (isRedundantSemicolon(i)) {
                pendingBreaks += token.newlinesBefore();
                continue;
            }
            boolean closesBlock = isBlockBrace(token, Kind.RBRACE);
            if (closesBlock) {
                depth--;
            }
            int breaks = pendingBreaks + token.newlinesBefore();
            pendingBreaks = 0;
            boolean forced = !token.isComment() && bodyStartsOnNewLine || closesBlock && multiLineBraces.contains(i);
            if (previous == null) {
                startLine(token, i);
            } else if (breaks > 0 || forced) {
                boolean blank = breaks > 1 && !isBlockBrace(previous, Kind.LBRACE) && !closesBlock;
                endLine(blank);
                startLine(token, i);
            } else {
                out.append(" ".repeat(gap(previous, token)));
            }
            if (closesList(token)) {
                listDepth--;
            }
            out.append(
                    token.kind() == Kind.BLOCK_COMMENT
                            ? shifted(token, currentColumn() - token.column())
                            : printedText(token));
            kept.add(token);
            if (!token.isComment()) {
                bodyStartsOnNewLine = false;
            }
            if (isBlockBrace(token, Kind.LBRACE)) {
                depth++;
                bodyStartsOnNewLine = multiLineBraces.contains(i);
            }
            if (opensList(token)) {
                listDepth++;
            }
            previous = token;
        }
        if (previous != null) {
            endLine(false);
        }
        return out.toString();
    }

    /** The tokens that were printed, in order (all but dropped semicolons). */
    List<SourceToken> kept() {
        return List.copyOf(kept);
    }

    /** A token as printed: line comments lose trailing white space, everything else is kept as written. */
    static String printedText(SourceToken token) {
        return token.kind() == Kind.LINE_COMMENT ? token.text().stripTrailing() : token.text();
    }

    /**
     * A block comment's later lines move by as many columns as its first line moved, so that
     * its inside keeps its shape; when a line lacks the white space to move left, none moves.
     */
    private static String shifted(SourceToken comment, int columns) {
        String[] lines = comment.text().split("\n", -1);
        if (columns == 0 || lines.length == 1) {
            return comment.text();
        }
        String prefix = " ".repeat(Math.max(0, -columns));
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank() && !lines[i].startsWith(prefix)) {
                return comment.text();
            }
        }
        StringBuilder text = new StringBuilder(lines[0]);
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].isBlank()
                    ? ""
                    : columns > 0 ? " ".repeat(columns) + lines[i] : lines[i].substring(-columns);
            text.append('\n').append(line);
        }
        return text.toString();
    }

    private void findMultiLineBlocks() {
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            SourceToken token = tokens.get(i);
            if (isBlockBrace(token, Kind.LBRACE)) {
                open.push(i);
            } else if (isBlockBrace(token, Kind.RBRACE) && !open.isEmpty()) {
                int opening = open.pop();
                if (tokens.get(opening).line() != token.line()) {
                    multiLineBraces.add(opening);
                    multiLineBraces.add(i);
                }
            }
        }
    }

    private boolean isRedundantSemicolon(int index) {
        if (tokens.get(index).kind() != Kind.SEMI) {
            return false;
        }
        if (index + 1 == tokens.size()) {
            return true;
        }
        SourceToken next = tokens.get(index + 1);
        return next.kind() == Kind.SEMI || isBlockBrace(next, Kind.RBRACE);
    }

    private void startLine(SourceToken token, int index) {
        int indent = Math.max(0, depth) * INDENT + (continuesStatement(token, index) ? CONTINUATION : 0);
        out.append(" ".repeat(indent));
        lineFirst = token;
        lineFirstColumn = indent;
    }

    private void endLine(boolean blank) {
        int end = out.length();
        while (end > 0 && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append(blank ? "\n\n" : "\n");
    }

    /** True for a line that starts inside a statement (a comment takes the part of the token after it). */
    private boolean continuesStatement(SourceToken token, int index) {
        int next = index;
        while (next < tokens.size() && tokens.get(next).isComment()) {
            next++;
        }
        if (next == tokens.size()) {
            return false;
        }
        SourceToken code = tokens.get(next);
        return !code.startsStatement() && !isBlockBrace(code, Kind.RBRACE);
    }

    /**
     * Spaces between two tokens on one line: the canonical 0 or 1, or what keeps an aligned
     * column. Inside a list and after a comma spacing is always canonical, as gofmt and
     * {@code terraform fmt} make it ({@code { 80/tcp ,  8080/tcp }} is {@code {80/tcp, 8080/tcp}}):
     * columns are aligned across lines, not inside a list; a trailing comment may still be.
     */
    private int gap(SourceToken previous, SourceToken token) {
        int canonical = canonicalGap(previous, token);
        boolean aligned = canonical == 1
                && token.gapBefore() > 1
                && token.line() == lineFirst.line()
                && token.kind() != Kind.RBRACE
                && (token.isComment() || listDepth == 0 && previous.kind() != Kind.COMMA);
        if (!aligned) {
            return canonical;
        }
        int target = lineFirstColumn + token.column() - lineFirst.column();
        return Math.max(1, target - currentColumn());
    }

    private int currentColumn() {
        int lineStart = out.lastIndexOf("\n") + 1;
        return out.codePointCount(lineStart, out.length());
    }

    private static int canonicalGap(SourceToken previous, SourceToken token) {
        Kind before = previous.kind();
        Kind kind = token.kind();
        if (kind == Kind.COMMA
                || kind == Kind.SEMI
                || kind == Kind.RPAREN
                || kind == Kind.RBRACKET
                || kind == Kind.DOT
                || kind == Kind.COLON) {
            return 0;
        }
        if (before == Kind.LPAREN || before == Kind.LBRACKET || before == Kind.BANG || before == Kind.DOT) {
            return 0;
        }
        boolean tight = previous.role() == Role.FLOW_PORTS
                || previous.role() == Role.SELECTOR
                || token.role() == Role.SELECTOR
                || token.role() == Role.CALL
                || before == Kind.LBRACE && previous.role() == Role.SET
                || kind == Kind.RBRACE && token.role() == Role.SET
                || isBlockBrace(previous, Kind.LBRACE) && isBlockBrace(token, Kind.RBRACE);
        return tight ? 0 : 1;
    }

    private static boolean opensList(SourceToken token) {
        return token.kind() == Kind.LBRACKET
                || token.kind() == Kind.LPAREN
                || token.kind() == Kind.LBRACE && token.role() == Role.SET;
    }

    private static boolean closesList(SourceToken token) {
        return token.kind() == Kind.RBRACKET
                || token.kind() == Kind.RPAREN
                || token.kind() == Kind.RBRACE && token.role() == Role.SET;
    }

    private static boolean isBlockBrace(SourceToken token, Kind kind) {
        return token.kind() == kind && token.role() == Role.BLOCK;
    }
}
