package dev.netc.graph;

import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.query.Connectivity;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.NamedEndpoint;
import dev.netc.query.NamedEndpoint.Kind;
import dev.netc.query.PortSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Who may connect to whom, as a graph: the edges are the effective connectivity of the emitted
 * policies (computed by evaluating their YAML, so DNS and every rule netc adds show up), drawn
 * only where a policy governs the pair (the source is isolated for egress or the destination
 * for ingress); pairs no policy governs allow everything and would hide the rest.
 *
 * <p>Nodes are the tiers of the spec's own namespaces, grouped by namespace (a namespace
 * without tiers is one node), the externals and address ranges that flows name, and any other
 * endpoint with an edge: another namespace's pods, CoreDNS, the pods of a namespace in none of
 * its tiers.
 */
public record Graph(List<Node> nodes, List<Edge> edges) {
    public Graph {
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /**
     * @param id unique, made of letters, digits and {@code _} only (safe in Mermaid and DOT)
     * @param label what to show: the tier's own name inside its namespace's group
     * @param namespace the group the node is drawn in; empty for externals and other namespaces
     */
    public record Node(String id, String name, String label, Kind kind, Optional<String> namespace) {}

    public record Edge(Node from, Node to, PortSet ports) {}

    public static Graph of(EmittedPolicies policies, Model model) {
        Set<String> drawnAddresses = new HashSet<>();
        model.flows().stream()
                .flatMap(f -> Stream.of(f.from(), f.to()))
                .filter(Peer.Addresses.class::isInstance)
                .forEach(p -> drawnAddresses.add(((Peer.Addresses) p).name()));
        List<Connectivity.Link> links = Connectivity.of(policies).restrictedLinks().stream()
                .filter(l -> drawn(l.from(), drawnAddresses) && drawn(l.to(), drawnAddresses))
                .toList();
        Set<String> linked = new HashSet<>();
        links.forEach(l -> {
            linked.add(l.from().name());
            linked.add(l.to().name());
        });
        Set<String> own = new HashSet<>();
        Set<String> withTiers = new HashSet<>();
        for (Namespace namespace : model.namespaces()) {
            if (!namespace.tiers().isEmpty()) {
                withTiers.add(namespace.name());
            }
            if (namespace.managed()) {
                namespace.tiers().forEach(t -> own.add(t.qualifiedName()));
                if (namespace.tiers().isEmpty()) {
                    own.add(namespace.name());
                }
            }
        }
        Map<String, Node> nodes = new LinkedHashMap<>();
        Set<String> ids = new HashSet<>();
        for (NamedEndpoint endpoint : policies.endpoints().all()) {
            if (own.contains(endpoint.name()) || linked.contains(endpoint.name())) {
                nodes.put(endpoint.name(), node(endpoint, withTiers, ids));
            }
        }
        List<Edge> edges = links.stream()
                .map(l -> new Edge(nodes.get(l.from().name()), nodes.get(l.to().name()), l.ports()))
                .toList();
        return new Graph(List.copyOf(nodes.values()), edges);
    }

    /** Nodes grouped by namespace, in order of first appearance; nodes outside any namespace under the empty key. */
    public Map<Optional<String>, List<Node>> groups() {
        Map<Optional<String>, List<Node>> groups = new LinkedHashMap<>();
        nodes.forEach(node ->
                groups.computeIfAbsent(node.namespace(), k -> new ArrayList<>()).add(node));
        return groups;
    }

    private static boolean drawn(NamedEndpoint endpoint, Set<String> drawnAddresses) {
        return endpoint.kind() != Kind.EXTERNAL || drawnAddresses.contains(endpoint.name());
    }

    private static Node node(NamedEndpoint endpoint, Set<String> withTiers, Set<String> ids) {
        Optional<String> group = endpoint.kind() == Kind.TIER || endpoint.kind() == Kind.NAMESPACE
                ? endpoint.namespace()
                : Optional.empty();
        String label = switch (endpoint.kind()) {
            case TIER -> endpoint.name().substring(endpoint.name().indexOf('.') + 1);
            case NAMESPACE -> withTiers.contains(endpoint.name()) ? "pods in no tier" : "all pods";
            default -> endpoint.name();
        };
        return new Node(uniqueId(endpoint, ids), endpoint.name(), label, endpoint.kind(), group);
    }

    /** A prefix by kind (so no id is a Mermaid keyword such as {@code end}), then the name with other characters as {@code _}. */
    private static String uniqueId(NamedEndpoint endpoint, Set<String> ids) {
        String prefix = switch (endpoint.kind()) {
            case TIER -> "t_";
            case NAMESPACE -> "ns_";
            case EXTERNAL, ADDRESS -> "x_";
            default -> "other_";
        };
        String base = prefix
                + endpoint.name()
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "_")
                        .replaceAll("^_|_$", "");
        String id = base;
        for (int i = 2; !ids.add(id); i++) {
            id = base + "_" + i;
        }
        return id;
    }
}
