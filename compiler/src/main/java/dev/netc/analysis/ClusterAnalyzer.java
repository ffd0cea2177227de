package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.consumers.ConsumerTables;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Canal;
import dev.netc.model.Cluster;
import dev.netc.model.CniSettings;
import dev.netc.model.KubeProxy;
import dev.netc.model.Network;
import dev.netc.model.Node;
import dev.netc.model.Proxy;
import dev.netc.model.Rke2Option;
import dev.netc.model.Secret;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.source.Span;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** The cluster block: addresses, token, Canal, kube-proxy, raw RKE2 options and the nodes. */
final class ClusterAnalyzer {
    static final List<Cidr> DEFAULT_PODS = List.of(cidr("10.42.0.0/16"));
    /** RKE2's cluster domain unless `domain` says otherwise. */
    static final String DEFAULT_DOMAIN = "cluster.local";

    static final List<Cidr> DEFAULT_SERVICES = List.of(cidr("10.43.0.0/16"));
    /** The CNIs RKE2 runs on their own; Multus, a meta-plugin, only in front of one of them. */
    private static final List<String> CNIS = withoutMultus(NetspecVocabulary.CNI_WORDS);

    private final Values values;
    private final Map<String, Network> networks;
    /** Whether the spec has MetalLB, which needs strict ARP with IPVS. */
    private final boolean metallb;

    private final SecretReader secretReader;
    /** WireGuard's pre-shared key, which the canal and flannel blocks read alike. */
    private final PresharedKey presharedKey;
    /** Where the nodes are declared and the networks used. */
    private final Bindings.Recorder bindings;

    private final DiagnosticSink sink;

    ClusterAnalyzer(
            Values values,
            Map<String, Network> networks,
            boolean metallb,
            SecretSource secrets,
            Bindings.Recorder bindings,
            DiagnosticSink sink) {
        this.bindings = bindings;
        this.values = values;
        this.networks = networks;
        this.metallb = metallb;
        this.secretReader = new SecretReader(values, secrets, sink);
        this.presharedKey = new PresharedKey(secretReader, sink);
        this.sink = sink;
    }

    Cluster analyze(Statement.Block block) {
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.CLUSTER, sink);
        String name =
                block.label() == null ? "cluster" : values.text(block.label()).orElse("cluster");
        Optional<Secret> token = new ClusterToken(values, secretReader, sink).read(block, reader.property("token"));
        List<AddressPlan.Range> podRanges = ranges(reader.property("pods"), "pod range", DEFAULT_PODS, block);
        List<AddressPlan.Range> serviceRanges =
                ranges(reader.property("services"), "service range", DEFAULT_SERVICES, block);
        List<Cidr> pods = podRanges.stream().map(AddressPlan.Range::cidr).toList();
        List<Cidr> services =
                serviceRanges.stream().map(AddressPlan.Range::cidr).toList();
        List<AddressPlan.Address> dnsAddresses = reader.property("dns")
                .map(p -> Properties.list(p, sink).stream()
                        .flatMap(v -> values.ip(v).map(ip -> new AddressPlan.Address(ip, v.span())).stream())
                        .toList())
                .orElse(
                        services.isEmpty()
                                ? List.of()
                                : List.of(new AddressPlan.Address(
                                        services.get(0).address().plus(10),
                                        block.kind().span())));
        List<IpAddress> dns =
                dnsAddresses.stream().map(AddressPlan.Address::address).toList();
        NodeFileText nodeFileText = new NodeFileText(sink);
        Optional<IpAddress> nodeLocalDns = reader.property("node-local-dns")
                .flatMap(p -> Properties.single(p, sink))
                .flatMap(values::ip);
        Optional<String> domain = reader.property("domain")
                .flatMap(p -> Properties.single(p, sink))
                .flatMap(v -> values.text(v)
                        .filter(text -> nodeFileText.check(text, v.span(), "`domain`"))
                        .filter(text -> certificateName(
                                CertificateNames.domainProblem(text), v, text, "domain", "cluster-domain")));
        List<String> cni = reader.property("cni").map(this::cni).orElse(List.of("canal"));
        List<String> tlsSans = reader.property("tls-san")
                .map(p -> Properties.list(p, sink).stream()
                        .flatMap(v -> values
                                .text(v)
                                .filter(text -> nodeFileText.check(text, v.span(), "`tls-san`"))
                                .filter(text ->
                                        certificateName(CertificateNames.problem(text), v, text, "tls-san", "tls-san"))
                                .stream())
                        .toList())
                .orElse(List.of());
        boolean ipv6 = pods.stream().anyMatch(c -> c.family() == IpAddress.Family.V6);
        Optional<Canal> canal = canal(reader.blocks("canal"), ipv6);
        canal.ifPresent(c -> checkCanalDeployed(reader.blocks("canal").get(0), cni));
        Optional<CniSettings> cniSettings =
                new CniSettingsAnalyzer(values, this::network, presharedKey, sink).analyze(reader, cni, ipv6);
        Optional<KubeProxy> kubeProxy = new KubeProxyAnalyzer(values, metallb, sink)
                .analyze(reader.property("kube-proxy"), reader.blocks("kube-proxy"));
        // RKE2 starts kube-proxy in iptables mode unless told otherwise
        String proxyMode = kubeProxy.map(KubeProxy::mode).orElse("iptables");
        Rke2Options rke2Options = new Rke2Options(values, new KubeProxyArgs(proxyMode, sink), sink);
        List<Rke2Option> rke2 = rke2Options.read(reader.statements(Statement.Rke2.class));
        kubeProxy.filter(k -> k.mode().equals("none")).ifPresent(k -> checkKubeProxyReplaced(reader, cni));

