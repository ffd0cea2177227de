package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.consumers.ConsumerTables;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Network;
import dev.netc.model.Node;
import dev.netc.model.Rke2Option;
import dev.netc.model.Role;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.rke2.Rke2Key;
import dev.netc.rke2.Rke2KeyCatalogue;
import dev.netc.source.Span;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code node edge-1 { role worker; interface eth1 192.168.1.50 on data; external-ip 203.0.113.50 }} */
final class NodeAnalyzer {
    private final Values values;
    private final Map<String, Network> networks;
    private final Rke2Options rke2Options;
    /** Where nodes are declared and networks used. */
    private final Bindings.Recorder bindings;

    private final DiagnosticSink sink;
    /** Every node address seen so far and where: addresses must be unique across the cluster. */
    private final Map<IpAddress, Span> assigned = new HashMap<>();

    NodeAnalyzer(
            Values values,
            Map<String, Network> networks,
            Rke2Options rke2Options,
            Bindings.Recorder bindings,
            DiagnosticSink sink) {
        this.bindings = bindings;
        this.values = values;
        this.networks = networks;
        this.rke2Options = rke2Options;
        this.sink = sink;
    }

    List<Node> analyze(List<Statement.Block> blocks, Optional<Network> canalNetwork) {
        Map<String, Statement.Block> seen = new LinkedHashMap<>();
        List<Node> nodes = new ArrayList<>();
        for (Statement.Block block : blocks) {
            Optional<String> name = block.label() == null ? Optional.empty() : values.text(block.label());
            if (block.label() == null) {
                sink.report(Diagnostic.of(Code.NS2010, block.kind().span(), "a node", "a name")
                        .withHelp("write `node NAME { ... }`"));
            }
            if (name.isEmpty()) {
                continue;
            }
            Optional<String> problem = Labels.dnsLabelProblem(name.get());
            if (problem.isPresent()) {
                sink.report(Diagnostic.of(Code.NS2008, block.label().span(), "node", name.get(), problem.get()));
                continue;
            }
            Statement.Block previous = seen.putIfAbsent(name.get(), block);
            if (previous != null) {
                sink.report(Diagnostic.of(Code.NS1002, block.label().span(), "node", name.get())
                        .withSecondary(previous.label().span(), "first declared here"));
                continue;
            }
            bindings.declare(Bindings.Kind.NODE, name.get(), block.label().span(), block.span());
            node(name.get(), block, canalNetwork).ifPresent(nodes::add);
        }
        return nodes;
    }

