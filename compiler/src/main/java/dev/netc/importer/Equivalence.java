package dev.netc.importer;

import dev.netc.evaluator.Endpoint;
import dev.netc.evaluator.ExternalEndpoint;
import dev.netc.evaluator.IpAddress;
import dev.netc.evaluator.LabelRequirement;
import dev.netc.evaluator.LabelSelector;
import dev.netc.evaluator.Manifests;
import dev.netc.evaluator.NamedPort;
import dev.netc.evaluator.Namespace;
import dev.netc.evaluator.NetworkPolicy;
import dev.netc.evaluator.NetworkPolicyEvaluator;
import dev.netc.evaluator.Peer;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.PolicyPort;
import dev.netc.evaluator.Protocol;
import dev.netc.evaluator.Rule;
import dev.netc.evaluator.Universe;
import dev.netc.net.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Whether two sets of NetworkPolicies allow the same connections, decided by evaluating both on
 * one universe derived from every selector and address in either: every namespace they name, a
 * namespace with labels each namespace selector chooses and one with none; in each, a pod with
 * labels each pod selector chooses and one with none, all with every named port; an address at the
 * bounds and the middle of every ipBlock and around each exception, and one outside them all. Every
 * ordered pair with a pod at one end is evaluated on every protocol at every port where some rule's
 * range begins or ends, so no port is left out between those.
 */
public final class Equivalence {
    /** A connection on which the two sets disagree. */
    public record Difference(Endpoint from, Endpoint to, int port, Protocol protocol, boolean firstAllows) {
        /** {@code app/web {app=web} -> 10.0.0.1 on 80/tcp: the YAML allows it, the spec denies it}. */
        public String describe(String first, String second) {
            return name(from) + " -> " + name(to) + " on " + port + "/"
                    + protocol.name().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + (firstAllows
                            ? first + " allows it, " + second + " denies it"
                            : first + " denies it, " + second + " allows it");
        }

        private static String name(Endpoint endpoint) {
            if (endpoint instanceof Pod pod) {
                return "pod " + pod.namespace() + "/" + pod.name()
                        + (pod.labels().isEmpty() ? " (no labels)" : " " + new TreeMap<>(pod.labels()));
            }
            return endpoint.ip().toString();
        }
    }

    /** What was compared, and where the sets disagree. */
    public record Outcome(int endpoints, long probes, List<Difference> differences) {
        public Outcome {
            differences = List.copyOf(differences);
        }

        public boolean equivalent() {
            return differences.isEmpty();
        }
    }

    /** Where the universe's pods have their addresses: any range will do, the same for both sets. */
    private static final String POD_RANGE = "10.250.0.0";

    private static final List<String> OUTSIDE = List.of("203.0.113.10", "2001:db8::10");

    private Equivalence() {}

