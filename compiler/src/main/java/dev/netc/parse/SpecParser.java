package dev.netc.parse;

import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.misc.ParseCancellationException;

/**
 * Parses one source file into an AST, reporting syntax errors to the sink.
 *
 * <p>Parsing first runs in ANTLR's fast SLL mode and bails out at the first problem; only
 * then does it parse again with full LL and error recovery, so that valid files (nearly all)
 * take the fast path and invalid ones still get several precise errors.
 */
public final class SpecParser {
    /** Deeper nesting than this is certainly a mistake, and would risk the parser's stack. */
    public static final int MAX_NESTING = 64;

    static {
        // Start from the DFAs the build left after reading the examples and the standard library
        // (see DfaSnapshotReader) rather than from empty ones: building them anew in interpreted code
        // took about 20 ms of every process's first file.
        DfaSnapshotReader.read(DfaSnapshots.lexer(), NetSpecLexer._ATN, NetSpecLexer.sharedDfa());
        DfaSnapshotReader.read(DfaSnapshots.parser(), NetSpecParser._ATN, NetSpecParser.sharedDfa());
    }

    private SpecParser() {}

    /**
     * The file's AST. On the fast path the top-level statements are parsed one at a time and
     * each one's parse tree is dropped as soon as its AST is built: the tree of a large file
     * never exists whole, which halved the time the garbage collector spent on parsing it.
     */
    public static SpecFile parse(SourceFile source, DiagnosticSink sink) {
        CommonTokenStream tokens = lex(source.text(), source.displayName());
        if (!nestingWithinLimit(source, tokens.getTokens(), sink)) {
            return new SpecFile(source, List.of());
        }
        NetSpecParser parser = fastParser(tokens);
        // what building the AST reports (bad string escapes) is kept apart until the fast path
        // has succeeded: the slow path builds the AST again and reports it again
        DiagnosticSink building = new DiagnosticSink();
        AstBuilder builder = AstBuilder.withoutHoles(source, building);
        List<Statement> statements = new ArrayList<>();
        try {
            while (tokens.LA(1) != Token.EOF) {
                statements.addAll(builder.topLevel(parser.statement()));
            }
            building.sorted().forEach(sink::report);
            return new SpecFile(source, statements);
        } catch (ParseCancellationException e) {
            return new AstBuilder(source, sink).build(slowParse(source, sink, tokens, parser));
        }
    }

    /** The tokens (white space and comments included) and the parse tree, null when nesting is too deep. */
    record Tree(List<Token> tokens, NetSpecParser.SpecFileContext root) {}

    static Tree parseTree(SourceFile source, DiagnosticSink sink) {
        CommonTokenStream tokens = lex(source.text(), source.displayName());
        if (!nestingWithinLimit(source, tokens.getTokens(), sink)) {
            return new Tree(tokens.getTokens(), null);
        }

        NetSpecParser parser = fastParser(tokens);
        NetSpecParser.SpecFileContext tree;
        try {
            tree = parser.specFile();
        } catch (ParseCancellationException e) {
            tree = slowParse(source, sink, tokens, parser);
        }
        return new Tree(tokens.getTokens(), tree);
    }

    /** SLL prediction, stopping at the first syntax error. */
    private static NetSpecParser fastParser(CommonTokenStream tokens) {
        NetSpecParser parser = new NetSpecParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

    /** The whole file again, from its first token, with full LL prediction and error recovery. */
    private static NetSpecParser.SpecFileContext slowParse(
            SourceFile source, DiagnosticSink sink, CommonTokenStream tokens, NetSpecParser parser) {
        ReservedWordNames.retag(source, tokens.getTokens(), sink);
        tokens.seek(0);
        parser.reset();
        parser.getInterpreter().setPredictionMode(PredictionMode.LL);
        parser.setErrorHandler(new DefaultErrorStrategy());
        parser.addErrorListener(new SyntaxErrorListener(source, sink));
        return parser.specFile();
    }

    static CommonTokenStream lex(String text, String name) {
        return lex(text, name, 1, 0);
    }

    /**
     * The tokens of a text that starts at that line (1-based) and column (0-based, in code points)
     * of a larger one: their lines and columns are the larger text's, their offsets the text's own.
     */
    static CommonTokenStream lex(String text, String name, int line, int column) {
        NetSpecLexer lexer = new NetSpecLexer(CharStreams.fromString(text, name));
        lexer.setLine(line);
        lexer.setCharPositionInLine(column);
        lexer.removeErrorListeners(); // the lexer never fails: bad input becomes error tokens
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        return tokens;
    }

    private static boolean nestingWithinLimit(SourceFile source, List<Token> tokens, DiagnosticSink sink) {
        int depth = 0;
        for (Token token : tokens) {
            int type = token.getType();
            if (type == NetSpecLexer.LBRACE || type == NetSpecLexer.LBRACKET || type == NetSpecLexer.LPAREN) {
                depth++;
                if (depth > MAX_NESTING) {
                    Span span = Spans.of(source, token);
                    sink.report(Diagnostic.of(Code.NS0008, span, "nesting deeper than " + MAX_NESTING + " levels")
                            .withLabel("too deep"));
                    return false;
                }
            } else if (type == NetSpecLexer.RBRACE || type == NetSpecLexer.RBRACKET || type == NetSpecLexer.RPAREN) {
                depth = Math.max(0, depth - 1);
            }
        }
        return true;
    }
}
