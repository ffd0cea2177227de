package dev.netc.query;

import dev.netc.evaluator.Direction;
import dev.netc.evaluator.NetworkPolicy;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.PolicyPort;
import dev.netc.evaluator.Rule;
import dev.netc.evaluator.Verdict;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The effective connectivity of emitted policies: for every ordered pair of endpoints (a pod
 * and itself included, standing for two pods of one tier; two addresses excluded, as no
 * policy governs them), the ports on which a new connection is allowed.
 *
 * <p>It is worked out on sets, not pair by pair (as np-guard does). A connection is allowed
 * when the source's egress and the destination's ingress both allow it; a side that no policy
 * isolates allows everything. So the pairs that no policy governs all allow every port, and are
 * known without being listed: only the pairs a policy governs are computed and kept, and of
 * those only the ones that its rules' peers reach. Each rule's peers are matched once
 * ({@link PeerMembers}) and its ports worked out as a set ({@link RulePorts}); for each source
 * the destinations its egress rules reach are met with the ingress rules that admit it (an index
 * from each endpoint to the ingress rules whose peers match it). The cost follows the rules and
 * the connections they allow, not the square of the endpoints. {@code ConnectivityTest} holds
 * the answers to evaluating every pair on every port.
 */
public final class Connectivity {
    /**
     * The ports allowed from one endpoint to another.
     *
     * @param restricted whether a policy governs the pair at all: the source is isolated for
     *     egress or the destination for ingress. Unrestricted pairs allow everything.
     */
    public record Link(NamedEndpoint from, NamedEndpoint to, PortSet ports, boolean restricted) {}

    private final List<NamedEndpoint> endpoints;
    private final Map<String, Integer> indexOf;
    /** No policy isolates it for egress (every address too): its side allows everything. */
    private final boolean[] openEgress;
    /** No policy isolates it for ingress. */
    private final boolean[] openIngress;
    /** Per source, the destinations of governed pairs with some port allowed, ascending. */
    private final int[][] targets;
    /** The ports of those pairs, in the same order. */
    private final PortSet[][] ports;

