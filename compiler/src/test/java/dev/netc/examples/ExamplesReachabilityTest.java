package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.emit.OutputFile;
import dev.netc.evaluator.Endpoint;
import dev.netc.evaluator.ExternalEndpoint;
import dev.netc.evaluator.IpAddress;
import dev.netc.evaluator.Manifests;
import dev.netc.evaluator.NetworkPolicyEvaluator;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.Protocol;
import dev.netc.evaluator.Universe;
import dev.netc.model.Flow;
import dev.netc.model.LabelSelector;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Tier;
import dev.netc.net.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof that the emitted policies allow exactly the declared flows plus DNS: for every
 * example, synthetic pods for every tier (and pods belonging to no tier, CoreDNS, pods of an
 * undeclared namespace, and outside addresses) are probed on every relevant port. The verdict
 * comes from evaluating the emitted YAML with the independent evaluator; the expectation comes
 * from the declarations: a side that is isolated allows a connection exactly when a declared
 * flow (or DNS) covers it, and a side that is not isolated allows everything.
 */
class ExamplesReachabilityTest {

    @TestFactory
    Stream<DynamicTest> emittedPoliciesAllowExactlyTheDeclaredFlowsPlusDns() {
        return Examples.all().stream().map(example -> DynamicTest.dynamicTest(Examples.name(example), () -> {
            Compiler.Result result = Examples.compile(example);
            Probe probe = new Probe(result.model(), result.files());
            int probes = probe.run();
            assertThat(probes).isPositive();
        }));
    }

    /** One example's universe, probes and oracle. */
    private static final class Probe {
        private final Model model;
        private final NetworkPolicyEvaluator evaluator;
        private final Map<Pod, Namespace> namespaceOf = new LinkedHashMap<>();
        private final List<Endpoint> endpoints = new ArrayList<>();
        private final Set<PortRange> ports = new LinkedHashSet<>();
        private int nextIp = 1;

        Probe(Model model, List<OutputFile> files) {
            this.model = model;
            StringBuilder yaml = new StringBuilder();
            files.stream().filter(f -> f.path().startsWith("policies/")).forEach(f -> yaml.append("---\n").append(f.content()));
            Manifests manifests = Manifests.parse(yaml.toString());
            Universe.Builder universe = Universe.builder();
            manifests.namespaces().forEach(universe::namespace);
            for (Namespace namespace : model.namespaces()) {
                for (Tier tier : namespace.tiers()) {
                    add(universe, namespace, "tier-" + tier.name(), labelsFor(tier.pods()));
                }
                add(universe, namespace, "stranger", Map.of("netc-test", "stranger"));
            }
            add(universe, null, "coredns", Map.of("k8s-app", "kube-dns"));
            add(universe, null, "elsewhere", Map.of("app", "elsewhere"));
            for (String ip : externalProbeAddresses()) {
                endpoints.add(new ExternalEndpoint(IpAddress.parse(ip)));
            }
            this.evaluator = new NetworkPolicyEvaluator(universe.build(), manifests.policies());
            collectPorts();
        }

        int run() {
            int count = 0;
            for (Endpoint source : endpoints) {
                for (Endpoint destination : endpoints) {
                    if (source == destination || (source instanceof ExternalEndpoint && destination instanceof ExternalEndpoint)) {
                        continue;
                    }
                    for (PortRange port : ports) {
                        Protocol protocol = Protocol.valueOf(port.protocol().name());
                        boolean actual = evaluator.evaluate(source, destination, port.first(), protocol).allowed();
                        boolean expected = expected(source, destination, port);
                        assertThat(actual).as("%s -> %s on %s: %s", source.displayName(), destination.displayName(), port,
                                evaluator.evaluate(source, destination, port.first(), protocol).explain()).isEqualTo(expected);
                        count++;
                    }
                }
            }
            return count;
        }

        private boolean expected(Endpoint source, Endpoint destination, PortRange port) {
            boolean egress = !(source instanceof Pod pod) || !isolated(pod, false)
                    || dns(pod, destination, port) || declared(source, destination, port);
            boolean ingress = !(destination instanceof Pod pod) || !isolated(pod, true) || declared(source, destination, port);
            return egress && ingress;
        }

        private boolean isolated(Pod pod, boolean ingress) {
            Namespace namespace = namespaceOf.get(pod);
            if (namespace == null) {
                return false;
            }
            if (ingress ? namespace.isolateIngress() : namespace.isolateEgress()) {
                return true;
            }
            return namespace.tiers().stream().anyMatch(t -> (ingress ? t.isolateIngress() : t.isolateEgress()) && matches(t.pods(), pod));
        }

        private boolean dns(Pod source, Endpoint destination, PortRange port) {
            return namespaceOf.get(source).dns() && destination instanceof Pod coreDns
                    && coreDns.namespace().equals("kube-system") && "kube-dns".equals(coreDns.labels().get("k8s-app"))
                    && port.first() == 53 && port.protocol() != dev.netc.model.Protocol.SCTP;
        }

