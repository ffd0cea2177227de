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
import java.util.Optional;
import java.util.concurrent.ForkJoinPool;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.TokenStream;
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
     * never exists whole, which halved the time the garbage collector spent on parsing it. A
     * large file is cut into runs of whole statements ({@link TopLevelRuns}), parsed on every
     * processor: parsing was half of checking a thousand namespaces, all of it on one thread.
     */
    public static SpecFile parse(SourceFile source, DiagnosticSink sink) {
        return parse(source, sink, 4 * ForkJoinPool.getCommonPoolParallelism(), TopLevelRuns.MIN_TOKENS);
    }

    /**
     * @param runs into how many runs a large file may be cut (1: none)
     * @param minTokens the fewest tokens a run has (but the last)
     */
    static SpecFile parse(SourceFile source, DiagnosticSink sink, int runs, int minTokens) {
        CommonTokenStream tokens = lex(source.text(), source.displayName());
        if (!nestingWithinLimit(source, tokens.getTokens(), sink)) {
            return new SpecFile(source, List.of());
        }
        List<TokenRun> cut = TopLevelRuns.of(tokens.getTokens(), runs, minTokens);
        // one run (nearly every file) without a stream: a cold pipeline costs a new process time
        List<Optional<FastParse>> parsed = cut.size() == 1
                ? List.of(fastParse(source, cut.get(0)))
                : cut.parallelStream().map(run -> fastParse(source, run)).toList();
        List<Statement> statements = new ArrayList<>();
        List<Diagnostic> reported = new ArrayList<>();
        for (Optional<FastParse> run : parsed) {
            if (run.isEmpty()) {
                return new AstBuilder(source, sink).build(slowParse(source, sink, tokens));
            }
            statements.addAll(run.get().statements());
            reported.addAll(run.get().reported());
        }
        reported.forEach(sink::report);
        return new SpecFile(source, statements);
    }

    /** What a run of statements parsed into, and what building their AST reported (bad string escapes). */
    private record FastParse(List<Statement> statements, List<Diagnostic> reported) {}

    /** The run's statements, or empty at its first syntax error. */
    private static Optional<FastParse> fastParse(SourceFile source, TokenRun run) {
        NetSpecParser parser = fastParser(run);
        // what building the AST reports is kept apart until every run has parsed: the slow path
        // builds the AST again and reports it again
        DiagnosticSink building = new DiagnosticSink();
        AstBuilder builder = AstBuilder.withoutHoles(source, building);
        List<Statement> statements = new ArrayList<>();
        try {
            while (run.LA(1) != Token.EOF) {
                statements.addAll(builder.topLevel(parser.statement()));
            }
            return Optional.of(new FastParse(statements, building.sorted()));
        } catch (ParseCancellationException e) {
            return Optional.empty();
        }
    }

    /** The tokens (white space and comments included) and the parse tree, null when nesting is too deep. */
    record Tree(List<Token> tokens, NetSpecParser.SpecFileContext root) {}

    static Tree parseTree(SourceFile source, DiagnosticSink sink) {
        CommonTokenStream tokens = lex(source.text(), source.displayName());
        if (!nestingWithinLimit(source, tokens.getTokens(), sink)) {
            return new Tree(tokens.getTokens(), null);
        }

        NetSpecParser.SpecFileContext tree;
        try {
            tree = fastParser(tokens).specFile();
        } catch (ParseCancellationException e) {
            tree = slowParse(source, sink, tokens);
        }
        return new Tree(tokens.getTokens(), tree);
    }

    /** SLL prediction, stopping at the first syntax error. */
    private static NetSpecParser fastParser(TokenStream tokens) {
        NetSpecParser parser = new NetSpecParser(tokens);
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        return parser;
    }

    /** The whole file again, from its first token, with full LL prediction and error recovery. */
    private static NetSpecParser.SpecFileContext slowParse(
            SourceFile source, DiagnosticSink sink, CommonTokenStream tokens) {
        ReservedWordNames.retag(source, tokens.getTokens(), sink);
        tokens.seek(0);
        NetSpecParser parser = new NetSpecParser(tokens);
        parser.removeErrorListeners();
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
        CommonTokenStream tokens = new PresizedTokenStream(lexer, text.length());
        tokens.fill();
        return tokens;
    }

    /**
     * A token stream whose list starts at about the size the text needs. Grown from ANTLR's 100,
     * the list of a large file's million tokens was copied some thirty times, each copy a new
     * array too large for the young generation: a tenth of parsing a 1.5 MB file.
     */
    private static final class PresizedTokenStream extends CommonTokenStream {
        /** Fewer characters than tokens have on average (2.9 in a generated 1.5 MB spec; white space is a token too). */
        private static final int CHARACTERS_PER_TOKEN = 2;

        PresizedTokenStream(NetSpecLexer lexer, int characters) {
            super(lexer);
            tokens = new ArrayList<>(characters / CHARACTERS_PER_TOKEN + 16);
        }
    }

    private static boolean nestingWithinLimit(SourceFile source, List<Token> tokens, DiagnosticSink sink) {
        int depth = 0;
        for (Token token : tokens) {
            depth = depthAfter(depth, token.getType());
            if (depth > MAX_NESTING) {
                Span span = Spans.of(source, token);
                sink.report(Diagnostic.of(Code.NS0008, span, "nesting deeper than " + MAX_NESTING + " levels")
                        .withLabel("too deep"));
                return false;
            }
        }
        return true;
    }

    /**
     * The nesting depth after a token of the type: every kind of bracket opens and closes a level,
     * and a closing one too many leaves the top level as it is (the parser reports it).
     */
    static int depthAfter(int depth, int tokenType) {
        return switch (tokenType) {
            case NetSpecLexer.LBRACE, NetSpecLexer.LBRACKET, NetSpecLexer.LPAREN -> depth + 1;
            case NetSpecLexer.RBRACE, NetSpecLexer.RBRACKET, NetSpecLexer.RPAREN -> Math.max(0, depth - 1);
            default -> depth;
        };
    }
}
