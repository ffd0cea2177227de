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
import java.util.Optional;
import java.util.TreeSet;

/**
 * The effective connectivity of emitted policies: for every ordered pair of endpoints (a pod
 * and itself included, standing for two pods of one tier; two addresses excluded, as no
 * policy governs them), the ports on which a new connection is allowed.
 *
 * <p>Whether a connection is allowed can only change at a port where some rule's port range
 * starts or ends (or at a named port of a pod), so the evaluator is asked once per segment
 * between such boundaries, per protocol, rather than once per port.
 */
public final class Connectivity {
    /**
     * The ports allowed from one endpoint to another.
     *
     * @param restricted whether a policy governs the pair at all: the source is isolated for
     *     egress or the destination for ingress. Unrestricted pairs allow everything.
     */
    public record Link(NamedEndpoint from, NamedEndpoint to, PortSet ports, boolean restricted) {}

    private final Map<String, Map<String, Link>> links;

    private Connectivity(Map<String, Map<String, Link>> links) {
        this.links = links;
    }

    public static Connectivity of(EmittedPolicies policies) {
        Probe probe = new Probe(policies);
        Map<String, Map<String, Link>> links = new LinkedHashMap<>();
        for (NamedEndpoint from : policies.endpoints().all()) {
            Map<String, Link> row = new LinkedHashMap<>();
            for (NamedEndpoint to : policies.endpoints().all()) {
                if (from.kind().isPod() || to.kind().isPod()) {
                    probe.link(from, to).ifPresent(link -> row.put(to.name(), link));
                }
            }
            links.put(from.name(), row);
        }
        return new Connectivity(links);
    }

    /** Every pair with some port allowed, sources and destinations in endpoint order. */
    public List<Link> links() {
        List<Link> all = new ArrayList<>();
        links.values().forEach(row -> all.addAll(row.values()));
        return all;
    }

    /** The ports allowed from one endpoint to another, by name; empty when none (or no such endpoint). */
    public Optional<Link> link(String from, String to) {
        return Optional.ofNullable(links.getOrDefault(from, Map.of()).get(to));
    }

    /**
     * Asks the evaluator about one pair of endpoints at a time, once per segment of ports on which
     * every rule of the policies agrees: what {@code netc diff}, {@code netc graph} and the
     * expectations of a spec ({@code expect}) read the emitted policies with.
     */
    public static final class Probe {
        private final EmittedPolicies policies;
        private final Map<Protocol, List<Integer>> segments;

        public Probe(EmittedPolicies policies) {
            this.policies = policies;
            this.segments = segmentStarts(policies);
        }

        /** The ports allowed from one endpoint to another; empty when none is. */
        public Optional<Link> link(NamedEndpoint from, NamedEndpoint to) {
            return link(from, to, PortSet.ALL);
        }

        /**
         * The ports among {@code within} allowed from one endpoint to another, {@link PortSet#NONE}
         * when none is: only the segments that meet {@code within} are evaluated.
         */
        public PortSet allowed(NamedEndpoint from, NamedEndpoint to, PortSet within) {
            PortSet allowed = link(from, to, within).map(Link::ports).orElse(PortSet.NONE);
            return allowed.minus(allowed.minus(within));
        }

        private Optional<Link> link(NamedEndpoint from, NamedEndpoint to, PortSet within) {
            List<PortRange> allowed = new ArrayList<>();
            boolean restricted = false;
            for (Map.Entry<Protocol, List<Integer>> entry : segments.entrySet()) {
                Protocol protocol = entry.getKey();
                List<Integer> starts = entry.getValue();
                for (int i = 0; i < starts.size(); i++) {
                    int first = starts.get(i);
                    int last = i + 1 < starts.size() ? starts.get(i + 1) - 1 : PortSet.MAX_PORT;
                    if (!meets(within, protocol, first, last)) {
                        continue;
                    }
                    Verdict verdict =
                            policies.evaluate(from, to, first, dev.netc.evaluator.Protocol.valueOf(protocol.name()));
                    restricted |=
                            verdict.egress().isolated() || verdict.ingress().isolated();
                    if (verdict.allowed()) {
                        allowed.add(new PortRange(protocol, first, last));
                    }
                }
            }
            PortSet ports = PortSet.of(allowed);
            return ports.isEmpty() ? Optional.empty() : Optional.of(new Link(from, to, ports, restricted));
        }

        private static boolean meets(PortSet ports, Protocol protocol, int first, int last) {
            return ports.ranges().stream()
                    .anyMatch(r -> r.protocol() == protocol && r.first() <= last && r.last() >= first);
        }
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
                        boundaries(
                                port,
                                policies,
                                starts.get(Protocol.valueOf(port.protocol().name())));
                    }
                }
            }
        }
        Map<Protocol, List<Integer>> result = new EnumMap<>(Protocol.class);
        starts.forEach((protocol, set) -> result.put(protocol, List.copyOf(set.headSet(PortSet.MAX_PORT, true))));
        return result;
    }

    private static void boundaries(PolicyPort port, EmittedPolicies policies, TreeSet<Integer> starts) {
        if (port instanceof PolicyPort.PortRange range) {
            starts.add(range.first());
            starts.add(range.last() + 1);
        } else if (port instanceof PolicyPort.NamedPortRef named) {
            for (NamedEndpoint endpoint : policies.endpoints().all()) {
                if (endpoint.endpoint() instanceof Pod pod && pod.namedPorts().containsKey(named.name())) {
                    int number = pod.namedPorts().get(named.name()).port();
                    starts.add(number);
                    starts.add(number + 1);
                }
            }
        }
    }
}
