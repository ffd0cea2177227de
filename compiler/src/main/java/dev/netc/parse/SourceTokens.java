package dev.netc.parse;

import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import dev.netc.source.SourceFile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/** The token stream of a file, with comments, for the formatter and the language server. */
public final class SourceTokens {
    private SourceTokens() {}

    /** Every token of the text, comments included, as the lexer sees them (no roles). */
    public static List<SourceToken> lex(String text) {
        return lex(text, 0, 1, 0);
    }

    /**
     * The tokens of a part of a larger text, with the larger text's offsets, lines and columns.
     * They are the larger text's own tokens when the part starts where lexing the larger text
     * starts a token or white space (the lexer has no modes: from there on, what it makes of the
     * text depends only on the text), save those that the part's end cuts short or that are
     * decided by characters after it: which ones, the caller knows.
     *
     * @param start the code point offset of the part in the larger text
     * @param line the 1-based line of the part's first character
     * @param column the 0-based column of the part's first character, in code points
     */
    public static List<SourceToken> lex(String part, int start, int line, int column) {
        return convert(SpecParser.lex(part, "", line, column).getTokens(), start, Map.of(), Set.of());
    }

    /**
     * The tokens with what the parser made of them, or empty when the file has syntax errors
     * (reported to the sink, with the same diagnostics {@link SpecParser#parse} gives).
     */
    public static Optional<List<SourceToken>> parsed(SourceFile source, DiagnosticSink sink) {
        DiagnosticSink own = new DiagnosticSink();
        SpecParser.Tree tree = SpecParser.parseTree(source, own);
        if (!own.hasErrors()) {
            new AstBuilder(source, own).build(tree.root()); // string escapes are checked while the AST is built
        }
        own.sorted().forEach(sink::report);
        if (own.hasErrors()) {
            return Optional.empty();
        }
        RoleCollector roles = new RoleCollector();
        roles.walk(tree.root());
        return Optional.of(convert(tree.tokens(), 0, roles.roles, roles.statementStarts));
    }

    /** @param start what to add to the tokens' offsets: where the lexed text starts in the file */
    private static List<SourceToken> convert(
            List<Token> tokens, int start, Map<Integer, SourceToken.Role> roles, Set<Integer> statementStarts) {
        List<SourceToken> result = new ArrayList<>();
        int newlines = 0;
        int gap = 0;
        for (Token token : tokens) {
            if (token.getType() == Token.EOF) {
                break;
            }
            if (token.getType() == NetSpecLexer.WS) {
                String text = token.getText();
                int lastBreak = text.lastIndexOf('\n');
                // a loop, not a stream: a large file has a hundred thousand of these (completion lexes it)
                for (int i = 0; i <= lastBreak; i++) {
                    newlines += text.charAt(i) == '\n' ? 1 : 0;
                }
                gap = text.length() - lastBreak - 1;
                continue;
            }
            // a file only lexed has no roles: no boxed index looked up
            boolean parsed = !roles.isEmpty() || !statementStarts.isEmpty();
            result.add(new SourceToken(
                    kind(token.getType()),
                    token.getText(),
                    start + token.getStartIndex(),
                    token.getLine(),
                    token.getCharPositionInLine(),
                    newlines,
                    gap,
                    parsed ? roles.getOrDefault(token.getTokenIndex(), SourceToken.Role.PLAIN) : SourceToken.Role.PLAIN,
                    parsed && statementStarts.contains(token.getTokenIndex())));
            newlines = 0;
            gap = 0;
        }
        return List.copyOf(result);
    }

