package dev.netc.emit;

import dev.netc.model.Flow;
import dev.netc.model.LabelSelector;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import dev.netc.model.Tier;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Namespaces and NetworkPolicies.
 *
 * <p>Per namespace: a default-deny policy per isolated direction, DNS egress where egress is
 * isolated, one policy for flows of the namespace as a whole ({@code all-pods}), and one
 * policy per tier with both the ingress and the egress rules of its flows. A flow adds a rule
 * only on a side that is isolated: elsewhere everything is allowed already, and a rule there
 * would isolate the pod as a side effect.
 */
public final class PolicyEmitter {
    static final String DEFAULT_DENY_INGRESS = "default-deny-ingress";
    static final String DEFAULT_DENY_EGRESS = "default-deny-egress";
    static final String ALLOW_DNS_EGRESS = "allow-dns-egress";
    static final String ALL_PODS = "all-pods";
    static final String TIER_PREFIX = "tier-";

    private final Model model;
    private final Map<String, Namespace> namespaces = new LinkedHashMap<>();

    public PolicyEmitter(Model model) {
        this.model = model;
        model.namespaces().forEach(ns -> namespaces.put(ns.name(), ns));
    }

    /** The documents of each namespace that has any, by namespace name, in declaration order. */
    public Map<String, List<Node>> documents() {
        Map<String, List<Node>> result = new LinkedHashMap<>();
        for (Namespace namespace : model.namespaces()) {
            List<Node> documents = new ArrayList<>();
            if (namespace.managed()) {
                documents.add(namespaceObject(namespace));
            }
            documents.addAll(policies(namespace));
            if (!documents.isEmpty()) {
                result.put(namespace.name(), documents);
            }
        }
        return result;
    }

    private static Node namespaceObject(Namespace namespace) {
        Yaml.MapBuilder metadata = Yaml.map().put("name", namespace.name());
        if (!namespace.labels().isEmpty()) {
            metadata.put("labels", Selectors.labels(namespace.labels()));
        }
        return Yaml.map().put("apiVersion", "v1").put("kind", "Namespace").put("metadata", metadata.build()).build();
    }

    private List<Node> policies(Namespace namespace) {
        List<Node> policies = new ArrayList<>();
        if (namespace.isolateIngress()) {
            policies.add(policy(namespace.name(), DEFAULT_DENY_INGRESS, LabelSelector.ALL, List.of(), null));
        }
        if (namespace.isolateEgress()) {
            policies.add(policy(namespace.name(), DEFAULT_DENY_EGRESS, LabelSelector.ALL, null, List.of()));
            if (namespace.dns()) {
                policies.add(policy(namespace.name(), ALLOW_DNS_EGRESS, LabelSelector.ALL, null, List.of(dnsRule())));
            }
        }
        Rules wholeNamespace = new Rules();
        for (Flow flow : model.flows()) {
            if (namespace.isolateIngress() && targetsWholeNamespace(flow.to(), namespace)) {
                wholeNamespace.ingress.add(rule("from", peers(flow.from(), namespace.name()), flow.ports()));
            }
            if (namespace.isolateEgress() && targetsWholeNamespace(flow.from(), namespace)) {
                wholeNamespace.egress.add(rule("to", peers(flow.to(), namespace.name()), flow.ports()));
            }
        }
        wholeNamespace.toPolicy(namespace.name(), ALL_PODS, LabelSelector.ALL, false, false).ifPresent(policies::add);
        for (Tier tier : namespace.tiers()) {
            tierPolicy(namespace, tier).ifPresent(policies::add);
        }
        return policies;
    }

    private Optional<Node> tierPolicy(Namespace namespace, Tier tier) {
        Rules rules = new Rules();
        boolean ingressIsolated = namespace.isolateIngress() || tier.isolateIngress();
        boolean egressIsolated = namespace.isolateEgress() || tier.isolateEgress();
        for (Flow flow : model.flows()) {
            if (ingressIsolated && appliesTo(flow.to(), tier, namespace.isolateIngress())) {
                rules.ingress.add(rule("from", peers(flow.from(), namespace.name()), flow.ports()));
            }
            if (egressIsolated && appliesTo(flow.from(), tier, namespace.isolateEgress())) {
                rules.egress.add(rule("to", peers(flow.to(), namespace.name()), flow.ports()));
            }
        }
        // Isolation asked for on the tier alone: the tier's policy carries it, and DNS with it.
        boolean tierEgressOnly = tier.isolateEgress() && !namespace.isolateEgress();
        if (tierEgressOnly && namespace.dns()) {
            rules.egress.add(dnsRule());
        }
        return rules.toPolicy(namespace.name(), TIER_PREFIX + tier.name(), tier.pods(),
                tier.isolateIngress() && !namespace.isolateIngress(), tierEgressOnly);
    }

    /**
     * Whether a flow end is this tier's business: the tier itself, or, when only the tier (not
     * its namespace) is isolated, a whole-namespace end that includes it, since no namespace-wide
     * policy exists to carry that rule.
     */
    private static boolean appliesTo(Peer peer, Tier tier, boolean namespaceIsolated) {
        if (peer instanceof Peer.TierPeer t) {
            return t.tier().namespace().equals(tier.namespace()) && t.tier().name().equals(tier.name());
        }
        return !namespaceIsolated && (peer instanceof Peer.AllNamespaces
                || (peer instanceof Peer.NamespacePeer n && n.namespace().equals(tier.namespace())));
    }

