package dev.netc.evaluator;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether connections are allowed by a set of NetworkPolicies in a {@link Universe},
 * with the semantics of the Kubernetes API as Calico enforces it (ipBlock also matches pod IPs).
 * Immutable and thread-safe.
 *
 * <p>Policies are indexed by namespace, because a policy only ever selects pods of its own
 * namespace: one evaluation reads only the policies of the source's and the destination's
 * namespaces.
 */
public final class NetworkPolicyEvaluator {

    private final Universe universe;
    private final Map<String, List<NetworkPolicy>> policiesByNamespace;

    /**
     * @throws IllegalArgumentException if two policies share a namespace and name
     */
    public NetworkPolicyEvaluator(Universe universe, Collection<NetworkPolicy> policies) {
        this.universe = Objects.requireNonNull(universe, "universe");
        Map<String, List<NetworkPolicy>> index = new HashMap<>();
        Set<PolicyRef> seen = new HashSet<>();
        for (NetworkPolicy policy : policies) {
            if (!seen.add(policy.ref())) {
                throw new IllegalArgumentException("policy " + policy.ref() + " given twice");
            }
            index.computeIfAbsent(policy.namespace(), namespace -> new ArrayList<>())
                    .add(policy);
        }
        index.replaceAll((namespace, list) -> List.copyOf(list));
        this.policiesByNamespace = Map.copyOf(index);
    }

    /**
     * Evaluates a new connection from {@code source} to {@code destination}. A pod source must
     * be allowed by its egress side and a pod destination by its ingress side; an external
     * endpoint's side has no policies, so only the other side decides.
     *
     * @param port     the destination port, 1 to 65535
     * @param protocol the protocol
     */
    public Verdict evaluate(Endpoint source, Endpoint destination, int port, Protocol protocol) {
        Objects.requireNonNull(protocol, "protocol");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        SideVerdict egress = side(Direction.EGRESS, source, destination, destination, port, protocol);
        SideVerdict ingress = side(Direction.INGRESS, destination, source, destination, port, protocol);
        return new Verdict(source, destination, port, protocol, egress, ingress);
    }

    private SideVerdict side(
            Direction direction, Endpoint subject, Endpoint other, Endpoint destination, int port, Protocol protocol) {
        List<PolicyRef> isolatedBy = new ArrayList<>();
        List<RuleRef> allowedBy = new ArrayList<>();
        if (subject instanceof Pod pod) {
            for (NetworkPolicy policy : policiesByNamespace.getOrDefault(pod.namespace(), List.of())) {
                if (!policy.isolates(pod, direction)) {
                    continue;
                }
                isolatedBy.add(policy.ref());
                List<Rule> rules = policy.rules(direction);
                for (int i = 0; i < rules.size(); i++) {
                    if (rules.get(i).admits(other, destination, port, protocol, policy.namespace(), universe)) {
                        allowedBy.add(new RuleRef(policy.ref(), direction, i));
                    }
                }
            }
        }
        return new SideVerdict(direction, subject, isolatedBy, allowedBy);
    }
}