        NodeAnalyzer nodeAnalyzer = new NodeAnalyzer(values, networks, rke2Options, bindings, sink);
        List<Node> nodes = nodeAnalyzer.analyze(
                reader.blocks("node"),
                canal.flatMap(Canal::network).or(() -> cniSettings.flatMap(CniSettings::network)));
        checkSingleInit(block, nodes);
        new AddressPlan(sink).check(podRanges, serviceRanges, dnsAddresses, networkRanges(), nodes);
        checkExternalIpsWithCloudProvider(nodes, rke2);
        new Contradictions(sink)
                .check(
                        reader.statements(Statement.Rke2.class),
                        rke2,
                        cni,
                        reader::blocks,
                        kubeProxy.filter(k -> k.mode().equals("none")).flatMap(k -> kubeProxyWritten(reader)),
                        reader.blocks("node"));
        String controlPlaneHost = controlPlaneHost(block, reader, nodes);
        Optional<Proxy> proxy = new ProxyAnalyzer(values, sink)
                .analyze(
                        reader.blocks("proxy"),
                        new ProxyAnalyzer.Inside(
                                pods, services, networks.values(), controlPlaneHost, domain.orElse(DEFAULT_DOMAIN)));
        return new Cluster(
                name,
                token,
                controlPlaneHost,
                pods,
                services,
                dns,
                nodeLocalDns,
                domain,
                cni,
                tlsSans,
                canal,
                kubeProxy,
                nodes,
                rke2,
                proxy,
                new AirgapAnalyzer(values, sink).analyze(reader.blocks("airgap"), cni),
                cniSettings);
    }

    /**
     * provider-rke2's {@code control_plane_host}: the `server` property, or the init node's
     * address. The provider builds {@code https://HOST:9345} itself, so the host is bare and
     * cannot be an IPv6 literal, which would need brackets (K2).
     */
    private String controlPlaneHost(Statement.Block block, BlockReader reader, List<Node> nodes) {
        Optional<Statement.Property> property = reader.property("server");
        // `server vip ADDRESS`: an address that floats between the servers (kube-vip, keepalived)
        boolean floating = property.map(p -> p.groups().size() == 1
                        && p.groups().get(0).size() == 2
                        && p.groups().get(0).get(0) instanceof Value.Word word
                        && word.text().equals("vip"))
                .orElse(false);
        Optional<Value> server = floating
                ? Optional.of(property.get().groups().get(0).get(1))
                : property.flatMap(p -> Properties.single(p, sink));
        if (server.isPresent()) {
            String host = values.text(server.get()).orElse("");
            (floating ? ServerHost.floatingProblem(host, nodes) : ServerHost.problem(host, nodes))
                    .ifPresent(p -> sink.report(Diagnostic.of(
                                    Code.NS4018, server.get().span(), host, p)
                            .withNote("every server and agent that joins dials https://" + host
                                    + ":9345, and provider-rke2 adds the "
                                    + "host to the servers' certificate (tls-san); see server-address.tsv")
                            .withHelp("write the init node's IPv4 address, or a host name every node resolves, e.g. "
                                    + "`server api.site.example`")));
            return host;
        }
        Optional<Node> init =
                nodes.stream().filter(n -> n.role() == dev.netc.model.Role.INIT).findFirst();
        Optional<IpAddress> address = init.flatMap(n -> n.nodeIps().stream()
                .filter(ip -> ip.family() == IpAddress.Family.V4)
                .findFirst());
        if (init.isPresent() && address.isEmpty() && !init.get().nodeIps().isEmpty()) {
            sink.report(Diagnostic.of(
                            Code.NS4018,
                            block.kind().span(),
                            init.get().nodeIps().get(0),
                            "the init node has only IPv6 addresses, which the provider cannot put in a URL")
                    .withHelp("set `server` to a DNS name that resolves to the init node"));
        }
        if (address.isEmpty()
                && nodes.size() > 1
                && init.isPresent()
                && init.get().nodeIps().isEmpty()) {
            sink.report(Diagnostic.of(
                            Code.NS4018,
                            init.get().span(),
                            "",
                            "the init node has no address, so the joining nodes would dial `https://:9345`, which is "
                                    + "themselves")
                    .withHelp("give the init node an interface (`interface eth0 10.0.1.10 on lan`), or set `server` "
                            + "to a name every node resolves"));
        }
        return address.map(IpAddress::toString).orElse("");
    }

    /** Where the spec writes a kube-proxy mode: the `kube-proxy` property or block, if either. */
    private static Optional<Span> kubeProxyWritten(BlockReader reader) {
        return reader.property("kube-proxy")
                .map(Statement.Property::span)
                .or(() -> reader.blocks("kube-proxy").stream()
                        .map(b -> b.kind().span())
                        .findFirst());
    }

    /**
     * {@code kube-proxy none}: RKE2 runs no kube-proxy (disable-kube-proxy), so the CNI must implement
     * Services; of RKE2's CNIs only Cilium does, as its kube-proxy replacement (cni-chart-values.tsv).
     */
    private void checkKubeProxyReplaced(BlockReader reader, List<String> cni) {
        Span mode = kubeProxyWritten(reader).orElseThrow();
        if (!cni.contains("cilium")) {
            sink.report(Diagnostic.of(Code.NS4032, mode, String.join(", ", cni))
                    .withNote("of RKE2's CNIs only Cilium implements Services without kube-proxy")
                    .withHelp("write `cni cilium`, or keep kube-proxy (`kube-proxy nftables`)"));
        }
    }

    /** RKE2 refuses `node-external-ip` together with a cloud provider (K37). */
    private void checkExternalIpsWithCloudProvider(List<Node> nodes, List<Rke2Option> clusterOptions) {
        for (Node node : nodes) {
            List<Rke2Option> options = new ArrayList<>(clusterOptions);
            options.addAll(node.rke2());
            Optional<String> provider = options.stream()
                    .map(Rke2Option::key)
                    .filter(k -> k.equals("cloud-provider-name") || k.equals("cloud-provider-config"))
                    .findFirst();
            if (!node.externalIps().isEmpty() && provider.isPresent()) {
                sink.report(Diagnostic.of(Code.NS4020, node.span(), node.name(), provider.get())
                        .withNote(
                                "RKE2 exits at start-up: with a cloud provider the external address comes from the provider")
                        .withHelp("drop `external-ip` from the node, or the `" + provider.get() + "` option"));
            }
        }
    }

    /** False, reported, when the name cannot be in the API server's certificate. */
    private boolean certificateName(Optional<String> problem, Value value, String text, String property, String rule) {
        problem.ifPresent(p -> sink.report(Diagnostic.of(Code.NS2008, value.span(), "`" + property + "`", text, p)
                .withNote(Rke2ValueRules.rule(rule))));
        return problem.isEmpty();
    }

    /** The ranges a property lists, or RKE2's defaults (shown at the cluster keyword) when it is absent. */
    private List<AddressPlan.Range> ranges(
            Optional<Statement.Property> property, String kind, List<Cidr> defaults, Statement.Block block) {
        if (property.isEmpty()) {
            return defaults.stream()
                    .map(c -> new AddressPlan.Range(c, block.kind().span(), "the default " + kind))
                    .toList();
        }
        List<AddressPlan.Range> ranges = new ArrayList<>();
        SpecialAddresses special = new SpecialAddresses(sink);
        String use = kind.startsWith("pod") ? "pod" : "service";
        for (Value value : Properties.list(property.get(), sink)) {
            values.cidr(value)
                    .filter(cidr -> special.checkRange(cidr, value.span(), "the " + kind, use))
                    .ifPresent(cidr -> ranges.add(new AddressPlan.Range(cidr, value.span(), "the " + kind)));
        }
        return ranges;
    }

    private List<AddressPlan.Range> networkRanges() {
        return networks.values().stream()
                .flatMap(n ->
                        n.cidrs().stream().map(c -> new AddressPlan.Range(c, n.span(), "network `" + n.name() + "`")))
                .toList();
    }

    private List<String> cni(Statement.Property property) {
        List<String> cni = new ArrayList<>();
        for (Value value : Properties.list(property, sink)) {
            values.word(value, "a CNI name").ifPresent(word -> {
                if (NetspecVocabulary.CNI_WORDS.contains(word)) {
                    cni.add(word);
                    if (word.equals("flannel") || word.equals("none")) {
                        sink.report(Diagnostic.of(Code.NS3013, value.span(), word)
                                .withNote("flannel does not implement NetworkPolicy; with `none` it depends on the CNI "
                                        + "you install yourself")
                                .withHelp(
                                        "use `cni canal` (RKE2's default), `calico` or `cilium` to enforce the flows"));
                    }
                } else {
                    Diagnostic unknown = Diagnostic.of(Code.NS4013, value.span(), word);
                    sink.report(Suggest.didYouMean(unknown, word, CNIS)
                            .orElse(unknown.withNote(
                                    "RKE2 supports canal (default), calico, cilium, flannel and none")));
                }
            });
        }
        boolean oneCni = cni.size() == 1 && !cni.get(0).equals("multus");
        boolean multusFirst =
                cni.size() == 2 && cni.get(0).equals("multus") && !cni.get(1).equals("multus");
        if (!cni.isEmpty() && !oneCni && !multusFirst) {
            sink.report(Diagnostic.of(Code.NS4021, property.span(), String.join(", ", cni))
                    .withNote("RKE2 runs one CNI; only Multus may come in front of it, as a meta-plugin")
                    .withHelp(
                            cni.contains("multus")
                                    ? "write `cni multus, "
                                            + cni.stream()
                                                    .filter(c -> !c.equals("multus"))
                                                    .findFirst()
                                                    .orElse("canal") + "`"
                                    : "keep one of them"));
        }
        return cni;
    }

    private Optional<Canal> canal(List<Statement.Block> blocks, boolean ipv6) {
        if (blocks.isEmpty()) {
            return Optional.empty();
        }
        Statement.Block block = blocks.get(0);
        if (blocks.size() > 1) {
            sink.report(Diagnostic.of(Code.NS1002, blocks.get(1).kind().span(), "block", "canal")
                    .withSecondary(block.kind().span(), "first declared here"));
        }
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.CANAL, sink);
        Optional<Network> network =
                reader.property("on").flatMap(p -> Properties.single(p, sink)).flatMap(this::network);
        Canal.Backend backend = reader.property("backend")
                .flatMap(p -> Properties.single(p, sink))
                .flatMap(this::backend)
                .orElse(Canal.Backend.VXLAN);
        OptionalInt mtu = Properties.integer(reader.property("mtu"), values, sink, "an MTU", 68, 65535);
        OptionalInt port = Properties.integer(reader.property("port"), values, sink, "a port", 1, 65535);
        OptionalInt vni =
                Properties.integer(reader.property("vni"), values, sink, "a VXLAN network identifier", 1, 16777215);
        Optional<Secret> psk = presharedKey.read(reader, backend.chartValue());
        Canal canal = new Canal(network, backend, mtu, port, vni, psk);
        new CanalChecks(sink).check(canal, ipv6, block, reader);
        return Optional.of(canal);
    }

    /**
     * The canal block becomes HelmChartConfig rke2-canal, which helm-controller applies only to the
     * HelmChart of that name; RKE2 deploys it only for the CNIs bundled-cni-charts.tsv lists.
     */
    private void checkCanalDeployed(Statement.Block block, List<String> cni) {
        boolean deployed = ConsumerTables.BUNDLED_CHARTS.stream()
                .anyMatch(chart -> chart.chart().equals("rke2-canal") && cni.contains(chart.cni()));
        if (!deployed && !cni.isEmpty()) {
            sink.report(Diagnostic.of(Code.NS4026, block.kind().span(), "canal", String.join(", ", cni))
                    .withNote(
                            "helm-controller reads HelmChartConfig rke2-canal only for the HelmChart rke2-canal, which "
                                    + "RKE2 deploys only with `cni canal`: the interface, MTU and backend would be lost")
                    .withHelp("remove the `canal` block, or use `cni canal`"));
        }
    }

    private Optional<Network> network(Value value) {
        Optional<String> name = values.word(value, "a network name");
        name.ifPresent(n -> bindings.use(value.span(), Bindings.Kind.NETWORK, n));
        if (name.isPresent() && !networks.containsKey(name.get())) {
            Diagnostic missing = Diagnostic.of(Code.NS1001, value.span(), "network", name.get(), "");
            sink.report(
                    Suggest.didYouMean(missing, name.get(), networks.keySet()).orElse(missing));
            return Optional.empty();
        }
        return name.map(networks::get);
    }

    private Optional<Canal.Backend> backend(Value value) {
        Optional<String> word = values.word(value, "a Canal backend");
        Optional<Canal.Backend> backend = word.flatMap(Canal.Backend::byChartValue);
        if (word.isPresent() && backend.isEmpty()) {
            Diagnostic unknown = Diagnostic.of(Code.NS4009, value.span(), word.get());
            List<String> names = java.util.Arrays.stream(Canal.Backend.values())
                    .map(Canal.Backend::chartValue)
                    .toList();
            sink.report(Suggest.didYouMean(unknown, word.get(), names)
                    .orElse(unknown.withNote("flannel backends in Canal: " + String.join(", ", names))));
        }
        return backend;
    }

    private void checkSingleInit(Statement.Block block, List<Node> nodes) {
        List<Node> inits =
                nodes.stream().filter(n -> n.role() == dev.netc.model.Role.INIT).toList();
        if (!nodes.isEmpty() && inits.size() != 1) {
            Diagnostic diagnostic = Diagnostic.of(
                            Code.NS4006,
                            inits.isEmpty() ? block.kind().span() : inits.get(1).span(),
                            inits.size())
                    .withHelp("the `init` node starts the cluster and its etcd; other servers use `role controlplane`");
            sink.report(diagnostic);
        }
    }

    private static List<String> withoutMultus(List<String> cnis) {
        List<String> single = new ArrayList<>(cnis);
        single.remove("multus");
        return List.copyOf(single);
    }

    private static Cidr cidr(String text) {
        return ((Cidr.ParseResult.Ok) Cidr.parse(text)).cidr();
    }
}