    private static boolean targetsWholeNamespace(Peer peer, Namespace namespace) {
        return peer instanceof Peer.AllNamespaces
                || (peer instanceof Peer.NamespacePeer n && n.namespace().equals(namespace.name()));
    }

    /** The ingress and egress rules gathered for one policy, without duplicates. */
    private static final class Rules {
        final RuleSet ingress = new RuleSet();
        final RuleSet egress = new RuleSet();

        Optional<Node> toPolicy(String namespace, String name, LabelSelector pods, boolean forceIngress, boolean forceEgress) {
            boolean hasIngress = forceIngress || !ingress.isEmpty();
            boolean hasEgress = forceEgress || !egress.isEmpty();
            if (!hasIngress && !hasEgress) {
                return Optional.empty();
            }
            return Optional.of(policy(namespace, name, pods, hasIngress ? ingress.list() : null,
                    hasEgress ? egress.list() : null));
        }
    }

    /** Rules in insertion order; a rule equal (as YAML) to one already present is dropped. */
    private static final class RuleSet {
        private final Map<String, Node> rules = new LinkedHashMap<>();

        void add(Node rule) {
            rules.putIfAbsent(Yaml.write(rule), rule);
        }

        boolean isEmpty() {
            return rules.isEmpty();
        }

        List<Node> list() {
            return List.copyOf(rules.values());
        }
    }

    /** A policy; a null rule list leaves that direction out of {@code policyTypes}. */
    private static Node policy(String namespace, String name, LabelSelector pods, List<Node> ingress, List<Node> egress) {
        List<String> types = new ArrayList<>();
        Yaml.MapBuilder spec = Yaml.map().put("podSelector", Selectors.selector(pods));
        if (ingress != null) {
            types.add("Ingress");
        }
        if (egress != null) {
            types.add("Egress");
        }
        spec.put("policyTypes", Yaml.strings(types));
        if (ingress != null) {
            spec.put("ingress", Yaml.seq(ingress));
        }
        if (egress != null) {
            spec.put("egress", Yaml.seq(egress));
        }
        return Yaml.map()
                .put("apiVersion", "networking.k8s.io/v1")
                .put("kind", "NetworkPolicy")
                .put("metadata", Yaml.map().put("name", name).put("namespace", namespace).build())
                .put("spec", spec.build())
                .build();
    }

    private static Node rule(String direction, List<Node> peers, List<PortRange> ports) {
        Yaml.MapBuilder rule = Yaml.map().put(direction, Yaml.seq(peers));
        if (!ports.isEmpty()) {
            rule.put("ports", Yaml.seq(ports.stream().map(PolicyEmitter::port).toList()));
        }
        return rule.build();
    }

    private static Node port(PortRange range) {
        Yaml.MapBuilder port = Yaml.map().put("protocol", range.protocol().name()).put("port", Yaml.number(range.first()));
        if (!range.isSingle()) {
            port.put("endPort", Yaml.number(range.last()));
        }
        return port.build();
    }

    /** UDP and TCP 53 to CoreDNS (`k8s-app: kube-dns` in kube-system). */
    private static Node dnsRule() {
        Node coreDns = Yaml.map()
                .put("namespaceSelector", Selectors.namespace("kube-system"))
                .put("podSelector", Selectors.selector(LabelSelector.of("k8s-app", "kube-dns")))
                .build();
        return rule("to", List.of(coreDns), List.of(PortRange.single(Protocol.UDP, 53), PortRange.single(Protocol.TCP, 53)));
    }

    /** The peer elements that select {@code peer} from a policy in namespace {@code here}. */
    private static List<Node> peers(Peer peer, String here) {
        if (peer instanceof Peer.TierPeer t) {
            return List.of(pods(t.tier().namespace(), t.tier().pods(), here));
        } else if (peer instanceof Peer.NamespacePeer n) {
            return List.of(pods(n.namespace(), LabelSelector.ALL, here));
        } else if (peer instanceof Peer.AllNamespaces) {
            return List.of(Yaml.map().put("namespaceSelector", Yaml.map().build())
                    .put("podSelector", Yaml.map().build()).build());
        }
        Peer.Addresses addresses = (Peer.Addresses) peer;
        return addresses.blocks().stream().map(block -> {
            Yaml.MapBuilder ipBlock = Yaml.map().put("cidr", block.cidr().toString());
            if (!block.except().isEmpty()) {
                ipBlock.put("except", Yaml.strings(block.except().stream().map(Object::toString).toList()));
            }
            return Yaml.map().put("ipBlock", ipBlock.build()).build();
        }).toList();
    }

    /** Same namespace: a pod selector; another: namespace and pod selector in one element (AND). */
    private static Node pods(String namespace, LabelSelector selector, String here) {
        Yaml.MapBuilder element = Yaml.map();
        if (!namespace.equals(here)) {
            element.put("namespaceSelector", Selectors.namespace(namespace));
        }
        return element.put("podSelector", Selectors.selector(selector)).build();
    }
}
