package dev.netc.query;

import dev.netc.evaluator.NetworkPolicy;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.PolicyPort;
import dev.netc.evaluator.Rule;
import dev.netc.evaluator.Verdict;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The slow, obvious connectivity that {@link Connectivity} must equal: every ordered pair of
 * endpoints (one a pod) asked of the evaluator once per port segment and protocol, where a
 * segment is a run of ports on which no rule's range and no pod's named port starts or ends.
 * This was netc's own algorithm before connectivity was worked out on sets; it stays as the
 * oracle the fast path is compared with.
 */
final class PairwiseConnectivity {
    private final Map<String, Map<String, Connectivity.Link>> links = new LinkedHashMap<>();

    PairwiseConnectivity(EmittedPolicies policies) {
        Map<Protocol, List<Integer>> segments = segmentStarts(policies);
        for (NamedEndpoint from : policies.endpoints().all()) {
            Map<String, Connectivity.Link> row = new LinkedHashMap<>();
            for (NamedEndpoint to : policies.endpoints().all()) {
                if (from.kind().isPod() || to.kind().isPod()) {
                    Connectivity.Link link = link(policies, segments, from, to);
                    if (!link.ports().isEmpty()) {
                        row.put(to.name(), link);
                    }
                }
            }
            links.put(from.name(), row);
        }
    }

    /** Every pair with some port allowed, in endpoint order. */
    List<Connectivity.Link> links() {
        List<Connectivity.Link> all = new ArrayList<>();
        links.values().forEach(row -> all.addAll(row.values()));
        return all;
    }

    PortSet ports(String from, String to) {
        Connectivity.Link link = links.getOrDefault(from, Map.of()).get(to);
        return link == null ? PortSet.NONE : link.ports();
    }

    private static Connectivity.Link link(
            EmittedPolicies policies, Map<Protocol, List<Integer>> segments, NamedEndpoint from, NamedEndpoint to) {
        List<PortRange> allowed = new ArrayList<>();
        boolean restricted = false;
        for (Map.Entry<Protocol, List<Integer>> entry : segments.entrySet()) {
            List<Integer> starts = entry.getValue();
            for (int i = 0; i < starts.size(); i++) {
                int first = starts.get(i);
                int last = i + 1 < starts.size() ? starts.get(i + 1) - 1 : PortSet.MAX_PORT;
                Verdict verdict = policies.evaluate(
                        from,
                        to,
                        first,
                        dev.netc.evaluator.Protocol.valueOf(entry.getKey().name()));
                restricted |= verdict.egress().isolated() || verdict.ingress().isolated();
                if (verdict.allowed()) {
                    allowed.add(new PortRange(entry.getKey(), first, last));
                }
            }
        }
        return new Connectivity.Link(from, to, PortSet.of(allowed), restricted);
    }

    /** Per protocol, the first port of each segment on which every rule agrees. */
    private static Map<Protocol, List<Integer>> segmentStarts(EmittedPolicies policies) {
        Map<Protocol, TreeSet<Integer>> starts = new EnumMap<>(Protocol.class);
        for (Protocol protocol : Protocol.values()) {
            starts.put(protocol, new TreeSet<>(List.of(1)));
        }
        for (NetworkPolicy policy : policies.manifests().policies()) {
            for (List<Rule> rules : List.of(policy.ingress(), policy.egress())) {
                for (Rule rule : rules) {
                    for (PolicyPort port : rule.ports()) {
                        TreeSet<Integer> set =
                                starts.get(Protocol.valueOf(port.protocol().name()));
                        if (port instanceof PolicyPort.PortRange range) {
                            set.add(range.first());
                            set.add(range.last() + 1);
                        } else if (port instanceof PolicyPort.NamedPortRef named) {
                            for (NamedEndpoint endpoint : policies.endpoints().all()) {
                                if (endpoint.endpoint() instanceof Pod pod
                                        && pod.namedPorts().containsKey(named.name())) {
                                    int number =
                                            pod.namedPorts().get(named.name()).port();
                                    set.add(number);
                                    set.add(number + 1);
                                }
                            }
                        }
                    }
                }
            }
        }
        Map<Protocol, List<Integer>> result = new EnumMap<>(Protocol.class);
        starts.forEach((protocol, set) -> result.put(protocol, List.copyOf(set.headSet(PortSet.MAX_PORT, true))));
        return result;
    }
}