        private boolean declared(Endpoint source, Endpoint destination, PortRange port) {
            for (Flow flow : model.flows()) {
                boolean portMatches = flow.ports().isEmpty() || flow.ports().stream().anyMatch(r -> r.covers(port));
                if (portMatches && member(flow.from(), source) && member(flow.to(), destination)) {
                    return true;
                }
            }
            return false;
        }

        private boolean member(Peer peer, Endpoint endpoint) {
            if (peer instanceof Peer.Addresses addresses) {
                // ipBlock matches pod addresses too, as Calico does
                dev.netc.net.IpAddress ip = dev.netc.net.IpAddress.parse(endpoint.ip().toString()).orElseThrow();
                return addresses.blocks().stream().anyMatch(b -> b.cidr().contains(ip) && b.except().stream().noneMatch(e -> e.contains(ip)));
            }
            if (!(endpoint instanceof Pod pod)) {
                return false;
            }
            if (peer instanceof Peer.AllNamespaces) {
                return true;
            } else if (peer instanceof Peer.NamespacePeer n) {
                return pod.namespace().equals(n.namespace());
            }
            Tier tier = ((Peer.TierPeer) peer).tier();
            return pod.namespace().equals(tier.namespace()) && matches(tier.pods(), pod);
        }

        private static boolean matches(LabelSelector selector, Pod pod) {
            Map<String, String> labels = pod.labels();
            for (var entry : selector.matchLabels().entrySet()) {
                if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                    return false;
                }
            }
            for (LabelSelector.Requirement requirement : selector.expressions()) {
                String value = labels.get(requirement.key());
                boolean ok = switch (requirement.operator()) {
                    case "In" -> value != null && requirement.values().contains(value);
                    case "NotIn" -> value == null || !requirement.values().contains(value);
                    case "Exists" -> value != null;
                    default -> value == null;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }

        /** Labels of a pod that the selector selects. */
        private static Map<String, String> labelsFor(LabelSelector selector) {
            Map<String, String> labels = new LinkedHashMap<>(selector.matchLabels());
            for (LabelSelector.Requirement requirement : selector.expressions()) {
                if (requirement.operator().equals("In")) {
                    labels.putIfAbsent(requirement.key(), requirement.values().get(0));
                } else if (requirement.operator().equals("Exists")) {
                    labels.putIfAbsent(requirement.key(), "x");
                }
            }
            return labels;
        }

        private void add(Universe.Builder universe, Namespace namespace, String name, Map<String, String> labels) {
            String namespaceName = namespace != null ? namespace.name() : name.equals("coredns") ? "kube-system" : "elsewhere";
            if (namespace == null && name.equals("coredns") && model.namespaces().stream().anyMatch(n -> n.name().equals("kube-system"))) {
                namespace = model.namespaces().stream().filter(n -> n.name().equals("kube-system")).findFirst().get();
            }
            int ip = nextIp++;
            Pod pod = new Pod(namespaceName, name, labels, IpAddress.parse("10.42." + (ip / 250) + "." + (ip % 250 + 2)), Map.of());
            universe.pod(pod);
            endpoints.add(pod);
            if (namespace != null) {
                namespaceOf.put(pod, namespace);
            }
        }

        /** Public, private and every flow's own addresses (the first and an inner address of each range). */
        private List<String> externalProbeAddresses() {
            Set<String> addresses = new LinkedHashSet<>(List.of("8.8.8.8", "192.168.77.7", "2001:db8::7"));
            for (Flow flow : model.flows()) {
                for (Peer peer : List.of(flow.from(), flow.to())) {
                    if (peer instanceof Peer.Addresses a) {
                        for (Peer.IpBlock block : a.blocks()) {
                            addresses.add(block.cidr().address().toString());
                            addresses.add(inner(block.cidr()).toString());
                        }
                    }
                }
            }
            return List.copyOf(addresses);
        }

        private static dev.netc.net.IpAddress inner(Cidr cidr) {
            BigInteger size = cidr.last().subtract(cidr.first());
            return new dev.netc.net.IpAddress(cidr.family(), cidr.first().add(size.shiftRight(1)));
        }

        private void collectPorts() {
            for (Flow flow : model.flows()) {
                for (PortRange range : flow.ports()) {
                    ports.add(PortRange.single(range.protocol(), range.first()));
                    ports.add(PortRange.single(range.protocol(), range.last()));
                }
            }
            for (Namespace namespace : model.namespaces()) {
                namespace.tiers().forEach(t -> t.ports().forEach(p -> ports.add(PortRange.single(p.range().protocol(), p.range().first()))));
            }
            ports.add(PortRange.single(dev.netc.model.Protocol.UDP, 53));
            ports.add(PortRange.single(dev.netc.model.Protocol.TCP, 53));
            ports.add(PortRange.single(dev.netc.model.Protocol.TCP, 12345));
        }
    }
}
