package dev.netc.lsp;

import dev.netc.analysis.Bindings;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceToken.Kind;
import dev.netc.rke2.Rke2Key;
import dev.netc.rke2.Rke2KeyCatalogue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.MarkupKind;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * Completion from the text before the cursor. The file being typed rarely parses, so the
 * context comes from the tokens alone: the blocks the cursor is in (by their braces), and the
 * statement it is in (since the last {@code ;}, brace, or line that does not continue a list).
 * Names come from the last successful analysis of the document.
 */
final class Completions {
    private static final List<String> STD_MODULES =
            List.of("std/ports", "std/networks", "std/kube-system", "std/metallb", "std/monitoring");
    /** Tokens after which the next line still belongs to the same statement. */
    private static final Set<Kind> CONTINUING =
            Set.of(Kind.COMMA, Kind.ARROW, Kind.EQ, Kind.NEQ, Kind.COLON, Kind.LPAREN, Kind.LBRACKET, Kind.RESERVED);

    /** A block the cursor is inside: its kind ({@code tier}) and label ({@code web}), or a flow's list braces. */
    private record Open(String kind, String label, boolean list) {}

    /** At most this many items in one answer (as clangd's default); more are asked for as the word grows. */
    static final int MAX_ITEMS = 200;

    private final Bindings index;

    Completions(Bindings index) {
        this.index = index;
    }

    /**
     * @param tokens the first tokens of the text's, as lexing it whole gives them: at least those
     *     that start before the cursor ({@link TokenPrefix})
     * @param offset the cursor, in code points
     */
    List<CompletionItem> at(List<SourceToken> tokens, String text, int offset) {
        int cursorLine =
                1 + (int) text.codePoints().limit(offset).filter(c -> c == '\n').count();
        List<SourceToken> before = new ArrayList<>();
        for (SourceToken token : tokens) {
            boolean word = token.kind() == Kind.NAME
                    || token.kind() == Kind.STRING
                    || token.kind() == Kind.ERROR
                    || token.isComment();
            if (token.start() < offset && (token.end() > offset || token.end() == offset && word)) {
                return inside(token, before);
            }
            if (token.end() > offset) {
                break;
            }
            if (!token.isComment()) {
                before.add(token);
            }
        }
        return afterTokens(before, cursorLine);
    }

    /**
     * The items for an answer: all of them, or, when there are more than {@link #MAX_ITEMS} (every
     * tier of a thousand namespaces, qualified, is ten thousand), those the word being typed could
     * still become, at most {@link #MAX_ITEMS}, in a list marked incomplete, so that the editor
     * asks again as the word grows. Those that start with the word come first, then those with
     * fewer dots (the names of the block's own namespace before those of every other), each in
     * the order found.
     */
    static Either<List<CompletionItem>, CompletionList> answer(
            List<CompletionItem> items, List<SourceToken> tokens, String text, int offset) {
        if (items.size() <= MAX_ITEMS) {
            return Either.forLeft(items);
        }
        String typed = typed(tokens, text, offset).toLowerCase(Locale.ROOT);
        List<CompletionItem> chosen = items.stream()
                .filter(item -> isSubsequence(typed, item.getLabel().toLowerCase(Locale.ROOT)))
                .sorted(Comparator.comparing((CompletionItem item) ->
                                !item.getLabel().toLowerCase(Locale.ROOT).startsWith(typed))
                        .thenComparingLong(item ->
                                item.getLabel().chars().filter(c -> c == '.').count()))
                .limit(MAX_ITEMS)
                .toList();
        return Either.forRight(new CompletionList(true, chosen));
    }