    /** How a token type is seen when tokens are read without the parser: a name, a reserved word, ... */
    static SourceToken.Kind kind(int type) {
        return switch (type) {
            case NetSpecLexer.NAME,
                    NetSpecLexer.IMPORT,
                    NetSpecLexer.PARAM,
                    NetSpecLexer.NETWORK,
                    NetSpecLexer.CLUSTER,
                    NetSpecLexer.NODE,
                    NetSpecLexer.NAMESPACE,
                    NetSpecLexer.TIER,
                    NetSpecLexer.EXTERNAL,
                    NetSpecLexer.PORT,
                    NetSpecLexer.PODS,
                    NetSpecLexer.LABELS,
                    NetSpecLexer.RKE2 -> SourceToken.Kind.NAME;
            case NetSpecLexer.ALLOW,
                    NetSpecLexer.EXPECT,
                    NetSpecLexer.EXCEPT,
                    NetSpecLexer.IN,
                    NetSpecLexer.NOTIN,
                    NetSpecLexer.NAMESPACES,
                    NetSpecLexer.EVERYONE -> SourceToken.Kind.RESERVED;
            case NetSpecLexer.STRING -> SourceToken.Kind.STRING;
            case NetSpecLexer.NUMBER -> SourceToken.Kind.NUMBER;
            case NetSpecLexer.DURATION -> SourceToken.Kind.DURATION;
            case NetSpecLexer.PORT_SPEC, NetSpecLexer.STAR_PORT -> SourceToken.Kind.PORT;
            case NetSpecLexer.IPV4, NetSpecLexer.IPV6 -> SourceToken.Kind.ADDRESS;
            case NetSpecLexer.ARROW -> SourceToken.Kind.ARROW;
            case NetSpecLexer.NEQ -> SourceToken.Kind.NEQ;
            case NetSpecLexer.LBRACE -> SourceToken.Kind.LBRACE;
            case NetSpecLexer.RBRACE -> SourceToken.Kind.RBRACE;
            case NetSpecLexer.LPAREN -> SourceToken.Kind.LPAREN;
            case NetSpecLexer.RPAREN -> SourceToken.Kind.RPAREN;
            case NetSpecLexer.LBRACKET -> SourceToken.Kind.LBRACKET;
            case NetSpecLexer.RBRACKET -> SourceToken.Kind.RBRACKET;
            case NetSpecLexer.COMMA -> SourceToken.Kind.COMMA;
            case NetSpecLexer.SEMI -> SourceToken.Kind.SEMI;
            case NetSpecLexer.COLON -> SourceToken.Kind.COLON;
            case NetSpecLexer.DOT -> SourceToken.Kind.DOT;
            case NetSpecLexer.STAR -> SourceToken.Kind.STAR;
            case NetSpecLexer.EQ -> SourceToken.Kind.EQ;
            case NetSpecLexer.BANG -> SourceToken.Kind.BANG;
            case NetSpecLexer.LINE_COMMENT -> SourceToken.Kind.LINE_COMMENT;
            case NetSpecLexer.BLOCK_COMMENT -> SourceToken.Kind.BLOCK_COMMENT;
            default -> SourceToken.Kind.ERROR;
        };
    }

    /** Marks the tokens whose layout depends on the construct they belong to. */
    private static final class RoleCollector {
        final Map<Integer, SourceToken.Role> roles = new HashMap<>();
        final Set<Integer> statementStarts = new HashSet<>();

        void walk(ParserRuleContext context) {
            if (context instanceof NetSpecParser.StatementContext
                    || context instanceof NetSpecParser.Rke2EntryContext) {
                statementStarts.add(context.getStart().getTokenIndex());
            }
            if (context instanceof NetSpecParser.BlockStatementContext c) {
                mark(SourceToken.Role.BLOCK, c.LBRACE(), c.RBRACE());
            } else if (context instanceof NetSpecParser.Rke2StatementContext c) {
                mark(SourceToken.Role.BLOCK, c.LBRACE(), c.RBRACE());
            } else if (context instanceof NetSpecParser.EndpointSetContext c) {
                mark(SourceToken.Role.SET, c.LBRACE(), c.RBRACE());
            } else if (context instanceof NetSpecParser.PortSetContext c) {
                mark(SourceToken.Role.SET, c.LBRACE(), c.RBRACE());
            } else if (context instanceof NetSpecParser.FlowContext c) {
                mark(SourceToken.Role.FLOW_PORTS, c.COLON());
            } else if (context instanceof NetSpecParser.EqualitySelectorContext c) {
                roles.put(c.operator.getTokenIndex(), SourceToken.Role.SELECTOR);
            } else if (context instanceof NetSpecParser.CallValueContext c) {
                mark(SourceToken.Role.CALL, c.LPAREN());
            }
            for (int i = 0; i < context.getChildCount(); i++) {
                if (context.getChild(i) instanceof ParserRuleContext child) {
                    walk(child);
                }
            }
        }

        private void mark(SourceToken.Role role, TerminalNode... nodes) {
            for (TerminalNode node : nodes) {
                if (node != null) {
                    roles.put(node.getSymbol().getTokenIndex(), role);
                }
            }
        }
    }
}