    private Connectivity(
            List<NamedEndpoint> endpoints,
            boolean[] openEgress,
            boolean[] openIngress,
            int[][] targets,
            PortSet[][] ports) {
        this.endpoints = endpoints;
        this.openEgress = openEgress;
        this.openIngress = openIngress;
        this.targets = targets;
        this.ports = ports;
        this.indexOf = new HashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            indexOf.put(endpoints.get(i).name(), i);
        }
    }

    public static Connectivity of(EmittedPolicies policies) {
        return new Builder(policies).build();
    }

    /**
     * Every pair with some port allowed, sources and destinations in endpoint order: the pairs no
     * policy governs too, which a spec that isolates little has for nearly every pair.
     */
    public List<Link> links() {
        List<Link> all = new ArrayList<>();
        for (int from = 0; from < endpoints.size(); from++) {
            int next = 0;
            for (int to = 0; to < endpoints.size(); to++) {
                if (next < targets[from].length && targets[from][next] == to) {
                    all.add(governed(from, next++));
                } else if (open(from, to)) {
                    all.add(new Link(endpoints.get(from), endpoints.get(to), PortSet.ALL, false));
                }
            }
        }
        return all;
    }

    /** The pairs a policy governs with some port allowed, in endpoint order: what a graph draws. */
    public List<Link> restrictedLinks() {
        List<Link> all = new ArrayList<>();
        for (int from = 0; from < endpoints.size(); from++) {
            for (int k = 0; k < targets[from].length; k++) {
                all.add(governed(from, k));
            }
        }
        return all;
    }

    /** The ports allowed from one endpoint to another, by name; empty when none (or no such endpoint). */
    public Optional<Link> link(String from, String to) {
        Integer source = indexOf.get(from);
        Integer destination = indexOf.get(to);
        if (source == null || destination == null) {
            return Optional.empty();
        }
        int k = Arrays.binarySearch(targets[source], destination);
        if (k >= 0) {
            return Optional.of(governed(source, k));
        }
        return open(source, destination)
                ? Optional.of(new Link(endpoints.get(source), endpoints.get(destination), PortSet.ALL, false))
                : Optional.empty();
    }

    /** The ports allowed from one endpoint to another, by name; none when there is no such endpoint. */
    public PortSet ports(String from, String to) {
        return link(from, to).map(Link::ports).orElse(PortSet.NONE);
    }

    /** Every endpoint, in order. */
    List<NamedEndpoint> endpoints() {
        return endpoints;
    }

    /** The position of an endpoint of that name; null when there is none. */
    Integer index(String name) {
        return indexOf.get(name);
    }

    /** Whether no policy governs the pair, so that it allows every port: neither side isolated, one a pod. */
    boolean open(int from, int to) {
        return openEgress[from] && openIngress[to] && (isPod(from) || isPod(to));
    }

    /** Whether no policy isolates the endpoint for egress (every address), so that its pairs may be open. */
    boolean openEgress(int endpoint) {
        return openEgress[endpoint];
    }

    /** Whether no policy isolates the endpoint for ingress. */
    boolean openIngress(int endpoint) {
        return openIngress[endpoint];
    }

    /** Whether a policy governs the pair and allows some port. */
    boolean governs(int from, int to) {
        return Arrays.binarySearch(targets[from], to) >= 0;
    }

    /** The destinations of the governed pairs of a source that allow some port, ascending. */
    int[] governedTargets(int from) {
        return targets[from];
    }

    boolean isPod(int endpoint) {
        return endpoints.get(endpoint).kind().isPod();
    }

    private Link governed(int from, int k) {
        return new Link(endpoints.get(from), endpoints.get(targets[from][k]), ports[from][k], true);
    }

    /** Works out the governed pairs, one source at a time. */
    private static final class Builder {
        private final List<NamedEndpoint> endpoints;
        private final PeerMembers members;
        private final RulePorts rulePorts = new RulePorts();
        private final Map<String, List<NetworkPolicy>> policiesByNamespace = new HashMap<>();
        /** Per endpoint and direction, the rules of the policies that isolate it; null when none does. */
        private final List<Admission>[] egress;

        private final List<Admission>[] ingress;
        /** Per source, the isolated destinations with an ingress rule whose peers match it, and that rule. */
        private final List<List<Admission>> admittedBy = new ArrayList<>();
        /** Ingress rules without peers, which admit every source, with their destination. */
        private final List<Admission> admitEveryone = new ArrayList<>();

        /** A rule of a policy that isolates {@code endpoint}, with the endpoints its peers match. */
        private record Admission(int endpoint, Rule rule, int[] peers) {}

        @SuppressWarnings("unchecked")
        Builder(EmittedPolicies policies) {
            this.endpoints = List.copyOf(policies.endpoints().all());
            this.members = new PeerMembers(endpoints, policies.endpoints().universe());
            for (NetworkPolicy policy : policies.manifests().policies()) {
                // a policy only ever selects pods of its own namespace
                policiesByNamespace
                        .computeIfAbsent(policy.namespace(), n -> new ArrayList<>())
                        .add(policy);
            }
            egress = new List[endpoints.size()];
            ingress = new List[endpoints.size()];
            for (int i = 0; i < endpoints.size(); i++) {
                admittedBy.add(new ArrayList<>());
                if (endpoints.get(i).endpoint() instanceof Pod pod) {
                    egress[i] = isolation(i, pod, Direction.EGRESS);
                    ingress[i] = isolation(i, pod, Direction.INGRESS);
                }
            }
            for (List<Admission> rules : ingress) {
                for (Admission admission : rules == null ? List.<Admission>of() : rules) {
                    if (admission.peers() == PeerMembers.EVERYONE) {
                        admitEveryone.add(admission);
                    } else {
                        for (int source : admission.peers()) {
                            admittedBy.get(source).add(admission);
                        }
                    }
                }
            }
        }

        /** The rules of the policies that isolate the pod in one direction, in policy order; null when none does. */
        private List<Admission> isolation(int index, Pod pod, Direction direction) {
            List<Admission> rules = null;
            for (NetworkPolicy policy : policiesByNamespace.getOrDefault(pod.namespace(), List.of())) {
                if (policy.isolates(pod, direction)) {
                    rules = rules == null ? new ArrayList<>() : rules;
                    for (Rule rule : policy.rules(direction)) {
                        rules.add(new Admission(index, rule, members.of(rule, policy.namespace())));
                    }
                }
            }
            return rules;
        }

        Connectivity build() {
            int size = endpoints.size();
            boolean[] openEgress = new boolean[size];
            boolean[] openIngress = new boolean[size];
            int[][] targets = new int[size][];
            PortSet[][] ports = new PortSet[size][];
            for (int i = 0; i < size; i++) {
                openEgress[i] = egress[i] == null;
                openIngress[i] = ingress[i] == null;
            }
            for (int from = 0; from < size; from++) {
                Map<Integer, PortSet> row = row(from);
                int[] to = row.keySet().stream()
                        .mapToInt(Integer::intValue)
                        .sorted()
                        .toArray();
                targets[from] = to;
                ports[from] = new PortSet[to.length];
                for (int k = 0; k < to.length; k++) {
                    ports[from][k] = row.get(to[k]);
                }
            }
            return new Connectivity(endpoints, openEgress, openIngress, targets, ports);
        }

        /** The governed pairs from one source with some port allowed, and those ports. */
        private Map<Integer, PortSet> row(int from) {
            Map<Integer, PortSet> admitted = admitted(from);
            if (egress[from] == null) {
                // the source's side allows everything: the destinations' ingress rules decide
                return admitted;
            }
            Map<Integer, PortSet> reached = new HashMap<>();
            for (Admission rule : egress[from]) {
                if (rule.peers() == PeerMembers.EVERYONE) {
                    for (int to = 0; to < endpoints.size(); to++) {
                        reach(reached, rule, to);
                    }
                } else {
                    for (int to : rule.peers()) {
                        reach(reached, rule, to);
                    }
                }
            }
            Map<Integer, PortSet> row = new HashMap<>();
            reached.forEach((to, ports) -> {
                PortSet allowed =
                        ingress[to] == null ? ports : ports.intersect(admitted.getOrDefault(to, PortSet.NONE));
                if (!allowed.isEmpty()) {
                    row.put(to, allowed);
                }
            });
            return row;
        }

        private void reach(Map<Integer, PortSet> reached, Admission rule, int to) {
            PortSet ports = rulePorts.of(rule.rule().ports(), endpoints.get(to).endpoint());
            if (!ports.isEmpty()) {
                reached.merge(to, ports, PortSet::union);
            }
        }

        /** The isolated destinations whose ingress rules admit the source, and on which ports. */
        private Map<Integer, PortSet> admitted(int from) {
            Map<Integer, PortSet> admitted = new HashMap<>();
            for (List<Admission> rules : List.of(admittedBy.get(from), admitEveryone)) {
                for (Admission rule : rules) {
                    int to = rule.endpoint();
                    PortSet ports =
                            rulePorts.of(rule.rule().ports(), endpoints.get(to).endpoint());
                    if (!ports.isEmpty()) {
                        admitted.merge(to, ports, PortSet::union);
                    }
                }
            }
            return admitted;
        }
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