    public static Outcome compare(Manifests first, Manifests second) {
        List<NetworkPolicy> policies = Stream.concat(first.policies().stream(), second.policies().stream())
                .toList();
        Universe universe = universe(first, second, policies);
        List<Endpoint> endpoints = new ArrayList<>(universe.pods());
        addresses(policies).forEach(ip -> endpoints.add(new ExternalEndpoint(ip)));
        NetworkPolicyEvaluator one = new NetworkPolicyEvaluator(universe, first.policies());
        NetworkPolicyEvaluator other = new NetworkPolicyEvaluator(universe, second.policies());
        Map<Protocol, TreeSet<Integer>> ports = portStarts(policies, universe);
        List<Difference> differences = new ArrayList<>();
        long probes = 0;
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                if (!(from instanceof Pod) && !(to instanceof Pod)) {
                    continue; // no policy governs two addresses
                }
                for (Map.Entry<Protocol, TreeSet<Integer>> protocol : ports.entrySet()) {
                    for (int port : protocol.getValue()) {
                        probes++;
                        boolean a =
                                one.evaluate(from, to, port, protocol.getKey()).allowed();
                        boolean b = other.evaluate(from, to, port, protocol.getKey())
                                .allowed();
                        if (a != b) {
                            differences.add(new Difference(from, to, port, protocol.getKey(), a));
                        }
                    }
                }
            }
        }
        return new Outcome(endpoints.size(), probes, differences);
    }

    private static Universe universe(Manifests first, Manifests second, List<NetworkPolicy> policies) {
        Map<String, Map<String, String>> namespaces = new LinkedHashMap<>();
        // the labels the YAML gives a namespace win over those the spec's emission adds
        Stream.concat(first.namespaces().stream(), second.namespaces().stream())
                .forEach(n -> namespaces.putIfAbsent(n.name(), n.labels()));
        policies.forEach(p -> namespaces.putIfAbsent(p.namespace(), Map.of()));
        Set<LabelSelector> podSelectors = new LinkedHashSet<>();
        Set<LabelSelector> namespaceSelectors = new LinkedHashSet<>();
        Map<String, NamedPort> namedPorts = new LinkedHashMap<>();
        for (NetworkPolicy policy : policies) {
            podSelectors.add(policy.podSelector());
            for (Rule rule : Stream.concat(policy.ingress().stream(), policy.egress().stream())
                    .toList()) {
                for (Peer peer : rule.peers()) {
                    if (peer instanceof Peer.SelectorPeer selector) {
                        selector.podSelector().ifPresent(podSelectors::add);
                        selector.namespaceSelector().ifPresent(namespaceSelectors::add);
                    }
                }
                for (PolicyPort port : rule.ports()) {
                    if (port instanceof PolicyPort.NamedPortRef named) {
                        namedPorts.putIfAbsent(
                                named.name(), new NamedPort(30000 + namedPorts.size(), named.protocol()));
                    }
                }
            }
        }
        int chosen = 0;
        for (LabelSelector selector : namespaceSelectors) {
            namespaces.put("chosen-" + ++chosen, labelsSelectedBy(selector));
        }
        namespaces.put("other", Map.of());

        Universe.Builder universe = Universe.builder();
        BigInteger next = dev.netc.net.IpAddress.parse(POD_RANGE).orElseThrow().value();
        for (Map.Entry<String, Map<String, String>> namespace : namespaces.entrySet()) {
            universe.namespace(new Namespace(namespace.getKey(), namespace.getValue()));
            Set<Map<String, String>> labelSets = new LinkedHashSet<>();
            labelSets.add(Map.of());
            podSelectors.forEach(s -> labelSets.add(labelsSelectedBy(s)));
            int index = 0;
            for (Map<String, String> labels : labelSets) {
                next = next.add(BigInteger.ONE);
                universe.pod(new Pod(
                        namespace.getKey(),
                        "pod-" + index++,
                        labels,
                        IpAddress.parse(new dev.netc.net.IpAddress(dev.netc.net.IpAddress.Family.V4, next).toString()),
                        namedPorts));
            }
        }
        return universe.build();
    }

    /** Labels that a selector selects: its equality labels, the first value of each {@code In}, any value for {@code Exists}. */
    static Map<String, String> labelsSelectedBy(LabelSelector selector) {
        Map<String, String> labels = new TreeMap<>(selector.matchLabels());
        for (LabelRequirement requirement : selector.matchExpressions()) {
            if (requirement.operator() == LabelRequirement.Operator.In
                    && !requirement.values().isEmpty()) {
                labels.putIfAbsent(requirement.key(), new TreeSet<>(requirement.values()).first());
            } else if (requirement.operator() == LabelRequirement.Operator.Exists) {
                labels.putIfAbsent(requirement.key(), "present");
            }
        }
        return labels;
    }

    /** Addresses at the bounds and middle of every ipBlock, around its exceptions, and outside them all. */
    private static List<IpAddress> addresses(List<NetworkPolicy> policies) {
        Set<String> addresses = new LinkedHashSet<>(OUTSIDE);
        for (NetworkPolicy policy : policies) {
            for (Rule rule : Stream.concat(policy.ingress().stream(), policy.egress().stream())
                    .toList()) {
                for (Peer peer : rule.peers()) {
                    if (peer instanceof Peer.IpBlockPeer block) {
                        around(block.cidr(), addresses);
                        block.except().forEach(except -> around(except, addresses));
                    }
                }
            }
        }
        return addresses.stream().map(IpAddress::parse).toList();
    }

    /** The first, middle and last address of a range and those just outside it. */
    private static void around(dev.netc.evaluator.Cidr range, Set<String> addresses) {
        if (!(Cidr.parse(range.toString()) instanceof Cidr.ParseResult.Ok ok)) {
            return;
        }
        Cidr cidr = ok.cidr();
        BigInteger max = BigInteger.ONE.shiftLeft(cidr.family().bits()).subtract(BigInteger.ONE);
        for (BigInteger value : List.of(
                cidr.first(),
                cidr.last(),
                cidr.first().add(cidr.last()).shiftRight(1),
                cidr.first().subtract(BigInteger.ONE),
                cidr.last().add(BigInteger.ONE))) {
            if (value.signum() >= 0 && value.compareTo(max) <= 0) {
                addresses.add(new dev.netc.net.IpAddress(cidr.family(), value).toString());
            }
        }
    }

    /** Per protocol, every port where a rule's range of either set begins or ends, and each named port's number. */
    private static Map<Protocol, TreeSet<Integer>> portStarts(List<NetworkPolicy> policies, Universe universe) {
        Map<Protocol, TreeSet<Integer>> starts = new TreeMap<>();
        for (Protocol protocol : Protocol.values()) {
            starts.put(protocol, new TreeSet<>(List.of(1)));
        }
        for (NetworkPolicy policy : policies) {
            for (Rule rule : Stream.concat(policy.ingress().stream(), policy.egress().stream())
                    .toList()) {
                for (PolicyPort port : rule.ports()) {
                    if (port instanceof PolicyPort.PortRange range) {
                        starts.get(range.protocol()).add(range.first());
                        starts.get(range.protocol()).add(range.last() + 1);
                    }
                }
            }
        }
        for (Pod pod : universe.pods()) {
            pod.namedPorts().values().forEach(named -> {
                for (TreeSet<Integer> set : starts.values()) {
                    set.add(named.port());
                    set.add(named.port() + 1);
                }
            });
        }
        starts.values().forEach(set -> set.removeIf(port -> port > 65535));
        return starts;
    }
}
