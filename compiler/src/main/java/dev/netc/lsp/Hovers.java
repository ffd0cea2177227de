package dev.netc.lsp;

import dev.netc.analysis.Bindings;
import dev.netc.ast.Statement;
import dev.netc.emit.CanalEmitter;
import dev.netc.model.Canal;
import dev.netc.model.Cluster;
import dev.netc.model.LabelSelector;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Node;
import dev.netc.model.Peer;
import dev.netc.model.Tier;
import dev.netc.rke2.Rke2Key;
import dev.netc.rke2.Rke2KeyCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What hovering over a name shows: its declaration, and what the compiler derived from it
 * (what a tier selects, a port's number and protocol, an external's address ranges, a node's
 * settings), in Markdown.
 */
final class Hovers {
    private final Model model;

    Hovers(Model model) {
        this.model = model;
    }

    String describe(Bindings.Declaration symbol) {
        String title = "**" + symbol.kind().keyword() + "** `" + symbol.name() + "`";
        List<String> lines = switch (symbol.kind()) {
            case TIER -> tier(symbol);
            case TIER_PORT -> tierPort(symbol);
            case PORT_CONSTANT -> portConstant(symbol);
            case EXTERNAL -> external(symbol);
            case NODE -> node(symbol);
            case NETWORK -> network(symbol);
            case NAMESPACE -> namespace(symbol);
            case CLUSTER -> cluster();
            case PARAM, MODULE ->
                List.of("`" + symbol.span().text().lines().findFirst().orElse("") + "`");
        };
        return title + "\n\n" + String.join("\n\n", lines);
    }

    /** A form of the language in a flow ({@code everyone}, {@code namespaces ...}, {@code tcp}, ...) and what it means there. */
    static String form(Bindings.Form form) {
        return "**" + form.title() + "**\n\n" + form.meaning();
    }

    /** The catalogue entry of an RKE2 key: type, where it applies, default, what it does. */
    static String rke2Key(Rke2Key key) {
        String scope = key.scope() == Rke2Key.Scope.SERVER ? "server nodes only" : "servers and agents";
        String lines = "**rke2** `" + key.name() + "`: "
                + key.type().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ", " + scope
                + (key.defaultValue().isEmpty() ? "" : ", default `" + key.defaultValue() + "`");
        return lines + "\n\n" + key.description();
    }

    static Optional<String> rke2Key(String name) {
        return Rke2KeyCatalogue.find(name).map(Hovers::rke2Key);
    }

    private List<String> tier(Bindings.Declaration symbol) {
        return findTier(symbol.name())
                .map(tier -> {
                    List<String> lines = new ArrayList<>();
                    lines.add("selects pods " + selector(tier.pods()) + " in namespace `" + tier.namespace() + "`");
                    lines.add(
                            tier.ports().isEmpty()
                                    ? "accepts flows on any port"
                                    : "ports: "
                                            + tier.ports().stream()
                                                    .map(p -> "`" + p.name() + "` " + p.range())
                                                    .collect(Collectors.joining(", ")));
                    namespace(tier.namespace())
                            .ifPresent(
                                    ns -> lines.add(isolation(ns.isolatesIngressOf(tier), ns.isolatesEgressOf(tier))));
                    return lines;
                })
                .orElse(List.of());
    }

    private List<String> tierPort(Bindings.Declaration symbol) {
        String tierName = symbol.name().substring(0, symbol.name().lastIndexOf(':'));
        return findTier(tierName)
                .flatMap(tier -> tier.ports().stream()
                        .filter(p -> p.name().equals(symbol.shortName()))
                        .findFirst())
                .map(port -> List.of(port.range().protocol().name() + " port "
                        + (port.range().isSingle()
                                ? port.range().first()
                                : port.range().first() + " to " + port.range().last())
                        + " (`" + port.range() + "`) of tier `" + tierName + "`"))
                .orElse(List.of());
    }

    private List<String> portConstant(Bindings.Declaration symbol) {
        // the constant as written: its ports are literal specs such as 53/udp
        String ports = symbol.span().text().replaceFirst("(?s)^.*?=\\s*", "").strip();
        return List.of("`" + ports + "`");
    }

    private List<String> external(Bindings.Declaration symbol) {
        Optional<Peer.Addresses> resolved = model.flows().stream()
                .flatMap(f -> java.util.stream.Stream.of(f.from(), f.to()))
                .filter(p -> p instanceof Peer.Addresses a && a.name().equals(symbol.name()))
                .map(Peer.Addresses.class::cast)
                .findFirst();
        if (resolved.isEmpty()) {
            return List.of(
                    "`" + symbol.span().text() + "`",
                    "(no flow uses it: its address ranges are resolved when one does)");
        }
        return List.of("address ranges:\n"
                + resolved.get().blocks().stream()
                        .map(b -> "- `" + b.cidr() + "`"
                                + (b.except().isEmpty()
                                        ? ""
                                        : " except "
                                                + b.except().stream()
                                                        .map(c -> "`" + c + "`")
                                                        .collect(Collectors.joining(", "))))
                        .collect(Collectors.joining("\n")));
    }

