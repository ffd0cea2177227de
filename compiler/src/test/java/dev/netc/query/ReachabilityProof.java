package dev.netc.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.evaluator.Endpoint;
import dev.netc.evaluator.ExternalEndpoint;
import dev.netc.evaluator.IpAddress;
import dev.netc.evaluator.NamedPort;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.Protocol;
import dev.netc.evaluator.Verdict;
import dev.netc.model.ContainerPort;
import dev.netc.model.Flow;
import dev.netc.model.FlowPort;
import dev.netc.model.LabelSelector;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Sides;
import dev.netc.model.Tier;
import dev.netc.net.Cidr;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The proof that emitted policies allow exactly the declared flows plus DNS. Every pair of
 * endpoints of the synthetic cluster ({@link Endpoints}, plus a few more outside addresses and
 * the first address of every range a flow names) is probed on every port where a flow or a
 * tier port starts or ends, one past those, and ports no flow names. The verdict comes from
 * evaluating the emitted YAML; the expectation from the declarations alone, with its own label
 * matching: a side that is isolated allows a connection exactly when a declared flow (or DNS)
 * covers it, and a side that is not isolated allows everything.
 */
public final class ReachabilityProof {
    private final Model model;
    private final EmittedPolicies policies;
    private final DeclaredExternals declared;
    private final List<Endpoint> endpoints = new ArrayList<>();
    private final Set<PortRange> ports = new LinkedHashSet<>();

    /** With the addresses of externals as the model has them: for specs whose externals the test does not know. */
    public ReachabilityProof(Model model, EmittedPolicies policies) {
        this(model, policies, new DeclaredExternals(Map.of()));
    }

    /**
     * @param declared the spec's externals, worked out by the test from their declarations:
     *     what they hold is expected from these rather than from netc's model, and an address of
     *     every part of the address space they tell apart is probed
     */
    public ReachabilityProof(Model model, EmittedPolicies policies, DeclaredExternals declared) {
        this.model = model;
        this.policies = policies;
        this.declared = declared;
        policies.endpoints().all().forEach(e -> endpoints.add(e.endpoint()));
        extraAddresses().forEach(ip -> endpoints.add(new ExternalEndpoint(IpAddress.parse(ip))));
        collectPorts();
    }

    /** Asserts every probe; returns how many there were. */
    public int run() {
        int count = 0;
        for (Endpoint source : endpoints) {
            for (Endpoint destination : endpoints) {
                if (source instanceof ExternalEndpoint && destination instanceof ExternalEndpoint) {
                    continue;
                }
                for (PortRange port : ports) {
                    Verdict verdict = policies.evaluate(
                            named(source),
                            named(destination),
                            port.first(),
                            Protocol.valueOf(port.protocol().name()));
                    if (verdict.allowed() != expected(source, destination, port)) {
                        // the explanation is only worth building for a failure: hundreds of thousands of probes pass
                        assertThat(verdict.allowed())
                                .as("%s", verdict.explain())
                                .isEqualTo(!verdict.allowed());
                    }
                    count++;
                }
            }
        }
        return count;
    }

    private static NamedEndpoint named(Endpoint endpoint) {
        return new NamedEndpoint(
                endpoint.displayName(),
                endpoint instanceof Pod ? NamedEndpoint.Kind.TIER : NamedEndpoint.Kind.ADDRESS,
                Optional.empty(),
                endpoint);
    }

    /**
     * A flow counts on a pod's own side only when that end of the flow names pods: an address
     * end has no side of its own (docs/language.md), even where its range covers pod addresses.
     * The other end is matched as the policy's peer is, addresses by IP, pods included.
     */
    private boolean expected(Endpoint source, Endpoint destination, PortRange port) {
        boolean egress = !(source instanceof Pod pod)
                || !isolated(pod, false)
                || dns(pod, destination, port)
                || declared(source, destination, port, Flow::from, Sides::egress);
        boolean ingress = !(destination instanceof Pod pod)
                || !isolated(pod, true)
                || declared(source, destination, port, Flow::to, Sides::ingress);
        return egress && ingress;
    }