    /** The name being typed before the cursor: the names and dots that end there, without a gap. */
    static String typed(List<SourceToken> tokens, String text, int offset) {
        int last = -1;
        for (int i = 0; i < tokens.size() && tokens.get(i).start() < offset; i++) {
            last = i;
        }
        if (last < 0 || tokens.get(last).end() < offset || !nameOrDot(tokens.get(last))) {
            return "";
        }
        int first = last;
        while (first > 0
                && nameOrDot(tokens.get(first - 1))
                && tokens.get(first - 1).end() == tokens.get(first).start()) {
            first--;
        }
        int from = text.offsetByCodePoints(0, tokens.get(first).start());
        return text.substring(
                from, text.offsetByCodePoints(from, offset - tokens.get(first).start()));
    }

    private static boolean nameOrDot(SourceToken token) {
        return token.kind() == Kind.NAME || token.kind() == Kind.DOT;
    }

    /** Whether the characters of {@code word} occur in {@code label} in order: a client's filter keeps no other. */
    private static boolean isSubsequence(String word, String label) {
        int at = 0;
        for (int i = 0; i < word.length(); i++) {
            at = label.indexOf(word.charAt(i), at) + 1;
            if (at == 0) {
                return false;
            }
        }
        return true;
    }

    /** The cursor is inside (or at the end of) a token: a name being typed, a string, a comment. */
    private List<CompletionItem> inside(SourceToken token, List<SourceToken> before) {
        if (token.kind() == Kind.NAME) {
            return afterTokens(before, token.line());
        }
        boolean importPath = token.text().startsWith("\"")
                && !before.isEmpty()
                && before.get(before.size() - 1).text().equals("import");
        return importPath ? items(STD_MODULES, CompletionItemKind.Module, "standard module") : List.of();
    }

    private List<CompletionItem> afterTokens(List<SourceToken> before, int cursorLine) {
        Deque<Open> open = openBlocks(before);
        List<SourceToken> statement = currentStatement(before, cursorLine);
        Open block =
                open.stream().filter(o -> !o.list()).findFirst().orElse(new Open(Vocabulary.TOP_LEVEL, null, false));
        if (statement.isEmpty()) {
            if (block.kind().equals("rke2")) {
                return rke2Keys();
            }
            return items(
                    Vocabulary.STATEMENTS.getOrDefault(block.kind(), List.of()), CompletionItemKind.Keyword, "keyword");
        }
        String first = statement.get(0).text();
        SourceToken last = statement.get(statement.size() - 1);
        if (first.equals("allow")) {
            return flow(statement, namespaceOf(open), true);
        }
        if (first.equals("expect")) {
            // `expect allow` or `expect deny`, then a flow's ends and ports, without one-sided forms
            return statement.size() == 1
                    ? items(List.of("allow", "deny"), CompletionItemKind.Keyword, "what the emitted policies must do")
                    : flow(statement.subList(1, statement.size()), namespaceOf(open), false);
        }
        if (last.text().equals("on")) {
            return symbols(Bindings.Kind.NETWORK, false);
        }
        if (first.equals("external")
                && (last.kind() == Kind.EQ
                        || last.kind() == Kind.COMMA
                        || last.text().equals("except"))) {
            List<CompletionItem> items = new ArrayList<>(symbols(Bindings.Kind.EXTERNAL, false));
            items.addAll(items(
                    List.of("cluster.pods", "cluster.services", "cluster.servers"),
                    CompletionItemKind.Constant,
                    "the cluster's own ranges"));
            return items;
        }
        if (statement.size() == 1) {
            List<String> words = Vocabulary.VALUES.getOrDefault(block.kind() + " " + first, List.of());
            return items(words, CompletionItemKind.EnumMember, first);
        }
        return List.of();
    }

