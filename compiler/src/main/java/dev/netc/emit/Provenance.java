package dev.netc.emit;

import dev.netc.source.Span;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the emitted NetworkPolicies came from in the source: for every rule, the statements
 * that produced it (the {@code allow} statements of its flows, or the {@code isolate}
 * statement that brought a DNS rule with it), and for every direction a policy isolates, the
 * {@code isolate} statement behind it. A side table, so the emitted YAML stays free of it.
 *
 * <p>Keys use the names the YAML has (namespace, policy name, direction, index of the rule in
 * the policy's {@code ingress} or {@code egress} list), so a reader of the YAML can look up
 * any rule it evaluates.
 */
public record Provenance(Map<RuleId, List<Span>> rules, Map<SideId, Span> isolation) {
    public static final Provenance EMPTY = new Provenance(Map.of(), Map.of());

    public Provenance {
        rules = Map.copyOf(rules);
        isolation = Map.copyOf(isolation);
    }

    /** The two lists of rules of a NetworkPolicy. */
    public enum Direction {
        INGRESS,
        EGRESS
    }

    /** A NetworkPolicy by namespace and name. */
    public record PolicyId(String namespace, String name) {}

    /** One direction of one policy. */
    public record SideId(PolicyId policy, Direction direction) {}

    /** Rule {@code index} (from 0) of one direction of one policy. */
    public record RuleId(SideId side, int index) {}

    /** The statements a rule came from, in source order of first use; empty for an unknown rule. */
    public List<Span> rule(String namespace, String policy, Direction direction, int index) {
        return rules.getOrDefault(new RuleId(new SideId(new PolicyId(namespace, policy), direction), index), List.of());
    }

    /** The {@code isolate} statement that makes a policy isolate its pods in a direction. */
    public Optional<Span> isolation(String namespace, String policy, Direction direction) {
        return Optional.ofNullable(isolation.get(new SideId(new PolicyId(namespace, policy), direction)));
    }

    /** Collects the entries while policies are built. */
    static final class Builder {
        private final Map<RuleId, List<Span>> rules = new LinkedHashMap<>();
        private final Map<SideId, Span> isolation = new LinkedHashMap<>();

        void side(PolicyId policy, Direction direction, Optional<Span> isolatedBy, List<List<Span>> ruleSources) {
            SideId side = new SideId(policy, direction);
            isolatedBy.ifPresent(span -> isolation.put(side, span));
            for (int i = 0; i < ruleSources.size(); i++) {
                rules.put(new RuleId(side, i), List.copyOf(ruleSources.get(i)));
            }
        }

        Provenance build() {
            return new Provenance(rules, isolation);
        }
    }
}
