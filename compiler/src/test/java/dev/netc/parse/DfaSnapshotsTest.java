package dev.netc.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.codegen.DfaSnapshotGenerator;
import dev.netc.codegen.DfaSnapshotWriter;
import dev.netc.codegen.StdlibGenerator;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.grammar.NetSpecParser;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.antlr.v4.runtime.BailErrorStrategy;
import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.LexerATNConfig;
import org.antlr.v4.runtime.atn.LexerATNSimulator;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * netc's lexers and parsers start from the DFAs the build wrote ({@link DfaSnapshots}, read by
 * {@link SpecParser}) instead of empty ones. Each snapshot must be exactly the DFA that reading
 * the examples and the standard library builds, read back state for state, and lexing and
 * parsing with them must give the same tokens, trees and errors as without them.
 */
class DfaSnapshotsTest {
    private static final ATN LEXER = NetSpecLexer._ATN;
    private static final ATN PARSER = NetSpecParser._ATN;

    @Test
    void theSnapshotsAreTheDfasThatReadingTheExamplesAndTheStandardLibraryBuilds() throws IOException {
        DfaSnapshotGenerator.Trained trained = trained();

        assertThat(DfaSnapshotWriter.write(trained.lexer(), LEXER)).isEqualTo(DfaSnapshots.lexer());
        assertThat(DfaSnapshotWriter.write(trained.parser(), PARSER)).isEqualTo(DfaSnapshots.parser());
    }

    @Test
    void readingTheLexerSnapshotGivesBackEveryStateEdgeAndStartState() throws IOException {
        assertReadBack(DfaSnapshots.lexer(), LEXER, trained().lexer());
    }

    @Test
    void readingTheParserSnapshotGivesBackEveryStateEdgeAndStartState() throws IOException {
        assertReadBack(DfaSnapshots.parser(), PARSER, trained().parser());
    }

    @Test
    void aLexerPastANonGreedyLoopReadsBackAsWritten(@TempDir Path dir) throws IOException {
        // a block comment takes the lexer through a non-greedy loop, which no example does
        Files.writeString(
                dir.resolve("comment.netspec"), "/* a block\n comment */ namespace shop { isolate ingress }\n");
        DFA[] lexer = DfaSnapshotGenerator.train(StdlibGenerator.specsIn(dir)).lexer();
        assertThat(lexer[0].getStates())
                .as("lexer states past a non-greedy loop")
                .anySatisfy(state -> assertThat(state.configs.elements())
                        .anySatisfy(config -> assertThat(((LexerATNConfig) config).hasPassedThroughNonGreedyDecision())
                                .isTrue()));

        assertReadBack(DfaSnapshotWriter.write(lexer, LEXER), LEXER, lexer);
    }

    @Test
    void aSnapshotIsReadOnlyIntoAnEmptyDfa() throws IOException {
        DFA[] trained = trained().parser();

        assertThatThrownBy(() -> DfaSnapshotReader.read(DfaSnapshots.parser(), PARSER, trained))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already has DFA states");
    }

    static Stream<Path> corpus() throws IOException {
        List<Path> fuzzInputs;
        try (Stream<Path> files = Files.walk(Path.of("src", "test", "resources", "dev", "netc", "fuzz"))) {
            fuzzInputs = files.filter(Files::isRegularFile).sorted().toList();
        }
        return Stream.concat(StreamingParseTest.specs(), fuzzInputs.stream());
    }

    @ParameterizedTest
    @MethodSource("corpus")
    void withTheSnapshotsTokensTreesAndErrorsAreWhatTheyAreWithout(Path spec) throws IOException {
        String text = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        SpecParser.parse(
                new SourceFile(spec.toString(), text, spec),
                new DiagnosticSink()); // the first parse reads the snapshots

        assertThat(read(text, NetSpecLexer.sharedDfa(), NetSpecParser.sharedDfa()))
                .isEqualTo(read(text, DfaSnapshotGenerator.emptyDfa(LEXER), DfaSnapshotGenerator.emptyDfa(PARSER)));
    }

