package dev.netc.emit;

import dev.netc.diagnostics.Diagnostic;
import dev.netc.model.Model;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every output file of a model: each registered {@link OutputKind} in turn, in a fixed order
 * (chart configs, the legacy ConfigMap on request, policies per namespace, then one cloud-config
 * per node, which places the manifests of the others on the servers).
 */
public final class Emitter {
    /** The kinds of output, in the order they are emitted. */
    public static final List<OutputKind> KINDS =
            List.of(new ChartConfigs(), new LegacyCanalConfigMap(), new NamespacePolicies(), new NodeConfigs());

    /**
     * Options that change what is emitted; {@link #DEFAULT}, or built with {@link #builder()}.
     *
     * @param legacyCanalConfigMap also write the seed-style {@code canal-config} ConfigMap
     * @param traceRules also record where each NetworkPolicy rule came from ({@link Provenance}),
     *     which {@code netc query} shows; writing the files does not need it
     * @param policiesByGitOps the policies reach the cluster through a GitOps engine (Fleet, Argo CD,
     *     Flux) instead of RKE2's manifests folder: the servers do not place them, and hand over
     *     the ones an earlier compile placed there
     */
    public record Options(boolean legacyCanalConfigMap, boolean traceRules, boolean policiesByGitOps) {
        public static final Options DEFAULT = builder().build();

        public static Builder builder() {
            return new Builder();
        }

        /**
         * The same emission as the servers would apply it, with the provenance of every rule: what
         * the spec's expectations are proved and explained on (the content of the policies is the
         * same; with GitOps they only carry annotations for the engine, and are not manifests).
         */
        public Options forExpectations() {
            return new Options(legacyCanalConfigMap, true, false);
        }

        /** Every option off unless set. */
        public static final class Builder {
            private boolean legacyCanalConfigMap;
            private boolean traceRules;
            private boolean policiesByGitOps;

            private Builder() {}

            public Builder legacyCanalConfigMap(boolean write) {
                this.legacyCanalConfigMap = write;
                return this;
            }

            public Builder traceRules(boolean trace) {
                this.traceRules = trace;
                return this;
            }

            public Builder policiesByGitOps(boolean gitOps) {
                this.policiesByGitOps = gitOps;
                return this;
            }

            public Options build() {
                return new Options(legacyCanalConfigMap, traceRules, policiesByGitOps);
            }
        }
    }

    /** The files, and where the rules of their NetworkPolicies came from. */
    public record Emitted(List<OutputFile> files, Provenance provenance) {
        public Emitted {
            files = List.copyOf(files);
        }
    }

    /**
     * From this many namespaces (or output files) on, the work on each is spread over every
     * processor: a thousand namespaces' YAML was about a fifth of a large spec's compile. Less is
     * done on the calling thread: a small spec gains nothing from it, and a batch already runs
     * its sites in parallel.
     */
    public static final int PARALLEL_FROM = 64;

    private Emitter() {}

    public static Emitted emit(Model model, Options options) {
        Emission emission = new Emission();
        KINDS.forEach(kind -> kind.emit(model, options, emission));
        return emission.result();
    }

    /**
     * The files of every kind but those that write only the nodes' own files: what the servers
     * apply, for the commands that evaluate it. For a thousand namespaces the nodes' cloud-configs
     * are four fifths of the output (every server's holds every manifest).
     */
    public static Emitted emitApplied(Model model, Options options) {
        Emission emission = new Emission();
        KINDS.stream().filter(kind -> !kind.nodesOnly()).forEach(kind -> kind.emit(model, options, emission));
        return emission.result();
    }

    /** What the kinds say about their own output. */
    public static List<Diagnostic> diagnostics(Model model, Options options) {
        return KINDS.stream()
                .flatMap(kind -> kind.diagnostics(model, options).stream())
                .toList();
    }

    /** The items, on every processor from {@link #PARALLEL_FROM} of them on, else on the calling thread. */
    public static <T> Stream<T> streamOf(List<T> items) {
        return items.size() < PARALLEL_FROM ? items.stream() : items.parallelStream();
    }
}
