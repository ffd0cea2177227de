package dev.netc.parse;

import java.util.BitSet;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.ATNSimulator;
import org.antlr.v4.runtime.atn.ATNState;
import org.antlr.v4.runtime.atn.ATNType;
import org.antlr.v4.runtime.atn.ArrayPredictionContext;
import org.antlr.v4.runtime.atn.DecisionState;
import org.antlr.v4.runtime.atn.EmptyPredictionContext;
import org.antlr.v4.runtime.atn.LexerATNConfig;
import org.antlr.v4.runtime.atn.LexerAction;
import org.antlr.v4.runtime.atn.LexerActionExecutor;
import org.antlr.v4.runtime.atn.PredictionContext;
import org.antlr.v4.runtime.atn.SemanticContext;
import org.antlr.v4.runtime.atn.SingletonPredictionContext;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * Reads the lexer's or the parser's DFA from a string, so that a new process starts from the DFAs
 * the build left instead of empty ones.
 *
 * <p>ANTLR builds the DFA that matches tokens and the one that predicts which alternative to
 * take while it lexes and parses, and every new JVM starts with empty ones: simulating the
 * grammar's ATNs for the first time, in interpreted code, took about 20 ms of a 130 ms compile
 * of {@code examples/three-tier}. The build lexes and parses the examples and the standard
 * library and writes the DFAs they leave ({@code DfaSnapshotWriter} in the codegen module, into
 * {@link DfaSnapshots}); {@link SpecParser} reads them back with {@link #read} before it reads
 * its first file. A DFA is ANTLR's cache of what its simulation computes, so tokens, trees and
 * errors are the same with it or without it; input the snapshot does not cover extends it as
 * usual. (Writer and reader are two classes, as ANTLR's ATN serializer is in its tool and its
 * deserializer in its runtime: the build writes, netc reads.)
 *
 * <p>The string holds every DFA state of every decision (a lexer has one per mode), in
 * state-number order: its ATN configurations (ATN state, alternative, prediction context,
 * semantic context; for a lexer also the actions to run and whether a non-greedy loop was
 * passed), the flags ANTLR keeps on the set and on the state, and its edges. Prediction
 * contexts, semantic contexts and lexer actions are written once each and referred to by
 * number. Numbers are written base 32 in printable ASCII (see {@link Ints}), so the string is a
 * plain Java constant.
 */
final class DfaSnapshotReader {
    /** The target of an edge to ANTLR's ERROR state. */
    private static final int ERROR = Integer.MAX_VALUE;

    private DfaSnapshotReader() {}

    /** Puts the states of a snapshot into {@code dfas}, which must still be empty; {@code atn} is the grammar's. */
    static void read(String snapshot, ATN atn, DFA[] dfas) {
        Ints in = new Ints(snapshot);
        Tables tables = new Tables(atn, readPredictionContexts(in), readSemanticContexts(in), readExecutors(in, atn));
        for (DFA dfa : dfas) {
            if (!dfa.states.isEmpty() || dfa.s0 != null) {
                throw new IllegalStateException("decision " + dfa.decision + " already has DFA states");
            }
            DFAState[] states = new DFAState[in.next()];
            for (int number = 0; number < states.length; number++) {
                states[number] = readState(in, tables);
                states[number].stateNumber = number;
                dfa.states.put(states[number], states[number]);
            }
            for (DFAState state : states) {
                readEdges(in, state, states);
            }
            int start = in.next();
            dfa.s0 = start < 0 ? null : states[start];
        }
        if (in.hasNext()) {
            throw new IllegalArgumentException("the snapshot has more DFAs than the grammar has decisions");
        }
    }

    private static DFAState readState(Ints in, Tables tables) {
        boolean fullCtx = in.nextBoolean();
        int uniqueAlt = in.next();
        boolean hasSemanticContext = in.nextBoolean();
        boolean dipsIntoOuterContext = in.nextBoolean();
        BitSet conflictingAlts = null;
        if (in.nextBoolean()) {
            conflictingAlts = new BitSet();
            for (int alt = in.next(); alt >= 0; alt = in.next()) {
                conflictingAlts.set(alt);
            }
        }
        ATNConfigSet configs = new ConflictingAlts(fullCtx, conflictingAlts);
        int count = in.next();
        for (int i = 0; i < count; i++) {
            configs.configs.add(
                    readConfig(in, tables)); // the list itself: they are distinct, and add() would merge contexts
        }
        configs.uniqueAlt = uniqueAlt;
        configs.hasSemanticContext = hasSemanticContext;
        configs.dipsIntoOuterContext = dipsIntoOuterContext;
        configs.setReadonly(true); // as ANTLR leaves the set of every state it adds to a DFA
        DFAState state = new DFAState(configs);
        state.isAcceptState = in.nextBoolean();
        state.prediction = in.next();
        if (tables.lexer()) {
            state.lexerActionExecutor = tables.executor(in.next());
        }
        state.requiresFullContext = in.nextBoolean();
        int predicates = in.next();
        if (predicates >= 0) {
            state.predicates = new DFAState.PredPrediction[predicates];
            for (int i = 0; i < predicates; i++) {
                state.predicates[i] = new DFAState.PredPrediction(tables.semanticContexts()[in.next()], in.next());
            }
        }
        return state;
    }

    private static ATNConfig readConfig(Ints in, Tables tables) {
        ATNState atnState = tables.atn().states.get(in.next());
        int alt = in.next();
        PredictionContext context = tables.predictionContexts()[in.next()];
        SemanticContext semanticContext = tables.semanticContexts()[in.next()];
        int reachesIntoOuterContext = in.next();
        ATNConfig config;
        if (tables.lexer()) {
            LexerActionExecutor executor = tables.executor(in.next());
            config = new LexerATNConfig(atnState, alt, context, executor);
            if (in.nextBoolean()) {
                // ANTLR sets this flag only as a configuration moves through a non-greedy
                // decision: move through one, then back to the state
                DecisionState nonGreedy = tables.nonGreedyDecision();
                config = new LexerATNConfig(new LexerATNConfig((LexerATNConfig) config, nonGreedy), atnState);
            }
        } else {
            config = new ATNConfig(atnState, alt, context, semanticContext);
        }
        config.reachesIntoOuterContext = reachesIntoOuterContext;
        return config;
    }

    private static void readEdges(Ints in, DFAState state, DFAState[] states) {
        int length = in.next();
        if (length >= 0) {
            state.edges = new DFAState[length];
            for (int symbol = in.next(); symbol >= 0; symbol = in.next()) {
                int target = in.next();
                state.edges[symbol] = target == ERROR ? ATNSimulator.ERROR : states[target];
            }
        }
    }

    private static PredictionContext[] readPredictionContexts(Ints in) {
        PredictionContext[] contexts = new PredictionContext[in.next()];
        for (int number = 0; number < contexts.length; number++) {
            int size = in.next();
            if (size == 0) {
                contexts[number] = EmptyPredictionContext.Instance;
            } else if (size == 1) {
                contexts[number] = SingletonPredictionContext.create(parent(contexts, in.next()), in.next());
            } else {
                PredictionContext[] parents = new PredictionContext[size];
                int[] returnStates = new int[size];
                for (int i = 0; i < size; i++) {
                    parents[i] = parent(contexts, in.next());
                    returnStates[i] = in.next();
                }
                contexts[number] = new ArrayPredictionContext(parents, returnStates);
            }
        }
        return contexts;
    }

    private static PredictionContext parent(PredictionContext[] contexts, int number) {
        return number < 0 ? null : contexts[number];
    }

    private static LexerActionExecutor[] readExecutors(Ints in, ATN atn) {
        LexerActionExecutor[] executors = new LexerActionExecutor[in.next()];
        for (int number = 0; number < executors.length; number++) {
            LexerAction[] actions = new LexerAction[in.next()];
            for (int i = 0; i < actions.length; i++) {
                actions[i] = atn.lexerActions[in.next()];
            }
            executors[number] = new LexerActionExecutor(actions);
        }
        return executors;
    }

    /** What the states of one snapshot refer to by number. */
    private record Tables(
            ATN atn,
            PredictionContext[] predictionContexts,
            SemanticContext[] semanticContexts,
            LexerActionExecutor[] executors) {
        boolean lexer() {
            return atn.grammarType == ATNType.LEXER;
        }

        LexerActionExecutor executor(int number) {
            return number < 0 ? null : executors[number];
        }

        DecisionState nonGreedyDecision() {
            for (ATNState state : atn.states) {
                if (state instanceof DecisionState decision && decision.nonGreedy) {
                    return decision;
                }
            }
            throw new IllegalArgumentException("a configuration passed a non-greedy loop, but the grammar has none");
        }
    }

    private static SemanticContext[] readSemanticContexts(Ints in) {
        SemanticContext[] contexts = new SemanticContext[in.next()];
        for (int number = 0; number < contexts.length; number++) {
            boolean none = in.next() == 0;
            contexts[number] = none
                    ? SemanticContext.Empty.Instance
                    : new SemanticContext.Predicate(in.next(), in.next(), in.nextBoolean());
        }
        return contexts;
    }

    /**
     * A configuration set with the alternatives whose conflict made its state need full context,
     * which ANTLR keeps in a field only its own package and subclasses may set.
     */
    private static final class ConflictingAlts extends ATNConfigSet {
        ConflictingAlts(boolean fullCtx, BitSet conflictingAlts) {
            super(fullCtx);
            this.conflictingAlts = conflictingAlts;
        }
    }

    /**
     * Numbers of at least -1 as printable ASCII: the number plus one in base 32, most significant
     * digit first, each digit a character from {@code '0'}, the last one from {@code 'P'}.
     */
    private static final class Ints {
        private static final int DIGIT_BITS = 5;
        private static final char MORE = '0';
        private static final char LAST = 'P';

        private final String text;
        private int position;

        Ints(String text) {
            this.text = text;
        }

        boolean hasNext() {
            return position < text.length();
        }

        int next() {
            long value = 0;
            while (true) {
                char c = text.charAt(position++);
                if (c >= LAST) {
                    return (int) (((value << DIGIT_BITS) | (c - LAST)) - 1);
                }
                value = (value << DIGIT_BITS) | (c - MORE);
            }
        }

        boolean nextBoolean() {
            return next() == 1;
        }
    }
}