    private Optional<Namespace> namespaceOf(Pod pod) {
        return model.namespaces().stream()
                .filter(n -> n.name().equals(pod.namespace()))
                .findFirst();
    }

    private boolean isolated(Pod pod, boolean ingress) {
        return namespaceOf(pod)
                .map(namespace -> (ingress ? namespace.isolateIngress() : namespace.isolateEgress())
                        || namespace.tiers().stream()
                                .anyMatch(t ->
                                        (ingress ? t.isolateIngress() : t.isolateEgress()) && matches(t.pods(), pod)))
                .orElse(false);
    }

    /**
     * DNS that netc adds: UDP and TCP 53 to CoreDNS, and with NodeLocal DNSCache to its address and
     * the cluster DNS addresses, for a pod that is in a namespace isolating egress with DNS on, or in
     * a tier whose DNS is on (its own {@code dns}, else its namespace's) and whose egress the tier or
     * its namespace isolates.
     */
    private boolean dns(Pod source, Endpoint destination, PortRange port) {
        boolean toDns = destination instanceof Pod coreDns
                ? coreDns.namespace().equals("kube-system")
                        && "kube-dns".equals(coreDns.labels().get("k8s-app"))
                : nodeLocalDns().contains(destination.ip().toString());
        return toDns && port.first() == 53 && port.protocol() != dev.netc.model.Protocol.SCTP && getsDns(source);
    }

    private boolean getsDns(Pod pod) {
        Optional<Namespace> namespace = namespaceOf(pod);
        if (namespace.isEmpty()) {
            return false;
        }
        Namespace ns = namespace.get();
        if (ns.isolateEgress() && ns.dns()) {
            return true;
        }
        return ns.tiers().stream()
                .anyMatch(t -> matches(t.pods(), pod)
                        && t.dns().orElse(ns.dns())
                        && (t.isolateEgress() || ns.isolateEgress()));
    }

    /** The addresses NodeLocal DNSCache answers on, when the cluster says it runs it: its own and the cluster DNS. */
    private Set<String> nodeLocalDns() {
        Set<String> addresses = new LinkedHashSet<>();
        model.cluster()
                .ifPresent(cluster -> cluster.nodeLocalDns().ifPresent(nodeLocal -> {
                    addresses.add(nodeLocal.toString());
                    cluster.clusterDns().forEach(ip -> addresses.add(ip.toString()));
                }));
        return addresses;
    }

