package dev.netc.grammar;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
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
 * The lexer's or the parser's DFA as a string, so that a new process can start from the DFAs the
 * build left instead of empty ones.
 *
 * <p>ANTLR builds the DFA that matches tokens and the one that predicts which alternative to
 * take while it lexes and parses, and every new JVM starts with empty ones: simulating the
 * grammar's ATNs for the first time, in interpreted code, took about 20 ms of a 130 ms compile
 * of {@code examples/three-tier}. The build lexes and parses the examples and the standard
 * library and writes the DFAs they leave with {@link #write}; {@code netc} reads them back with
 * {@link #read} before it reads its first file. A DFA is ANTLR's cache of what its simulation
 * computes, so tokens, trees and errors are the same with it or without it; input the snapshot
 * does not cover extends it as usual.
 *
 * <p>The string holds every DFA state of every decision (a lexer has one per mode), in
 * state-number order: its ATN configurations (ATN state, alternative, prediction context,
 * semantic context; for a lexer also the actions to run and whether a non-greedy loop was
 * passed), the flags ANTLR keeps on the set and on the state, and its edges. Prediction
 * contexts, semantic contexts and lexer actions are written once each and referred to by
 * number. Numbers are written base 32 in printable ASCII (see {@link Ints}), so the string is a
 * plain Java constant.
 */
public final class DfaSnapshot {
    /** The target of an edge to ANTLR's ERROR state. */
    private static final int ERROR = Integer.MAX_VALUE;

    private DfaSnapshot() {
    }

    /** The DFAs of a lexer's modes or a parser's decisions, all states and edges; {@code atn} is the grammar's. */
    public static String write(DFA[] dfas, ATN atn) {
        Ints out = new Ints();
        Contexts contexts = new Contexts(atn);
        for (DFA dfa : dfas) {
            for (DFAState state : statesInOrder(dfa)) {
                contexts.collect(state);
            }
        }
        contexts.write(out);
        for (DFA dfa : dfas) {
            List<DFAState> states = statesInOrder(dfa);
            out.add(states.size());
            for (DFAState state : states) {
                writeState(state, contexts, out);
            }
            for (DFAState state : states) {
                writeEdges(state, out);
            }
            out.add(dfa.s0 == null ? -1 : dfa.s0.stateNumber);
        }
        return out.toString();
    }

    /** Puts the states {@link #write} wrote into {@code dfas}, which must still be empty. */
    public static void read(String snapshot, ATN atn, DFA[] dfas) {
        Ints.Reader in = new Ints.Reader(snapshot);
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
            throw new IllegalArgumentException("the snapshot has more decisions than the parser");
        }
    }

    private static List<DFAState> statesInOrder(DFA dfa) {
        List<DFAState> states = new ArrayList<>(dfa.states.values());
        states.sort(Comparator.comparingInt(state -> state.stateNumber));
        for (int i = 0; i < states.size(); i++) {
            if (states.get(i).stateNumber != i) {
                throw new IllegalStateException("decision " + dfa.decision + ": DFA states are not numbered 0 to n-1");
            }
        }
        return states;
    }

    private static void writeState(DFAState state, Contexts contexts, Ints out) {
        ATNConfigSet configs = state.configs;
        out.add(configs.fullCtx);
        out.add(configs.uniqueAlt);
        out.add(configs.hasSemanticContext);
        out.add(configs.dipsIntoOuterContext);
        BitSet conflictingAlts = ConflictingAlts.of(configs);
        out.add(conflictingAlts == null ? -1 : conflictingAlts.length());
        if (conflictingAlts != null) {
            for (int alt = conflictingAlts.nextSetBit(0); alt >= 0; alt = conflictingAlts.nextSetBit(alt + 1)) {
                out.add(alt);
            }
            out.add(-1);
        }
        out.add(configs.size());
        for (ATNConfig config : configs) {
            out.add(config.state.stateNumber);
            out.add(config.alt);
            out.add(contexts.predictionContextNumber(config.context));
            out.add(contexts.semanticContextNumber(config.semanticContext));
            out.add(config.reachesIntoOuterContext); // with the precedence-filter flag in its high bit
            if (contexts.lexer) {
                LexerATNConfig lexerConfig = (LexerATNConfig) config;
                out.add(contexts.executorNumber(lexerConfig.getLexerActionExecutor()));
                out.add(lexerConfig.hasPassedThroughNonGreedyDecision());
            }
        }
        out.add(state.isAcceptState);
        out.add(state.prediction);
        if (contexts.lexer) {
            out.add(contexts.executorNumber(state.lexerActionExecutor));
        }
        out.add(state.requiresFullContext);
        out.add(state.predicates == null ? -1 : state.predicates.length);
        if (state.predicates != null) {
            for (DFAState.PredPrediction predicate : state.predicates) {
                out.add(contexts.semanticContextNumber(predicate.pred));
                out.add(predicate.alt);
            }
        }
    }

    private static DFAState readState(Ints.Reader in, Tables tables) {
        boolean fullCtx = in.nextBoolean();
        int uniqueAlt = in.next();
        boolean hasSemanticContext = in.nextBoolean();
        boolean dipsIntoOuterContext = in.nextBoolean();
        BitSet conflictingAlts = null;
        if (in.next() >= 0) {
            conflictingAlts = new BitSet();
            for (int alt = in.next(); alt >= 0; alt = in.next()) {
                conflictingAlts.set(alt);
            }
        }
        ATNConfigSet configs = new ConflictingAlts(fullCtx, conflictingAlts);
        int count = in.next();
        for (int i = 0; i < count; i++) {
            configs.configs.add(readConfig(in, tables)); // the list itself: they are distinct, and add() would merge contexts
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

    private static ATNConfig readConfig(Ints.Reader in, Tables tables) {
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

    private static void writeEdges(DFAState state, Ints out) {
        out.add(state.edges == null ? -1 : state.edges.length);
        if (state.edges != null) {
            for (int symbol = 0; symbol < state.edges.length; symbol++) {
                if (state.edges[symbol] != null) {
                    out.add(symbol);
                    // ANTLR's shared ERROR state (no match on this symbol) is in no DFA's list
                    out.add(state.edges[symbol] == ATNSimulator.ERROR ? ERROR : state.edges[symbol].stateNumber);
                }
            }
            out.add(-1);
        }
    }

    private static void readEdges(Ints.Reader in, DFAState state, DFAState[] states) {
        int length = in.next();
        if (length >= 0) {
            state.edges = new DFAState[length];
            for (int symbol = in.next(); symbol >= 0; symbol = in.next()) {
                int target = in.next();
                state.edges[symbol] = target == ERROR ? ATNSimulator.ERROR : states[target];
            }
        }
    }

    private static PredictionContext[] readPredictionContexts(Ints.Reader in) {
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

    private static LexerActionExecutor[] readExecutors(Ints.Reader in, ATN atn) {
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
    private record Tables(ATN atn, PredictionContext[] predictionContexts, SemanticContext[] semanticContexts,
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

    private static SemanticContext[] readSemanticContexts(Ints.Reader in) {
        SemanticContext[] contexts = new SemanticContext[in.next()];
        for (int number = 0; number < contexts.length; number++) {
            boolean none = in.next() == 0;
            contexts[number] = none ? SemanticContext.Empty.Instance
                    : new SemanticContext.Predicate(in.next(), in.next(), in.nextBoolean());
        }
        return contexts;
    }

    /**
     * The prediction and semantic contexts the configurations refer to, numbered: prediction
     * contexts form a graph (a context points to its parents), written parents first.
     */
    private static final class Contexts {
        final boolean lexer;
        private final ATN atn;
        private final Map<PredictionContext, Integer> predictionNumbers = new IdentityHashMap<>();
        private final List<PredictionContext> predictionContexts = new ArrayList<>();
        private final Map<SemanticContext, Integer> semanticNumbers = new HashMap<>();
        private final List<SemanticContext> semanticContexts = new ArrayList<>();
        private final Map<LexerActionExecutor, Integer> executorNumbers = new HashMap<>();
        private final List<LexerActionExecutor> executors = new ArrayList<>();

        Contexts(ATN atn) {
            this.atn = atn;
            this.lexer = atn.grammarType == ATNType.LEXER;
        }

        void collect(DFAState state) {
            for (ATNConfig config : state.configs) {
                collect(config.context);
                collect(config.semanticContext);
                if (lexer) {
                    if (config.semanticContext != SemanticContext.Empty.Instance) {
                        throw new IllegalArgumentException("a lexer configuration with a predicate: netc's lexer has none");
                    }
                    collect(((LexerATNConfig) config).getLexerActionExecutor());
                }
            }
            collect(state.lexerActionExecutor);
            if (state.predicates != null) {
                for (DFAState.PredPrediction predicate : state.predicates) {
                    collect(predicate.pred);
                }
            }
        }

        private void collect(PredictionContext context) {
            if (context == null || predictionNumbers.containsKey(context)) {
                return;
            }
            for (int i = 0; i < context.size(); i++) {
                collect(context.getParent(i));
            }
            predictionNumbers.put(context, predictionContexts.size());
            predictionContexts.add(context);
        }

        private void collect(SemanticContext context) {
            if (!(context instanceof SemanticContext.Empty || context instanceof SemanticContext.Predicate)) {
                // the grammar's predicates are plain ones; combinations would need their operand order kept
                throw new IllegalArgumentException("a semantic context of a kind the snapshot does not hold: " + context);
            }
            if (!semanticNumbers.containsKey(context)) {
                semanticNumbers.put(context, semanticContexts.size());
                semanticContexts.add(context);
            }
        }

        private void collect(LexerActionExecutor executor) {
            if (executor != null && !executorNumbers.containsKey(executor)) {
                executorNumbers.put(executor, executors.size());
                executors.add(executor);
            }
        }

        int executorNumber(LexerActionExecutor executor) {
            return executor == null ? -1 : executorNumbers.get(executor);
        }

        int predictionContextNumber(PredictionContext context) {
            return predictionNumbers.get(context);
        }

        int semanticContextNumber(SemanticContext context) {
            return semanticNumbers.get(context);
        }

        void write(Ints out) {
            out.add(predictionContexts.size());
            for (PredictionContext context : predictionContexts) {
                int size = context.isEmpty() ? 0 : context.size();
                out.add(size);
                for (int i = 0; i < size; i++) {
                    PredictionContext parent = context.getParent(i);
                    out.add(parent == null ? -1 : predictionNumbers.get(parent));
                    out.add(context.getReturnState(i));
                }
            }
            writeSemanticContexts(out);
            out.add(executors.size());
            for (LexerActionExecutor executor : executors) {
                out.add(executor.getLexerActions().length);
                for (LexerAction action : executor.getLexerActions()) {
                    out.add(actionNumber(action));
                }
            }
        }

        /** Where the grammar's ATN lists the action: executors hold its own action objects (netc's lexer has no position-dependent ones). */
        private int actionNumber(LexerAction action) {
            for (int number = 0; number < atn.lexerActions.length; number++) {
                if (atn.lexerActions[number].equals(action)) {
                    return number;
                }
            }
            throw new IllegalArgumentException("a lexer action the grammar's ATN does not list: " + action);
        }

        private void writeSemanticContexts(Ints out) {
            out.add(semanticContexts.size());
            for (SemanticContext context : semanticContexts) {
                if (context instanceof SemanticContext.Predicate predicate) {
                    out.add(1);
                    out.add(predicate.ruleIndex);
                    out.add(predicate.predIndex);
                    out.add(predicate.isCtxDependent);
                } else {
                    out.add(0);
                }
            }
        }
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

        /** The field of any set, by reflection: only the build writes snapshots. */
        static BitSet of(ATNConfigSet configs) {
            try {
                Field field = ATNConfigSet.class.getDeclaredField("conflictingAlts");
                field.setAccessible(true);
                return (BitSet) field.get(configs);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this ANTLR runtime's ATNConfigSet has no field conflictingAlts", e);
            }
        }
    }

    /**
     * Numbers of at least -1 as printable ASCII: the number plus one in base 32, most significant
     * digit first, each digit a character from {@code '0'}, the last one from {@code 'P'}.
     */
    static final class Ints {
        private static final int DIGIT_BITS = 5;
        private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
        private static final char MORE = '0';
        private static final char LAST = 'P';

        private final StringBuilder text = new StringBuilder();

        void add(boolean value) {
            add(value ? 1 : 0);
        }

        void add(int value) {
            if (value < -1) {
                throw new IllegalArgumentException("cannot write " + value);
            }
            long rest = value + 1L;
            int shift = 0;
            while (rest >>> (shift + DIGIT_BITS) != 0) {
                shift += DIGIT_BITS;
            }
            for (; shift > 0; shift -= DIGIT_BITS) {
                text.append((char) (MORE + ((rest >>> shift) & DIGIT_MASK)));
            }
            text.append((char) (LAST + (rest & DIGIT_MASK)));
        }

        @Override
        public String toString() {
            return text.toString();
        }

        static final class Reader {
            private final String text;
            private int position;

            Reader(String text) {
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
}