    /**
     * Ends of a flow after {@code allow}, {@code ->} or in a list; ports after {@code :}.
     *
     * @param sides whether the flow may be one-sided ({@code allow ingress}), as an expectation may not
     */
    private List<CompletionItem> flow(List<SourceToken> statement, String namespace, boolean sides) {
        int arrow = -1;
        int colon = -1;
        for (int i = 0; i < statement.size(); i++) {
            if (statement.get(i).kind() == Kind.ARROW) {
                arrow = i;
            } else if (statement.get(i).kind() == Kind.COLON) {
                colon = i;
            }
        }
        if (colon > arrow && arrow >= 0) {
            return ports(arrow + 1 < statement.size() ? statement.get(arrow + 1).text() : "", namespace);
        }
        if (inNamespacesEnd(statement, arrow)) {
            return items(
                    List.of("except", "pods"), CompletionItemKind.Keyword, "namespaces: but these, only these pods");
        }
        List<CompletionItem> items = new ArrayList<>();
        if (statement.size() == 1 && sides) {
            items.addAll(items(List.of("ingress", "egress"), CompletionItemKind.Keyword, "a one-sided flow"));
        }
        if (namespace != null) {
            for (Bindings.Declaration tier : index.ofKind(Bindings.Kind.TIER)) {
                if (tier.name().startsWith(namespace + ".")) {
                    items.add(item(tier.shortName(), CompletionItemKind.Class, "tier " + tier.name()));
                }
            }
        }
        items.addAll(symbols(Bindings.Kind.TIER, true));
        items.addAll(symbols(Bindings.Kind.NAMESPACE, false));
        items.addAll(symbols(Bindings.Kind.EXTERNAL, false));
        items.add(item("*", CompletionItemKind.Operator, "every pod of every namespace"));
        items.add(item("everyone", CompletionItemKind.Keyword, "every pod of every namespace and every address"));
        items.add(item("namespaces", CompletionItemKind.Keyword, "the pods of namespaces chosen by labels"));
        return items;
    }

    /**
     * After {@code namespaces SELECTOR} of the end being written, before its {@code except} or
     * {@code pods} (or the arrow): those words come next.
     */
    private static boolean inNamespacesEnd(List<SourceToken> statement, int arrow) {
        int start = -1;
        for (int i = Math.max(arrow, 0); i < statement.size(); i++) {
            if (statement.get(i).text().equals("namespaces")) {
                start = i;
            }
        }
        if (start < 0 || start == statement.size() - 1) {
            return false;
        }
        SourceToken last = statement.get(statement.size() - 1);
        return !List.of("except", "pods", "in", "notin").contains(last.text())
                && last.kind() != Kind.COMMA
                && last.kind() != Kind.LPAREN
                && last.kind() != Kind.EQ
                && last.kind() != Kind.NEQ
                && last.kind() != Kind.BANG;
    }

    private List<CompletionItem> ports(String target, String namespace) {
        String tier = target.contains(".") ? target : namespace + "." + target;
        List<CompletionItem> items = new ArrayList<>();
        for (Bindings.Declaration port : index.ofKind(Bindings.Kind.TIER_PORT)) {
            if (port.name().startsWith(tier + ":")) {
                items.add(item(port.shortName(), CompletionItemKind.Value, "port of tier " + tier));
            }
        }
        items.addAll(symbols(Bindings.Kind.PORT_CONSTANT, false));
        items.addAll(items(List.of("tcp", "udp", "sctp"), CompletionItemKind.EnumMember, "every port of the protocol"));
        return items;
    }

    private List<CompletionItem> symbols(Bindings.Kind kind, boolean qualified) {
        List<CompletionItem> items = new ArrayList<>();
        for (Bindings.Declaration symbol : index.ofKind(kind)) {
            CompletionItemKind itemKind = switch (kind) {
                case TIER -> CompletionItemKind.Class;
                case NAMESPACE -> CompletionItemKind.Module;
                case NETWORK -> CompletionItemKind.Struct;
                default -> CompletionItemKind.Constant;
            };
            items.add(item(
                    qualified ? symbol.name() : symbol.shortName(), itemKind, kind.keyword() + " " + symbol.name()));
        }
        return items;
    }