    /**
     * Whether a flow covers the connection, with {@code ownSide} the end that must name the pod
     * whose side is asked about, and {@code written} whether the flow writes that side at all (a
     * one-sided flow leaves the other side to someone else).
     */
    private boolean declared(
            Endpoint source,
            Endpoint destination,
            PortRange port,
            Function<Flow, Peer> ownSide,
            Predicate<Sides> written) {
        for (Flow flow : model.flows()) {
            if (!written.test(flow.sides())) {
                continue;
            }
            boolean portMatches =
                    flow.ports().isEmpty() || flow.ports().stream().anyMatch(p -> covers(p, port, destination));
            if (portMatches
                    && !(ownSide.apply(flow) instanceof Peer.Addresses)
                    && member(flow.from(), source)
                    && member(flow.to(), destination)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a flow's port admits the probe: numbers by their range, a container port by the
     * number the destination pod gives that name (with its protocol), nothing on an address.
     */
    private static boolean covers(FlowPort flowPort, PortRange probe, Endpoint destination) {
        if (flowPort instanceof PortRange range) {
            return range.covers(probe);
        }
        ContainerPort named = (ContainerPort) flowPort;
        NamedPort number = destination instanceof Pod pod ? pod.namedPorts().get(named.name()) : null;
        return number != null
                && named.protocol() == probe.protocol()
                && number.protocol().name().equals(probe.protocol().name())
                && number.port() == probe.first();
    }

    private boolean member(Peer peer, Endpoint endpoint) {
        if (peer instanceof Peer.Addresses addresses) {
            // ipBlock matches pod addresses too, as Calico does
            dev.netc.net.IpAddress ip =
                    dev.netc.net.IpAddress.parse(endpoint.ip().toString()).orElseThrow();
            if (declared.names().contains(addresses.name())) {
                return declared.contains(addresses.name(), ip);
            }
            return addresses.blocks().stream()
                    .anyMatch(b -> b.cidr().contains(ip) && b.except().stream().noneMatch(e -> e.contains(ip)));
        }
        if (peer instanceof Peer.Everyone) {
            return true; // every pod and every address
        }
        if (!(endpoint instanceof Pod pod)) {
            return false;
        }
        if (peer instanceof Peer.AllNamespaces) {
            return true;
        } else if (peer instanceof Peer.NamespacePeer n) {
            return pod.namespace().equals(n.namespace());
        } else if (peer instanceof Peer.SelectedNamespaces selected) {
            Map<String, String> namespaceLabels = namespaceLabels(pod.namespace());
            return matches(selected.namespaces(), namespaceLabels)
                    && !selected.except().contains(pod.namespace())
                    && matches(selected.pods(), pod.labels());
        }
        Tier tier = ((Peer.TierPeer) peer).tier();
        return pod.namespace().equals(tier.namespace()) && matches(tier.pods(), pod);
    }

    /**
     * A namespace's labels as the cluster has them: for the spec's namespaces those it declares,
     * the name label, and the label netc sets on the Namespaces it writes (docs/language.md,
     * Output); for the synthetic cluster's other namespaces, those it gives them.
     */
    private Map<String, String> namespaceLabels(String name) {
        Optional<Namespace> declared =
                model.namespaces().stream().filter(n -> n.name().equals(name)).findFirst();
        Map<String, String> labels = new java.util.HashMap<>();
        if (declared.isPresent()) {
            labels.putAll(declared.get().labels());
            if (declared.get().managed()) {
                labels.put("objectset.rio.cattle.io/prune", "false");
            }
        } else {
            policies.endpoints().universe().namespace(name).ifPresent(n -> labels.putAll(n.labels()));
        }
        labels.put("kubernetes.io/metadata.name", name);
        return labels;
    }

    private static boolean matches(LabelSelector selector, Pod pod) {
        return matches(selector, pod.labels());
    }

    /** Label selection as the Kubernetes API defines it, written here independently of the code under test. */
    private static boolean matches(LabelSelector selector, Map<String, String> labels) {
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

    /**
     * Public, private and IPv6 addresses, the first and an inner address of every range a flow
     * names, and the probes of the declared externals.
     */
    private List<String> extraAddresses() {
        Set<String> addresses = new LinkedHashSet<>(List.of("8.8.8.8", "192.168.77.7", "2001:db8::7"));
        addresses.addAll(nodeLocalDns());
        declared.probes().forEach(ip -> addresses.add(ip.toString()));
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

    /** Both ends of every flow's ranges and one past them, tier ports, DNS, and ports of every protocol that nothing names. */
    private void collectPorts() {
        for (Flow flow : model.flows()) {
            for (FlowPort port : flow.ports()) {
                if (port instanceof PortRange range) {
                    ports.add(PortRange.single(range.protocol(), range.first()));
                    ports.add(PortRange.single(range.protocol(), range.last()));
                    if (range.last() < PortSet.MAX_PORT) {
                        ports.add(PortRange.single(range.protocol(), range.last() + 1));
                    }
                }
            }
        }
        // container port names: every number a pod gives a name, and the same number of the other protocols
        for (Endpoint endpoint : endpoints) {
            if (endpoint instanceof Pod pod) {
                for (NamedPort named : pod.namedPorts().values()) {
                    for (dev.netc.model.Protocol protocol : dev.netc.model.Protocol.values()) {
                        ports.add(PortRange.single(protocol, named.port()));
                    }
                }
            }
        }
        for (Namespace namespace : model.namespaces()) {
            namespace
                    .tiers()
                    .forEach(t -> t.ports()
                            .forEach(p -> ports.add(PortRange.single(
                                    p.range().protocol(), p.range().first()))));
        }
        ports.add(PortRange.single(dev.netc.model.Protocol.UDP, 53));
        ports.add(PortRange.single(dev.netc.model.Protocol.TCP, 53));
        for (dev.netc.model.Protocol protocol : dev.netc.model.Protocol.values()) {
            ports.add(PortRange.single(protocol, 12345));
        }
    }
}