    /** Tokens, then tree and syntax errors as netc's parse finds them: SLL first, then LL with error recovery. */
    private static List<String> read(String text, DFA[] lexerDfa, DFA[] parserDfa) {
        NetSpecLexer lexer = new NetSpecLexer(CharStreams.fromString(text));
        lexer.setInterpreter(new LexerATNSimulator(lexer, LEXER, lexerDfa, new PredictionContextCache()));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        tokens.fill();
        List<String> result = new ArrayList<>();
        for (Token token : tokens.getTokens()) {
            result.add(token.toString());
        }
        NetSpecParser parser = new NetSpecParser(tokens);
        parser.setInterpreter(new ParserATNSimulator(parser, PARSER, parserDfa, new PredictionContextCache()));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        try {
            result.add(parser.specFile().toStringTree(parser));
        } catch (ParseCancellationException e) {
            result.add("SLL failed");
            tokens.seek(0);
            parser.reset();
            parser.getInterpreter().setPredictionMode(PredictionMode.LL);
            parser.setErrorHandler(new DefaultErrorStrategy());
            parser.addErrorListener(new BaseErrorListener() {
                @Override
                public void syntaxError(
                        Recognizer<?, ?> recognizer,
                        Object symbol,
                        int line,
                        int column,
                        String message,
                        RecognitionException cause) {
                    result.add(line + ":" + column + " " + message);
                }
            });
            result.add(parser.specFile().toStringTree(parser));
        }
        return result;
    }

    private static DfaSnapshotGenerator.Trained trained() throws IOException {
        List<Path> corpus = new ArrayList<>(StdlibGenerator.specsIn(Path.of("..", "examples")));
        corpus.addAll(StdlibGenerator.specsIn(Path.of("..", "stdlib")));
        return DfaSnapshotGenerator.train(corpus);
    }

    private static void assertReadBack(String snapshot, ATN atn, DFA[] trained) {
        DFA[] read = DfaSnapshotGenerator.emptyDfa(atn);
        DfaSnapshotReader.read(snapshot, atn, read);

        int states = 0;
        for (int decision = 0; decision < trained.length; decision++) {
            List<DFAState> expected = trained[decision].getStates();
            List<DFAState> actual = read[decision].getStates();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertSameState("decision " + decision + ", state " + i, expected.get(i), actual.get(i));
            }
            assertThat(number(read[decision].s0)).isEqualTo(number(trained[decision].s0));
            states += expected.size();
        }
        assertThat(states).as("DFA states in the snapshot").isGreaterThan(10);
    }

    private static void assertSameState(String where, DFAState expected, DFAState actual) {
        assertThat(actual.stateNumber).as(where).isEqualTo(expected.stateNumber);
        // ANTLR's own equality: ATN state, alternative, contexts (and a lexer's actions and non-greedy flag)
        assertThat(actual.configs.elements()).as(where).isEqualTo(expected.configs.elements());
        assertThat(details(actual.configs.elements())).as(where).isEqualTo(details(expected.configs.elements()));
        assertThat(actual.configs.fullCtx).as(where).isEqualTo(expected.configs.fullCtx);
        assertThat(actual.configs.uniqueAlt).as(where).isEqualTo(expected.configs.uniqueAlt);
        assertThat(actual.configs.hasSemanticContext).as(where).isEqualTo(expected.configs.hasSemanticContext);
        assertThat(actual.configs.dipsIntoOuterContext).as(where).isEqualTo(expected.configs.dipsIntoOuterContext);
        assertThat(actual.configs.isReadonly()).as(where).isTrue();
        assertThat(actual.configs.toString())
                .as(where + ", with the conflicting alternatives")
                .isEqualTo(expected.configs.toString());
        assertThat(actual.isAcceptState).as(where).isEqualTo(expected.isAcceptState);
        assertThat(actual.prediction).as(where).isEqualTo(expected.prediction);
        assertThat(actual.lexerActionExecutor).as(where).isEqualTo(expected.lexerActionExecutor);
        assertThat(actual.requiresFullContext).as(where).isEqualTo(expected.requiresFullContext);
        assertThat(Arrays.toString(actual.predicates)).as(where).isEqualTo(Arrays.toString(expected.predicates));
        assertThat(edges(actual)).as(where).isEqualTo(edges(expected));
    }

    /** What equality leaves out: how far each configuration reached into the outer context, and a lexer's flag. */
    private static List<String> details(List<ATNConfig> configs) {
        List<String> details = new ArrayList<>();
        for (ATNConfig config : configs) {
            boolean nonGreedy = config instanceof LexerATNConfig lexer && lexer.hasPassedThroughNonGreedyDecision();
            details.add(config.reachesIntoOuterContext + (nonGreedy ? " non-greedy" : ""));
        }
        return details;
    }

    /** Each edge as "symbol -> state number". */
    private static List<String> edges(DFAState state) {
        List<String> edges = new ArrayList<>();
        if (state.edges != null) {
            edges.add("edges " + state.edges.length);
            for (int symbol = 0; symbol < state.edges.length; symbol++) {
                if (state.edges[symbol] != null) {
                    edges.add(symbol + " -> " + state.edges[symbol].stateNumber);
                }
            }
        }
        return edges;
    }

    private static int number(DFAState state) {
        return state == null ? -1 : state.stateNumber;
    }
}
