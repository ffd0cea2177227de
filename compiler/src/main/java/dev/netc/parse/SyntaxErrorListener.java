package dev.netc.parse;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Fix;
import dev.netc.diagnostics.Messages;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * Turns ANTLR's syntax errors into diagnostics in the language's own terms. ANTLR's text
 * ("mismatched input ... expecting ...") never reaches the user: the message is rebuilt from
 * the offending token and the set of expected tokens, and common mistakes get their own code.
 */
final class SyntaxErrorListener extends BaseErrorListener {
    private final SourceFile source;
    private final DiagnosticSink sink;
    private int lastReportedLine = -1;

    SyntaxErrorListener(SourceFile source, DiagnosticSink sink) {
        this.source = source;
        this.sink = sink;
    }

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int column,
            String antlrMessage,
            RecognitionException e) {
        Token token = (Token) offendingSymbol;
        // One error per line: ANTLR's recovery often trips again on the rest of a broken line.
        if (token == null || token.getLine() == lastReportedLine) {
            return;
        }
        lastReportedLine = token.getLine();
        Parser parser = (Parser) recognizer;
        IntervalSet expected =
                e != null && e.getExpectedTokens() != null ? e.getExpectedTokens() : parser.getExpectedTokens();
        Diagnostic diagnostic = diagnose(parser.getInputStream(), token, expected);
        if (diagnostic.code() == Code.NS0001) {
            diagnostic = withUnclosedBlockHint(diagnostic, parser, token);
        }
        sink.report(diagnostic);
    }

    /**
     * A statement that starts at or left of the column of an enclosing block's first line
     * usually means that block lacks its `}`: rustc-style, point at the block that is still open.
     */
    private Diagnostic withUnclosedBlockHint(Diagnostic diagnostic, Parser parser, Token token) {
        Token lineStart = firstOnLine(parser.getInputStream(), token);
        for (ParserRuleContext context = parser.getContext(); context != null; context = context.getParent()) {
            if (context instanceof NetSpecParser.BlockStatementContext block
                    && block.getStart().getLine() < token.getLine()
                    && lineStart.getCharPositionInLine() <= block.getStart().getCharPositionInLine()) {
                // after an error ANTLR may have read the block's keyword as a statement of its own
                // (`namespace` + block `app {`): the line's first token is what the user wrote first
                Token opening = firstOnLine(parser.getInputStream(), block.getStart());
                return diagnostic
                        .withSecondary(span(opening).to(span(block.getStart())), "this block is still open here")
                        .withHelp("is a `}` missing before line " + token.getLine() + "?");
            }
        }
        return diagnostic;
    }

    private static Token firstOnLine(TokenStream tokens, Token token) {
        Token first = token;
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = tokens.get(i);
            if (candidate.getLine() != token.getLine()) {
                break;
            }
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                first = candidate;
            }
        }
        return first;
    }

    private Diagnostic diagnose(TokenStream tokens, Token token, IntervalSet expected) {
        Span span = span(token);
        Token previous = previousVisible(tokens, token);
        switch (token.getType()) {
            case NetSpecLexer.HASH_COMMENT:
                return Diagnostic.of(Code.NS0004, span)
                        .withLabel("`#` does not start a comment here")
                        .withHelp("write comments as `// ...` or `/* ... */`");
            case NetSpecLexer.UNTERMINATED_STRING:
                return Diagnostic.of(Code.NS0002, new Span(source, token.getStartIndex(), token.getStartIndex() + 1))
                        .withLabel("string starts here")
                        .withHelp("close the string with `\"` on the same line");
            case NetSpecLexer.UNTERMINATED_COMMENT:
                return Diagnostic.of(Code.NS0003, new Span(source, token.getStartIndex(), token.getStartIndex() + 2))
                        .withLabel("comment starts here")
                        .withHelp("close the comment with `*/`");
            case NetSpecLexer.ERROR_CHAR:
                return Diagnostic.of(Code.NS0005, span, printable(token.getText()))
                        .withLabel("not part of the language");
            default:
                break;
        }
        if (token.getType() == NetSpecLexer.COLON
                && previous != null
                && startsLine(previous)
                && !expected.contains(NetSpecLexer.COLON)) {
            return Diagnostic.of(Code.NS0006, span)
                    .withLabel("`:` after a property name")
                    .withHelp("netspec is not YAML: write `" + previous.getText() + " value` without the colon")
                    .withFix(new Fix("remove the `:`", span, ""));
        }
        if (token.getType() == Token.EOF && expected.contains(NetSpecLexer.RBRACE)) {
            Diagnostic unclosed = Diagnostic.of(Code.NS0007, span).withLabel("the file ends here");
            Token open = unmatchedOpenBrace(tokens);
            return open == null
                    ? unclosed
                    : unclosed.withSecondary(span(open), "this `{` is never closed")
                            .withHelp("add `}` to close the block");
        }
        String found = describe(token);
        if (token.getType() == Token.EOF && previous != null) {
            // what is missing belongs after the last thing written, not on the empty line after it
            int end = previous.getStopIndex() + 1;
            return Diagnostic.of(Code.NS0001, new Span(source, end, end), found, expectedText(expected))
                    .withLabel("unexpected " + found);
        }
        Diagnostic diagnostic =
                Diagnostic.of(Code.NS0001, span, found, expectedText(expected)).withLabel("unexpected " + found);
        if (token.getType() == NetSpecLexer.COLON && expected.contains(NetSpecLexer.ARROW)) {
            return diagnostic.withHelp("flows are written `allow from -> to:port`");
        }
        if (isReservedWord(token) && expected.contains(NetSpecLexer.NAME)) {
            return diagnostic.withHelp("`" + token.getText() + "` is a reserved word; quote it or choose another name");
        }
        return diagnostic;
    }

    private static boolean isReservedWord(Token token) {
        int type = token.getType();
        return type == NetSpecLexer.ALLOW
                || type == NetSpecLexer.EXPECT
                || type == NetSpecLexer.EXCEPT
                || type == NetSpecLexer.IN
                || type == NetSpecLexer.NOTIN;
    }

    private static String expectedText(IntervalSet expected) {
        Set<String> words = new LinkedHashSet<>();
        for (int type : expected.toArray()) {
            String word = expectedWord(type);
            if (word != null) {
                words.add(word);
            }
        }
        List<String> list = new ArrayList<>(words);
        if (list.isEmpty()) {
            return "something else";
        }
        if (list.size() > 6) {
            return "a statement, a name or a value";
        }
        return Messages.either(list);
    }

    /** How an expected token is named in a message; keywords that double as names fold into "a name". */
    private static String expectedWord(int type) {
        switch (type) {
            case NetSpecLexer.NAME:
                return "a name";
            case NetSpecLexer.IPV4:
                return "an IPv4 address or CIDR such as `10.42.0.0/16`";
            case NetSpecLexer.IPV6:
                return "an IPv6 address or CIDR";
            case NetSpecLexer.PORT_SPEC:
                return "a port such as `80/tcp`";
            case NetSpecLexer.NUMBER:
                return "a number";
            case NetSpecLexer.STRING:
                return "a string";
            case NetSpecLexer.DURATION:
                return "a duration such as `30s`";
            case NetSpecLexer.ARROW:
                return "`->`";
            case Token.EOF:
                return "the end of the file";
            case NetSpecLexer.IMPORT:
            case NetSpecLexer.PARAM:
            case NetSpecLexer.NETWORK:
            case NetSpecLexer.CLUSTER:
            case NetSpecLexer.NODE:
            case NetSpecLexer.NAMESPACE:
            case NetSpecLexer.TIER:
            case NetSpecLexer.EXTERNAL:
            case NetSpecLexer.PORT:
            case NetSpecLexer.PODS:
            case NetSpecLexer.LABELS:
            case NetSpecLexer.RKE2:
                return "a name";
            default:
                String literal = NetSpecParser.VOCABULARY.getLiteralName(type);
                return literal == null ? null : "`" + literal.substring(1, literal.length() - 1) + "`";
        }
    }

    private static String describe(Token token) {
        if (token.getType() == Token.EOF) {
            return "end of file";
        }
        return "`" + printable(token.getText()) + "`";
    }

    private static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().limit(40).forEach(cp -> {
            if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u{%04x}", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }

    private Token previousVisible(TokenStream tokens, Token token) {
        for (int i = token.getTokenIndex() - 1; i >= 0; i--) {
            Token candidate = tokens.get(i);
            if (candidate.getChannel() == Token.DEFAULT_CHANNEL) {
                return candidate;
            }
        }
        return null;
    }

    /** True when the token is the first visible token on its line. */
    private boolean startsLine(Token token) {
        String text = source.text();
        for (int i = token.getStartIndex() - 1; i >= 0; i--) {
            char c = text.charAt(i);
            if (c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /**
     * The `{` that lacks its `}`. Braces match innermost first, so a missing `}` early in a file
     * shows up as the outermost block being unclosed; indentation tells better: a `}` that starts
     * a line left of the line that opened the brace it closes belongs to an outer block, so that
     * brace is the one never closed.
     */
    private static Token unmatchedOpenBrace(TokenStream tokens) {
        List<Token> open = new ArrayList<>();
        Token misindented = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.getType() == NetSpecLexer.LBRACE) {
                open.add(token);
            } else if (token.getType() == NetSpecLexer.RBRACE && !open.isEmpty()) {
                Token matched = open.remove(open.size() - 1);
                boolean startsLine = firstOnLine(tokens, token) == token;
                if (misindented == null
                        && startsLine
                        && token.getCharPositionInLine()
                                < firstOnLine(tokens, matched).getCharPositionInLine()) {
                    misindented = matched;
                }
            }
        }
        if (open.isEmpty()) {
            return null;
        }
        return misindented != null ? misindented : open.get(open.size() - 1);
    }

    private Span span(Token token) {
        if (token.getType() == Token.EOF) {
            int end = source.text().length();
            return new Span(source, end, end);
        }
        return Spans.of(source, token);
    }
}
