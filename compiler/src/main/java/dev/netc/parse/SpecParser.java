package dev.netc.parse;

import dev.netc.ast.SpecFile;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
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

    private SpecParser() {
    }

    public static SpecFile parse(SourceFile source, DiagnosticSink sink) {
        Tree tree = parseTree(source, sink);
        return tree.root() == null ? new SpecFile(source, List.of()) : new AstBuilder(source, sink).build(tree.root());
    }

    /** The tokens (white space and comments included) and the parse tree, null when nesting is too deep. */
    record Tree(List<Token> tokens, NetSpecParser.SpecFileContext root) {
    }

    static Tree parseTree(SourceFile source, DiagnosticSink sink) {
        CommonTokenStream tokens = lex(source.text(), source.displayName());
        if (!nestingWithinLimit(source, tokens.getTokens(), sink)) {
            return new Tree(tokens.getTokens(), null);
        }

        NetSpecParser parser = new NetSpecParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        NetSpecParser.SpecFileContext tree;
        try {
            tree = parser.specFile();
        } catch (ParseCancellationException e) {
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new SyntaxErrorListener(source, sink));
            tree = parser.specFile();
        }
        return new Tree(tokens.getTokens(), tree);
    }

    static CommonTokenStream lex(String text, String name) {
        NetSpecLexer lexer = new NetSpecLexer(CharStreams.fromString(text, name));
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
