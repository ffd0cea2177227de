package dev.netc.emit;

import dev.netc.model.Cluster;
import dev.netc.model.ContainerPort;
import dev.netc.model.FlowPort;
import dev.netc.model.LabelSelector;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.yaml.Yaml;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * One ingress or egress rule as a value: two rules are equal exactly when they are written as
 * the same YAML, so a set of them drops duplicates without writing any YAML.
 *
 * @param ports empty means every port and protocol
 */
record PolicyRule(List<PeerElement> peers, List<FlowPort> ports) {
    PolicyRule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    /** One element of a rule's {@code from} or {@code to} list. */
    sealed interface PeerElement {
        Node yaml();
    }

    /**
     * Pods chosen by labels; with a namespace, pods of that namespace (namespace and pod
     * selector in one element, so both must match).
     *
     * @param labelOrder the order of {@code matchLabels}, which reaches the YAML but not the
     *     selector's equality
     */
    record Pods(Optional<String> namespace, LabelSelector selector, List<String> labelOrder) implements PeerElement {
        Pods(Optional<String> namespace, LabelSelector selector) {
            this(namespace, selector, List.copyOf(selector.matchLabels().keySet()));
        }

        @Override
        public Node yaml() {
            Yaml.MapBuilder element = Yaml.map();
            namespace.ifPresent(name -> element.put("namespaceSelector", Selectors.namespace(name)));
            return element.put("podSelector", Selectors.selector(selector)).build();
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof Pods that
                    && Objects.equals(namespace, that.namespace)
                    && Objects.equals(selector, that.selector)
                    && Objects.equals(labelOrder, that.labelOrder);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Objects.hashCode(namespace) + Objects.hashCode(selector)) + Objects.hashCode(labelOrder);
        }
    }

    /** Every pod of every namespace. */
    record EveryPod() implements PeerElement {
        @Override
        public Node yaml() {
            return Yaml.map()
                    .put("namespaceSelector", Yaml.map().build())
                    .put("podSelector", Yaml.map().build())
                    .build();
        }
    }

    /**
     * Pods chosen by labels in namespaces chosen by labels (both selectors in one element, so
     * both must match); namespaces named after {@code except} are left out by their name label.
     */
    record Chosen(Peer.SelectedNamespaces selection) implements PeerElement {
        @Override
        public Node yaml() {
            LabelSelector namespaces = selection.namespaces();
            List<LabelSelector.Requirement> expressions = new java.util.ArrayList<>(namespaces.expressions());
            if (!selection.except().isEmpty()) {
                expressions.add(
                        new LabelSelector.Requirement(Selectors.NAMESPACE_NAME_LABEL, "NotIn", selection.except()));
            }
            return Yaml.map()
                    .put(
                            "namespaceSelector",
                            Selectors.selector(new LabelSelector(namespaces.matchLabels(), expressions)))
                    .put("podSelector", Selectors.selector(selection.pods()))
                    .build();
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof Chosen that && Objects.equals(selection, that.selection);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(selection);
        }
    }

    /** Addresses. */
    record Block(Peer.IpBlock block) implements PeerElement {
        @Override
        public Node yaml() {
            Yaml.MapBuilder ipBlock = Yaml.map().put("cidr", block.cidr().toString());
            if (!block.except().isEmpty()) {
                ipBlock.put(
                        "except",
                        Yaml.strings(
                                block.except().stream().map(Object::toString).toList()));
            }
            return Yaml.map().put("ipBlock", ipBlock.build()).build();
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof Block that && Objects.equals(block, that.block);
        }

        @Override
        public int hashCode() {
            return Objects.hashCode(block);
        }
    }

    /** A rule that admits {@code peer} on {@code ports}, in a policy of namespace {@code here}. */
    static PolicyRule towards(Peer peer, String here, List<FlowPort> ports) {
        return new PolicyRule(elements(peer, here), ports);
    }

    /**
     * UDP and TCP 53 to CoreDNS ({@code k8s-app: kube-dns} in kube-system), from any namespace; with
     * NodeLocal DNSCache also to its address and to the cluster DNS addresses as such: the cache
     * runs in the host network, where no pod selector reaches it, and answers on both (with
     * kube-proxy in iptables mode it takes over the cluster DNS address on each node).
     */
    static PolicyRule dns(Optional<Cluster> cluster) {
        List<PeerElement> peers = new java.util.ArrayList<>();
        peers.add(new Pods(Optional.of("kube-system"), LabelSelector.of("k8s-app", "kube-dns")));
        cluster.flatMap(Cluster::nodeLocalDns).ifPresent(nodeLocal -> {
            java.util.Set<IpAddress> addresses = new java.util.LinkedHashSet<>();
            addresses.add(nodeLocal);
            addresses.addAll(cluster.get().clusterDns());
            addresses.forEach(ip -> peers.add(new Block(new Peer.IpBlock(Cidr.host(ip), List.of()))));
        });
        return new PolicyRule(peers, List.of(PortRange.single(Protocol.UDP, 53), PortRange.single(Protocol.TCP, 53)));
    }

    /**
     * The rule as YAML, with the peers under {@code from} (ingress) or {@code to} (egress); a rule
     * without peers (everyone) leaves the key out, which the API reads as any source or destination.
     */
    Node yaml(String peersKey) {
        Yaml.MapBuilder rule = Yaml.map();
        if (!peers.isEmpty()) {
            rule.put(peersKey, Yaml.seq(peers.stream().map(PeerElement::yaml).toList()));
        }
        if (!ports.isEmpty()) {
            rule.put("ports", Yaml.seq(ports.stream().map(PolicyRule::port).toList()));
        }
        return rule.build();
    }

    /**
     * A port as the API takes it, always with its protocol: every port of a protocol as the
     * protocol alone (no {@code endPort}, which some CNIs ignore), a range with {@code endPort}, a
     * container port by its name (a string: quoted where YAML 1.1 would read it as something else).
     */
    private static Node port(FlowPort flowPort) {
        Yaml.MapBuilder port = Yaml.map().put("protocol", flowPort.protocol().name());
        return flowPort.accept(new FlowPort.Visitor<Node>() {
            @Override
            public Node numbers(PortRange range) {
                if (!range.isAll()) {
                    port.put("port", Yaml.number(range.first()));
                    if (!range.isSingle()) {
                        port.put("endPort", Yaml.number(range.last()));
                    }
                }
                return port.build();
            }

            @Override
            public Node containerPort(ContainerPort named) {
                return port.put("port", Yaml.string(named.name())).build();
            }
        });
    }

    /** Same namespace: a pod selector; another: namespace and pod selector in one element (AND). */
    private static List<PeerElement> elements(Peer peer, String here) {
        return peer.accept(new Peer.Visitor<>() {
            @Override
            public List<PeerElement> tier(Peer.TierPeer t) {
                return List.of(pods(t.tier().namespace(), t.tier().pods(), here));
            }

            @Override
            public List<PeerElement> namespace(Peer.NamespacePeer n) {
                return List.of(pods(n.namespace(), LabelSelector.ALL, here));
            }

            @Override
            public List<PeerElement> allNamespaces(Peer.AllNamespaces all) {
                return List.of(new EveryPod());
            }

            @Override
            public List<PeerElement> addresses(Peer.Addresses addresses) {
                return addresses.blocks().stream().<PeerElement>map(Block::new).toList();
            }

            @Override
            public List<PeerElement> selectedNamespaces(Peer.SelectedNamespaces selected) {
                return List.of(new Chosen(selected));
            }

            @Override
            public List<PeerElement> everyone(Peer.Everyone everyone) {
                return List.of(); // no peers: anyone, in the form every CNI reads the same way
            }
        });
    }

    private static PeerElement pods(String namespace, LabelSelector selector, String here) {
        return new Pods(namespace.equals(here) ? Optional.empty() : Optional.of(namespace), selector);
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof PolicyRule that
                && Objects.equals(peers, that.peers)
                && Objects.equals(ports, that.ports);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(peers) + Objects.hashCode(ports);
    }
}
