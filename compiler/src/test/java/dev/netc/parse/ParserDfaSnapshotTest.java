package dev.netc.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.codegen.ParserDfaGenerator;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.grammar.DfaSnapshot;
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
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ParserATNSimulator;
import org.antlr.v4.runtime.atn.PredictionContextCache;
import org.antlr.v4.runtime.atn.PredictionMode;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;
import org.antlr.v4.runtime.misc.ParseCancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * netc's parsers start from the prediction DFA the build wrote ({@link ParserDfaSnapshot}, read
 * by {@link SpecParser}) instead of an empty one. That snapshot must be exactly the DFA that
 * parsing the examples and the standard library builds, read back state for state, and
 * parsing with it must give the same trees and errors as parsing without it.
 */
class ParserDfaSnapshotTest {
    private static final ATN ATN = NetSpecParser._ATN;

    @Test
    void theSnapshotIsTheDfaThatParsingTheExamplesAndTheStandardLibraryBuilds() throws IOException {
        assertThat(DfaSnapshot.write(trained())).isEqualTo(ParserDfaSnapshot.data());
    }

    @Test
    void readingTheSnapshotGivesBackEveryStateEdgeAndStartState() throws IOException {
        DFA[] trained = trained();
        DFA[] read = emptyDfa();
        DfaSnapshot.read(ParserDfaSnapshot.data(), ATN, read);

        int states = 0;
        for (int decision = 0; decision < trained.length; decision++) {
            List<DFAState> expected = trained[decision].getStates();
            List<DFAState> actual = read[decision].getStates();
            assertThat(actual).hasSameSizeAs(expected);
            for (int i = 0; i < expected.size(); i++) {
                assertSameState(decision, expected.get(i), actual.get(i));
            }
            assertThat(number(read[decision].s0)).isEqualTo(number(trained[decision].s0));
            states += expected.size();
        }
        assertThat(states).as("DFA states in the snapshot").isGreaterThan(100);
    }

    @Test
    void aSnapshotIsReadOnlyIntoAnEmptyDfa() throws IOException {
        DFA[] trained = trained();

        assertThatThrownBy(() -> DfaSnapshot.read(ParserDfaSnapshot.data(), ATN, trained))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already has DFA states");
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
    void parsingWithTheSnapshotGivesTheTreeAndErrorsParsingWithoutItGives(Path spec) throws IOException {
        String text = new String(Files.readAllBytes(spec), StandardCharsets.UTF_8);
        SpecParser.parse(new SourceFile(spec.toString(), text, spec), new DiagnosticSink()); // the first parse reads the snapshot

        assertThat(parse(text, NetSpecParser.sharedDfa())).isEqualTo(parse(text, emptyDfa()));
    }

    /** Tree and syntax errors as netc's parse finds them: SLL first, then LL with error recovery. */
    private static List<String> parse(String text, DFA[] dfa) {
        NetSpecLexer lexer = new NetSpecLexer(CharStreams.fromString(text));
        lexer.removeErrorListeners();
        CommonTokenStream tokens = new CommonTokenStream(lexer);
        NetSpecParser parser = new NetSpecParser(tokens);
        parser.setInterpreter(new ParserATNSimulator(parser, ATN, dfa, new PredictionContextCache()));
        parser.removeErrorListeners();
        parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
        parser.setErrorHandler(new BailErrorStrategy());
        List<String> result = new ArrayList<>();
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
                public void syntaxError(Recognizer<?, ?> recognizer, Object symbol, int line, int column, String message,
                        RecognitionException cause) {
                    result.add(line + ":" + column + " " + message);
                }
            });
            result.add(parser.specFile().toStringTree(parser));
        }
        return result;
    }

    private static DFA[] trained() throws IOException {
        List<Path> corpus = new ArrayList<>(ParserDfaGenerator.specsIn(Path.of("..", "examples")));
        corpus.addAll(ParserDfaGenerator.specsIn(Path.of("..", "stdlib")));
        return ParserDfaGenerator.dfaAfterParsing(corpus);
    }

    private static DFA[] emptyDfa() {
        DFA[] dfa = new DFA[ATN.getNumberOfDecisions()];
        for (int decision = 0; decision < dfa.length; decision++) {
            dfa[decision] = new DFA(ATN.getDecisionState(decision), decision);
        }
        return dfa;
    }

    private static void assertSameState(int decision, DFAState expected, DFAState actual) {
        String where = "decision " + decision + ", state " + expected.stateNumber;
        assertThat(actual.stateNumber).as(where).isEqualTo(expected.stateNumber);
        // ANTLR's own equality: the configurations (ATN state, alternative, contexts) and the set's flags
        assertThat(actual.configs.elements()).as(where).isEqualTo(expected.configs.elements());
        assertThat(actual.configs.elements()).as(where).extracting(config -> config.reachesIntoOuterContext)
                .isEqualTo(expected.configs.elements().stream().map(config -> config.reachesIntoOuterContext).toList());
        assertThat(actual.configs.fullCtx).as(where).isEqualTo(expected.configs.fullCtx);
        assertThat(actual.configs.uniqueAlt).as(where).isEqualTo(expected.configs.uniqueAlt);
        assertThat(actual.configs.hasSemanticContext).as(where).isEqualTo(expected.configs.hasSemanticContext);
        assertThat(actual.configs.dipsIntoOuterContext).as(where).isEqualTo(expected.configs.dipsIntoOuterContext);
        assertThat(actual.configs.isReadonly()).as(where).isTrue();
        assertThat(actual.configs.toString()).as(where + ", with the conflicting alternatives").isEqualTo(expected.configs.toString());
        assertThat(actual.isAcceptState).as(where).isEqualTo(expected.isAcceptState);
        assertThat(actual.prediction).as(where).isEqualTo(expected.prediction);
        assertThat(actual.requiresFullContext).as(where).isEqualTo(expected.requiresFullContext);
        assertThat(Arrays.toString(actual.predicates)).as(where).isEqualTo(Arrays.toString(expected.predicates));
        assertThat(targets(actual)).as(where).isEqualTo(targets(expected));
    }

    /** Each edge as "symbol -> state number". */
    private static List<String> targets(DFAState state) {
        List<String> targets = new ArrayList<>();
        if (state.edges != null) {
            targets.add("edges " + state.edges.length);
            for (int symbol = 0; symbol < state.edges.length; symbol++) {
                if (state.edges[symbol] != null) {
                    targets.add(symbol + " -> " + state.edges[symbol].stateNumber);
                }
            }
        }
        return targets;
    }

    private static int number(DFAState state) {
        return state == null ? -1 : state.stateNumber;
    }
}