    private static List<CompletionItem> rke2Keys() {
        List<CompletionItem> items = new ArrayList<>();
        for (Rke2Key key : Rke2KeyCatalogue.all()) {
            CompletionItem item = item(
                    key.name(),
                    CompletionItemKind.Property,
                    "RKE2 " + key.type().name().toLowerCase(java.util.Locale.ROOT));
            item.setDocumentation(new MarkupContent(MarkupKind.MARKDOWN, Hovers.rke2Key(key)));
            items.add(item);
        }
        return items;
    }

    private static List<CompletionItem> items(List<String> words, CompletionItemKind kind, String detail) {
        return words.stream().map(word -> item(word, kind, detail)).toList();
    }

    private static CompletionItem item(String label, CompletionItemKind kind, String detail) {
        CompletionItem item = new CompletionItem(label);
        item.setKind(kind);
        item.setDetail(detail);
        return item;
    }

    // ---- context from tokens ---------------------------------------------------------------

    private static Deque<Open> openBlocks(List<SourceToken> tokens) {
        Deque<Open> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            SourceToken token = tokens.get(i);
            if (token.kind() == Kind.LBRACE) {
                open.push(isListBrace(tokens, i) ? new Open("", null, true) : header(tokens, i));
            } else if (token.kind() == Kind.RBRACE && !open.isEmpty()) {
                open.pop();
            }
        }
        return open;
    }

    /**
     * A `{` right after `allow`, `expect allow`, `expect deny`, `->`, `:` or a comma inside a flow's
     * list opens a list, not a block.
     */
    private static boolean isListBrace(List<SourceToken> tokens, int brace) {
        if (brace == 0) {
            return false;
        }
        SourceToken previous = tokens.get(brace - 1);
        return previous.kind() == Kind.ARROW
                || previous.kind() == Kind.COLON
                || previous.text().equals("allow")
                || brace >= 2 && tokens.get(brace - 2).text().equals("expect");
    }

    /** {@code kind label {}: the block's words, on the line of its brace. */
    private static Open header(List<SourceToken> tokens, int brace) {
        int start = brace;
        while (start > 0
                && tokens.get(start - 1).line() == tokens.get(brace).line()
                && !Set.of(Kind.LBRACE, Kind.RBRACE, Kind.SEMI)
                        .contains(tokens.get(start - 1).kind())) {
            start--;
        }
        String kind = start < brace ? tokens.get(start).text() : "";
        String label = start + 1 < brace ? tokens.get(start + 1).text().replace("\"", "") : null;
        return new Open(kind, label, false);
    }

    /** The tokens of the statement the cursor is in, up to the cursor (on {@code cursorLine}). */
    private static List<SourceToken> currentStatement(List<SourceToken> tokens, int cursorLine) {
        int start = tokens.size();
        while (start > 0) {
            SourceToken previous = tokens.get(start - 1);
            if (previous.kind() == Kind.SEMI
                    || previous.kind() == Kind.RBRACE && !insideList(tokens, start - 1)
                    || previous.kind() == Kind.LBRACE && !isListBrace(tokens, start - 1)) {
                break;
            }
            int nextLine = start < tokens.size() ? tokens.get(start).line() : cursorLine;
            if (nextLine != previous.line() && !CONTINUING.contains(previous.kind())) {
                break;
            }
            start--;
        }
        return tokens.subList(start, tokens.size());
    }

    /** True when a `}` closes a flow's list (its `{` opened one). */
    private static boolean insideList(List<SourceToken> tokens, int closing) {
        int depth = 0;
        for (int i = closing; i >= 0; i--) {
            if (tokens.get(i).kind() == Kind.RBRACE) {
                depth++;
            } else if (tokens.get(i).kind() == Kind.LBRACE && --depth == 0) {
                return isListBrace(tokens, i);
            }
        }
        return false;
    }

    private static String namespaceOf(Deque<Open> open) {
        return open.stream()
                .filter(o -> o.kind().equals("namespace"))
                .map(Open::label)
                .findFirst()
                .orElse(null);
    }
}