    private List<String> node(Bindings.Declaration symbol) {
        Optional<Cluster> cluster = model.cluster();
        Optional<Node> found = cluster.flatMap(c ->
                c.nodes().stream().filter(n -> n.name().equals(symbol.name())).findFirst());
        if (found.isEmpty()) {
            return List.of();
        }
        Node node = found.get();
        List<String> lines = new ArrayList<>();
        lines.add("role `" + node.role().yamlName() + "` (" + (node.role().isServer() ? "server" : "agent") + ")");
        lines.add("node-ip: " + join(node.nodeIps()));
        if (!node.externalIps().isEmpty()) {
            lines.add("node-external-ip: " + join(node.externalIps()));
        }
        node.bindAddress().ifPresent(address -> lines.add("bind-address: `" + address + "`"));
        for (Node.Interface nic : node.interfaces()) {
            lines.add("interface `" + nic.name() + "` " + join(nic.addresses()) + " on `"
                    + nic.network().name() + "`");
        }
        cluster.get()
                .canal()
                .flatMap(Canal::network)
                .flatMap(network -> node.interfaces().stream()
                        .filter(nic -> nic.network().name().equals(network.name()))
                        .findFirst())
                .ifPresent(nic -> lines.add("Canal (flannel) uses `" + nic.name() + "`"));
        if (!node.rke2().isEmpty()) {
            lines.add("RKE2 options of its own: "
                    + node.rke2().stream().map(o -> "`" + o.key() + "`").collect(Collectors.joining(", ")));
        }
        return lines;
    }

    private List<String> network(Bindings.Declaration symbol) {
        List<String> lines = new ArrayList<>();
        lines.add("`" + symbol.span().text() + "`");
        model.cluster()
                .ifPresent(cluster -> cluster.canal()
                        .ifPresent(canal -> canal.network()
                                .filter(n -> n.name().equals(symbol.name()))
                                .ifPresent(n -> {
                                    var mtu = CanalEmitter.vethMtu(cluster, canal);
                                    lines.add("Canal runs on this network ("
                                            + canal.backend().chartValue() + ")"
                                            + (mtu.isPresent() ? ": pod MTU " + mtu.getAsInt() : ""));
                                })));
        return lines;
    }

    private List<String> namespace(Bindings.Declaration symbol) {
        return namespace(symbol.name())
                .map(ns -> {
                    List<String> lines = new ArrayList<>();
                    if (!ns.labels().isEmpty()) {
                        lines.add("labels: "
                                + ns.labels().entrySet().stream()
                                        .map(e -> "`" + e.getKey() + "=" + e.getValue() + "`")
                                        .collect(Collectors.joining(", ")));
                    }
                    if (!ns.ownedByOthers()) {
                        lines.add(isolation(ns.isolateIngress(), ns.isolateEgress())
                                + (ns.isolateEgress() && !ns.dns() ? ", no DNS egress" : ""));
                    }
                    lines.add("tiers: "
                            + (ns.tiers().isEmpty()
                                    ? "none"
                                    : ns.tiers().stream()
                                            .map(t -> "`" + t.name() + "`")
                                            .collect(Collectors.joining(", "))));
                    if (ns.ownedByOthers()) {
                        lines.add("owned by others: netc writes nothing into it, neither the Namespace nor policies; "
                                + "flows name its pods");
                    } else if (!ns.managed()) {
                        lines.add("netc writes no Namespace object for it (Kubernetes creates it), only its policies");
                    }
                    return lines;
                })
                .orElse(List.of());
    }

    private List<String> cluster() {
        return model.cluster()
                .map(c -> List.of(
                        "server `" + c.controlPlaneHost() + "`",
                        "pods " + join(c.podCidrs()) + ", services " + join(c.serviceCidrs()) + ", cluster DNS "
                                + join(c.clusterDns()),
                        "CNI " + String.join(", ", c.cni())
                                + (c.kubeProxy().isPresent()
                                        ? ", kube-proxy " + c.kubeProxy().get().mode()
                                        : ""),
                        c.nodes().size() + " nodes, " + c.servers().size() + " of them servers"))
                .orElse(List.of());
    }

    private static String isolation(boolean ingress, boolean egress) {
        if (ingress && egress) {
            return "isolated for ingress and egress";
        }
        return ingress ? "isolated for ingress" : egress ? "isolated for egress" : "not isolated";
    }

    /** A selector as written in netspec: {@code tier=web, env in (a, b), !legacy}; {@code *} for all pods. */
    private static String selector(LabelSelector selector) {
        return selector.isEmpty() ? "`*` (every pod)" : "`" + selector.text() + "`";
    }

    private Optional<Tier> findTier(String qualified) {
        int dot = qualified.indexOf('.');
        return namespace(qualified.substring(0, dot))
                .flatMap(ns -> ns.tiers().stream()
                        .filter(t -> t.name().equals(qualified.substring(dot + 1)))
                        .findFirst());
    }

    private Optional<Namespace> namespace(String name) {
        return model.namespaces().stream().filter(ns -> ns.name().equals(name)).findFirst();
    }

    private static String join(List<?> values) {
        return values.isEmpty()
                ? "none"
                : values.stream().map(v -> "`" + v + "`").collect(Collectors.joining(", "));
    }

    /** The RKE2 entry whose key is at an offset of the statements, if any. */
    static Optional<Statement.Rke2Entry> rke2EntryAt(
            List<Statement> statements, dev.netc.source.SourceFile file, int offset) {
        for (Statement statement : statements) {
            if (statement instanceof Statement.Rke2 rke2) {
                Optional<Statement.Rke2Entry> entry = rke2.entries().stream()
                        .filter(e -> Positions.contains(e.key().span(), file, offset))
                        .findFirst();
                if (entry.isPresent()) {
                    return entry;
                }
            } else if (statement instanceof Statement.Block block) {
                Optional<Statement.Rke2Entry> entry = rke2EntryAt(block.body(), file, offset);
                if (entry.isPresent()) {
                    return entry;
                }
            }
        }
        return Optional.empty();
    }
}
