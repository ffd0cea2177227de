package dev.netc.model;

import dev.netc.source.Span;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Kubernetes namespace and its tiers.
 *
 * @param managed true when netc creates the namespace (not a built-in such as kube-system, not
 *     owned by others): only then is a Namespace object emitted
 * @param dns false when the spec says {@code dns off}: no DNS egress is added (but for tiers
 *     that say {@code dns on})
 * @param ownedByOthers true for {@code owned-by others} (and the standard library's namespaces):
 *     netc writes nothing into it, neither the Namespace nor policies
 * @param isolation the {@code isolate} statement, when there is one: what the default-deny
 *     policies trace back to
 * @param dnsOff the {@code dns off} statement, when there is one
 */
public record Namespace(
        String name,
        Map<String, String> labels,
        boolean isolateIngress,
        boolean isolateEgress,
        boolean dns,
        boolean managed,
        boolean ownedByOthers,
        List<Tier> tiers,
        Optional<Span> isolation,
        Optional<Span> dnsOff) {

    /** The label every namespace carries since Kubernetes 1.22, with its name (KEP-2161). */
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    /**
     * The label wrangler, behind RKE2's deploy controller, reads before it deletes an object it
     * applied: netc sets it to {@code "false"} on every Namespace it writes.
     */
    public static final String NEVER_PRUNE_LABEL = "objectset.rio.cattle.io/prune";

    /** Namespaces Kubernetes creates itself: netc never writes a Namespace object for them. */
    public static final java.util.Set<String> KUBERNETES_OWN =
            java.util.Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    public Namespace {
        labels = java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(labels)); // order reaches the output
        tiers = List.copyOf(tiers);
    }

    /**
     * The labels the namespace has on the cluster, as namespace selectors see them: those the
     * spec gives it, its name label, and the label netc sets on a Namespace it writes.
     */
    public Map<String, String> labelsOnCluster() {
        Map<String, String> all = new java.util.LinkedHashMap<>(labels);
        if (managed) {
            all.put(NEVER_PRUNE_LABEL, "false");
        }
        all.put(NAME_LABEL, name);
        return all;
    }

    /**
     * Whether the pods of one of this namespace's tiers are isolated for ingress: by the
     * namespace's isolation or by the tier's own. (Policies, checks and hovers must agree on it.)
     */
    public boolean isolatesIngressOf(Tier tier) {
        return isolateIngress || tier.isolateIngress();
    }

    /** Whether a tier's pods get DNS where their egress is isolated: the tier's own {@code dns}, else the namespace's. */
    public boolean dnsOf(Tier tier) {
        return tier.dns().orElse(dns);
    }

    /** Whether the pods of one of this namespace's tiers are isolated for egress, as {@link #isolatesIngressOf}. */
    public boolean isolatesEgressOf(Tier tier) {
        return isolateEgress || tier.isolateEgress();
    }
}