    private Optional<Node> node(String name, Statement.Block block, Optional<Network> canalNetwork) {
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.NODE, sink);
        Optional<Role> role = role(block, reader);
        List<Node.Interface> interfaces = new ArrayList<>();
        for (Statement.Property property : reader.properties("interface")) {
            for (List<Value> group : property.groups()) {
                nodeInterface(group, property).ifPresent(interfaces::add);
            }
        }
        SpecialAddresses special = new SpecialAddresses(sink);
        List<IpAddress> externalIps = reader.property("external-ip")
                .map(p -> Properties.list(p, sink).stream()
                        .flatMap(
                                v -> values
                                        .ip(v)
                                        .filter(ip -> special.checkAddress(ip, v.span(), "external address", "node"))
                                        .stream())
                        .toList())
                .orElse(List.of());
        Optional<IpAddress> bindAddress = reader.property("bind-address")
                .flatMap(p -> Properties.single(p, sink))
                .flatMap(values::ip);
        List<Rke2Option> rke2 = rke2Options.read(reader.statements(Statement.Rke2.class));
        List<IpAddress> nodeIps = nodeIps(name, block, interfaces, canalNetwork);
        checkOneAddressPerFamily(name, block, nodeIps);
        role.filter(r -> !r.isServer())
                .ifPresent(r -> checkNoServerKeys(name, reader.statements(Statement.Rke2.class)));
        bindAddress.ifPresent(address ->
                checkBindAddress(address, reader.property("bind-address").get(), nodeIps));
        role.filter(Role::isServer)
                .ifPresent(r -> checkServerIdenticalKeys(name, reader.statements(Statement.Rke2.class)));
        return role.map(r -> new Node(name, r, interfaces, nodeIps, externalIps, bindAddress, rke2, block.span()));
    }

    /**
     * kubelet (and on servers the supervisor) listen on {@code bind-address}; an address the node
     * does not have stops them from binding, and the API server reaches kubelets at the node-ip
     * (notes/rke2-and-k3s.md: bind-address).
     */
    private void checkBindAddress(IpAddress address, Statement.Property property, List<IpAddress> nodeIps) {
        if (address.isUnspecified() || nodeIps.contains(address)) {
            return;
        }
        sink.report(Diagnostic.of(
                        Code.NS4027,
                        property.span(),
                        address,
                        nodeIps.stream().map(IpAddress::toString).collect(Collectors.joining(", ")))
                .withNote("kubelet listens there, and the API server and metrics-server reach it at the node-ip; an "
                        + "address the node does not own stops kubelet and the supervisor from binding")
                .withHelp(
                        nodeIps.isEmpty()
                                ? "leave `bind-address` out"
                                : "leave `bind-address` out, or use `" + nodeIps.get(0) + "` (or 0.0.0.0)"));
    }

    /** kubelet's {@code --node-ip} takes one address or one of each family, and exits on any other (rke2-value-rules.tsv). */
    private void checkOneAddressPerFamily(String name, Statement.Block block, List<IpAddress> nodeIps) {
        for (IpAddress.Family family : IpAddress.Family.values()) {
            List<String> ofFamily = nodeIps.stream()
                    .filter(ip -> ip.family() == family)
                    .map(IpAddress::toString)
                    .toList();
            if (ofFamily.size() > 1) {
                sink.report(Diagnostic.of(
                                Code.NS2023,
                                block.label().span(),
                                "node `" + name + "` would register with " + ofFamily.size() + " "
                                        + (family == IpAddress.Family.V4 ? "IPv4" : "IPv6")
                                        + " addresses (" + String.join(", ", ofFamily) + ")")
                        .withNote(Rke2ValueRules.rule("node-ip"))
                        .withHelp("give the interface netc takes the node-ip from one address of each family; put "
                                + "other addresses on an interface of their own"));
            }
        }
    }

    /**
     * An agent skips the keys only servers know, with a warning in its log (rke2-key-scope.tsv; k3s
     * configfilearg stripInvalidFlags): in a worker's block such a key would do nothing at all.
     */
    private void checkNoServerKeys(String node, List<Statement.Rke2> blocks) {
        for (Statement.Rke2 block : blocks) {
            for (Statement.Rke2Entry entry : block.entries()) {
                Rke2KeyCatalogue.find(entry.key().text())
                        .filter(key -> key.scope() == Rke2Key.Scope.SERVER)
                        .ifPresent(key -> sink.report(Diagnostic.of(
                                        Code.NS4033, entry.key().span(), key.name(), node)
                                .withNote("a worker runs `rke2 agent`, which skips the keys only servers know with a "
                                        + "warning in its log (rke2-key-scope.tsv; k3s-io/k3s@2a1e2e8 "
                                        + "pkg/configfilearg/parser.go:87-96)")
                                .withHelp("set it in the cluster's `rke2 { }` block, which netc writes to the servers, "
                                        + "or in a server's block")));
            }
        }
    }

    /**
     * Keys every server must share (rke2-server-identical-keys.tsv): RKE2 refuses a joining server
     * whose value differs, or the servers keep undoing each other's add-ons. A node-level value on a
     * server is exactly such a difference. A key netc writes itself is refused as such (NS4003).
     */
    private void checkServerIdenticalKeys(String node, List<Statement.Rke2> blocks) {
        for (Statement.Rke2 block : blocks) {
            for (Statement.Rke2Entry entry : block.entries()) {
                if (NetspecVocabulary.rke2KeySource(entry.key().text()) != null) {
                    continue;
                }
                ConsumerTables.SERVER_IDENTICAL_KEYS.stream()
                        .filter(k -> k.key().equals(entry.key().text()))
                        .findFirst()
                        .ifPresent(key -> sink.report(
                                Diagnostic.of(Code.NS4028, entry.key().span(), key.key(), node)
                                        .withNote("RKE2 compares it when a server joins: " + key.compared() + " ("
                                                + key.source() + ")")
                                        .withHelp("set `" + key.key()
                                                + "` in the cluster's `rke2 { }` block, for every node")));
            }
        }
    }

    private Optional<Role> role(Statement.Block block, BlockReader reader) {
        Optional<Statement.Property> property = reader.property("role");
        if (property.isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2010, block.label().span(), "a node", "a `role`")
                    .withHelp("add `role init`, `role controlplane` or `role worker`"));
            return Optional.empty();
        }
        Optional<Value> value = Properties.single(property.get(), sink);
        Optional<String> word = value.flatMap(v -> values.word(v, "a role"));
        if (word.isEmpty()) {
            return Optional.empty();
        }
        for (Role role : Role.values()) {
            if (role.yamlName().equals(word.get())) {
                return Optional.of(role);
            }
        }
        Diagnostic unknown = Diagnostic.of(Code.NS4005, value.get().span(), word.get())
                .withNote("provider-rke2 would silently treat an unknown role as `controlplane`");
        List<String> names = Arrays.stream(Role.values()).map(Role::yamlName).toList();
        sink.report(Suggest.didYouMean(unknown, word.get(), names)
                .orElse(unknown.withHelp("use `init`, `controlplane` or `worker`")));
        return Optional.empty();
    }

    /** {@code eth1 192.168.1.50 [fd00::50] on data} */
    private Optional<Node.Interface> nodeInterface(List<Value> group, Statement.Property property) {
        int on = -1;
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i) instanceof Value.Word w && w.text().equals("on")) {
                on = i;
            }
        }
        if (group.size() < 4 || on != group.size() - 2 || !(group.get(0) instanceof Value.Word)) {
            var span = group.isEmpty()
                    ? property.span()
                    : group.get(0).span().to(group.get(group.size() - 1).span());
            sink.report(Diagnostic.of(
                    Code.NS2009, span, "an interface such as `eth0 10.0.1.10 on mgmt`", "`" + span.text() + "`"));
            return Optional.empty();
        }
        Value.Word name = (Value.Word) group.get(0);
        Optional<String> nameProblem = interfaceNameProblem(name.text());
        if (nameProblem.isPresent()) {
            sink.report(Diagnostic.of(Code.NS2019, name.span(), name.text(), nameProblem.get()));
            return Optional.empty();
        }
        Value networkValue = group.get(group.size() - 1);
        Optional<String> networkName = values.word(networkValue, "a network name");
        if (networkName.isEmpty()) {
            return Optional.empty();
        }
        bindings.use(networkValue.span(), Bindings.Kind.NETWORK, networkName.get());
        Network network = networks.get(networkName.get());
        if (network == null) {
            Diagnostic missing = Diagnostic.of(Code.NS1001, networkValue.span(), "network", networkName.get(), "");
            sink.report(Suggest.didYouMean(missing, networkName.get(), networks.keySet())
                    .orElse(missing.withHelp("declare it: `network " + networkName.get() + " { cidr ...; mtu ... }`")));
            return Optional.empty();
        }
        List<IpAddress> addresses = new ArrayList<>();
        for (Value value : group.subList(1, on)) {
            values.ip(value).ifPresent(address -> {
                checkAddress(address, value.span(), name.text(), network);
                addresses.add(address);
            });
        }
        return Optional.of(new Node.Interface(name.text(), addresses, network));
    }

    /** A node address lies in its network, and no two interfaces share one. */
    private void checkAddress(IpAddress address, Span span, String interfaceName, Network network) {
        new SpecialAddresses(sink).checkAddress(address, span, "node address", "node");
        if (network.cidrs().stream().noneMatch(c -> c.contains(address))) {
            sink.report(
                    Diagnostic.of(
                                    Code.NS2024,
                                    span,
                                    address,
                                    interfaceName,
                                    network.name(),
                                    network.cidrs().stream().map(Cidr::toString).collect(Collectors.joining(", ")))
                            .withSecondary(network.span(), "network `" + network.name() + "` is declared here")
                            .withNote(
                                    "RKE2 registers the node with this address; other nodes reach it through the network's range"));
        }
        Span first = assigned.putIfAbsent(address, span);
        if (first != null) {
            sink.report(Diagnostic.of(Code.NS2025, span, address)
                    .withSecondary(first, "first used here")
                    .withNote("two machines with one address break ARP and the node registration of both"));
        }
    }

    /** Linux interface names: 1 to 15 bytes, no `/`, no whitespace, not `.` or `..`. */
    static Optional<String> interfaceNameProblem(String name) {
        if (name.isEmpty() || name.length() > 15) {
            return Optional.of("Linux interface names have 1 to 15 characters");
        }
        if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains(":")) {
            return Optional.of("Linux interface names cannot be `.`, `..` or contain `/` or `:`");
        }
        return Optional.empty();
    }

    private List<IpAddress> nodeIps(
            String name, Statement.Block block, List<Node.Interface> interfaces, Optional<Network> canalNetwork) {
        if (canalNetwork.isPresent()) {
            Optional<Node.Interface> onCanal = interfaces.stream()
                    .filter(i -> i.network().name().equals(canalNetwork.get().name()))
                    .findFirst();
            if (onCanal.isEmpty()) {
                sink.report(Diagnostic.of(
                                Code.NS4007,
                                block.label().span(),
                                name,
                                canalNetwork.get().name())
                        .withHelp("add `interface NAME ADDRESS on "
                                + canalNetwork.get().name() + "` to the node"));
                return List.of();
            }
            return onCanal.get().addresses();
        }
        return interfaces.isEmpty() ? List.of() : interfaces.get(0).addresses();
    }
}
