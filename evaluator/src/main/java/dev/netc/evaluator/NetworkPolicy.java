package dev.netc.evaluator;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A NetworkPolicy after API defaulting: {@code policyTypes} is never empty and every port has a
 * protocol.
 *
 * @param namespace   the namespace whose pods it can select
 * @param name        its name
 * @param podSelector which pods of its namespace it applies to
 * @param policyTypes the directions in which the selected pods become isolated
 * @param ingress     ingress rules (meaningful only with {@link Direction#INGRESS} in policyTypes)
 * @param egress      egress rules (meaningful only with {@link Direction#EGRESS} in policyTypes)
 */
public record NetworkPolicy(
        String namespace,
        String name,
        LabelSelector podSelector,
        Set<Direction> policyTypes,
        List<Rule> ingress,
        List<Rule> egress) {

    public NetworkPolicy {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(podSelector, "podSelector");
        if (policyTypes.isEmpty()) {
            throw new IllegalArgumentException("policyTypes must be defaulted before building a NetworkPolicy");
        }
        policyTypes = Collections.unmodifiableSet(EnumSet.copyOf((Collection<Direction>) policyTypes));
        ingress = List.copyOf(ingress);
        egress = List.copyOf(egress);
    }

    /** This policy's name for explanations. */
    public PolicyRef ref() {
        return new PolicyRef(namespace, name);
    }

    /** The rules for one direction. */
    public List<Rule> rules(Direction direction) {
        return direction == Direction.INGRESS ? ingress : egress;
    }

    /** Whether this policy isolates {@code pod} in {@code direction}. */
    public boolean isolates(Pod pod, Direction direction) {
        return policyTypes.contains(direction)
                && pod.namespace().equals(namespace)
                && podSelector.matches(pod.labels());
    }
}
