package dev.netc.query;

import dev.netc.compile.Compiler;
import dev.netc.emit.OutputFile;
import dev.netc.emit.Provenance;
import dev.netc.evaluator.KubeYaml;
import dev.netc.evaluator.Manifests;
import dev.netc.evaluator.NetworkPolicyEvaluator;
import dev.netc.evaluator.Protocol;
import dev.netc.evaluator.Verdict;
import dev.netc.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * The NetworkPolicies a compilation emitted, read back from its YAML, and the synthetic
 * cluster they are evaluated on. Answers come from the evaluator reading that YAML, never from
 * the compiler's flows, so they are what the cluster will enforce.
 */
public final class EmittedPolicies {
    /** What the evaluator reads of the objects the servers apply: it decides who may talk to whom. */
    private static final Set<String> EVALUATED = Set.of("v1 Namespace", "networking.k8s.io/v1 NetworkPolicy");
    /** Objects the servers apply that do not decide which pod may reach which. */
    private static final Set<String> NOT_POLICY = Set.of("helm.cattle.io/v1 HelmChartConfig");

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
        return of(result.files(), result.model(), result.provenance(), allPodNames);
    }

    /**
     * The policies among freshly emitted files, before a {@link Compiler.Result} holds them: what
     * the expectations of the spec are proved on during the compilation.
     */
    public static EmittedPolicies of(List<OutputFile> files, Model model, Provenance provenance) {
        return of(files, model, provenance, Endpoints.podNames(model));
    }

    private static EmittedPolicies of(
            List<OutputFile> files, Model model, Provenance provenance, SortedSet<String> allPodNames) {
        Manifests manifests = read(files);
        return new EmittedPolicies(manifests, Endpoints.of(model, manifests.namespaces(), allPodNames), provenance);
    }

    /**
     * Other policies than a compilation emitted, evaluated on the synthetic cluster of its model:
     * for tests that hold the commands' reasoning to rules netc does not write (named ports,
     * rules without peers or ports).
     */
    static EmittedPolicies of(Manifests manifests, dev.netc.model.Model model) {
        return new EmittedPolicies(manifests, Endpoints.of(model, manifests.namespaces()), Provenance.EMPTY);
    }

    /**
     * The Namespaces and NetworkPolicies among the emitted files that RKE2 applies to the cluster
     * (those the servers place in its manifests folder), whatever output kind wrote them. An object
     * there of a kind the evaluator does not know is refused: answering without it could call
     * allowed what it denies, or the other way round.
     */
    public static Manifests read(List<OutputFile> files) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (OutputFile file : files) {
            if (file.serverManifest().isEmpty()) {
                continue;
            }
            for (Map<String, Object> document : KubeYaml.loadAll(file.content())) {
                String kind = document.get("apiVersion") + " " + document.get("kind");
                if (!EVALUATED.contains(kind) && !NOT_POLICY.contains(kind)) {
                    throw new IllegalStateException("cannot evaluate " + kind + " in " + file.path()
                            + ": query, diff and graph would answer without it");
                }
                documents.add(document);
            }
        }
        return Manifests.of(documents);
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
