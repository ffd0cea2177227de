package dev.netc.query;

import dev.netc.compile.Compiler;
import dev.netc.emit.OutputFile;
import dev.netc.emit.Provenance;
import dev.netc.evaluator.Manifests;
import dev.netc.evaluator.NetworkPolicyEvaluator;
import dev.netc.evaluator.Protocol;
import dev.netc.evaluator.Verdict;
import java.util.List;
import java.util.SortedSet;

/**
 * The NetworkPolicies a compilation emitted, read back from its YAML, and the synthetic
 * cluster they are evaluated on. Answers come from the evaluator reading that YAML, never from
 * the compiler's flows, so they are what the cluster will enforce.
 */
public final class EmittedPolicies {
    private static final String POLICY_FOLDER = "policies/";

    private final Manifests manifests;
    private final Endpoints endpoints;
    private final NetworkPolicyEvaluator evaluator;
    private final Provenance provenance;

    private EmittedPolicies(Manifests manifests, Endpoints endpoints, Provenance provenance) {
        this.manifests = manifests;
        this.endpoints = endpoints;
        this.evaluator = new NetworkPolicyEvaluator(endpoints.universe(), manifests.policies());
        this.provenance = provenance;
    }

    /** The policies of a compilation without errors. */
    public static EmittedPolicies of(Compiler.Result result) {
        return of(result, Endpoints.podNames(result.model()));
    }

    /**
     * The policies of a compilation without errors, with pods numbered within {@code allPodNames}
     * (see {@link Endpoints#of(dev.netc.model.Model, java.util.Collection, SortedSet)}).
     */
    public static EmittedPolicies of(Compiler.Result result, SortedSet<String> allPodNames) {
        if (result.hasErrors()) {
            throw new IllegalArgumentException("a compilation with errors has no policies to evaluate");
        }
        Manifests manifests = read(result.files());
        return new EmittedPolicies(manifests, Endpoints.of(result.model(), manifests.namespaces(), allPodNames),
                result.provenance());
    }

    /** The Namespaces and NetworkPolicies of the emitted policy files. */
    public static Manifests read(List<OutputFile> files) {
        StringBuilder yaml = new StringBuilder();
        files.stream().filter(f -> f.path().startsWith(POLICY_FOLDER)).forEach(f -> yaml.append("---\n").append(f.content()));
        return Manifests.parse(yaml.toString());
    }

    public Verdict evaluate(NamedEndpoint from, NamedEndpoint to, int port, Protocol protocol) {
        return evaluator.evaluate(from.endpoint(), to.endpoint(), port, protocol);
    }

    public Manifests manifests() {
        return manifests;
    }

    public Endpoints endpoints() {
        return endpoints;
    }

    public Provenance provenance() {
        return provenance;
    }
}
