package dev.netc.codegen;

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
import org.antlr.v4.runtime.atn.ATNType;
import org.antlr.v4.runtime.atn.LexerATNConfig;
import org.antlr.v4.runtime.atn.LexerAction;
import org.antlr.v4.runtime.atn.LexerActionExecutor;
import org.antlr.v4.runtime.atn.PredictionContext;
import org.antlr.v4.runtime.atn.SemanticContext;
import org.antlr.v4.runtime.dfa.DFA;
import org.antlr.v4.runtime.dfa.DFAState;

/**
 * Writes a lexer's or a parser's DFA as a string, in the format {@code dev.netc.parse.DfaSnapshotReader}
 * reads (described there): the build's half of the snapshot, as ANTLR's ATN serializer is the
 * tool's half of its serialized ATN. {@code DfaSnapshotsTest} in the compiler module reads what
 * this writes and compares it with the DFA it came from, state for state.
 */
public final class DfaSnapshotWriter {
    /** The target of an edge to ANTLR's ERROR state. */
    private static final int ERROR = Integer.MAX_VALUE;

    private DfaSnapshotWriter() {}

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
        BitSet conflictingAlts = conflictingAlts(configs);
        out.add(conflictingAlts != null);
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

    /** ANTLR keeps the alternatives whose conflict made a state need full context in a protected field. */
    private static BitSet conflictingAlts(ATNConfigSet configs) {
        try {
            Field field = ATNConfigSet.class.getDeclaredField("conflictingAlts");
            field.setAccessible(true);
            return (BitSet) field.get(configs);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this ANTLR runtime's ATNConfigSet has no field conflictingAlts", e);
        }
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
                        throw new IllegalArgumentException(
                                "a lexer configuration with a predicate: netc's lexer has none");
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
                throw new IllegalArgumentException(
                        "a semantic context of a kind the snapshot does not hold: " + context);
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

    /** Numbers as the reader expects them (see its {@code Ints}): base 32 in printable ASCII. */
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
    }
}
