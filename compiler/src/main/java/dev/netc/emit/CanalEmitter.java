package dev.netc.emit;

import dev.netc.model.Canal;
import dev.netc.model.Cluster;
import dev.netc.model.Node.Interface;
import dev.netc.net.IpAddress;
import dev.netc.yaml.Yaml;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Canal settings as RKE2 really reads them: a HelmChartConfig named {@code rke2-canal} in
 * kube-system whose {@code valuesContent} overrides the chart's values. (A ConfigMap named
 * {@code canal-config} is read by nothing in RKE2; it is only emitted on request.)
 */
public final class CanalEmitter {
    /** File name in the server manifests folder; {@code rke2-canal.yaml} would be overwritten by RKE2. */
    public static final String MANIFEST_FILE = "rke2-canal-config.yaml";

    private CanalEmitter() {
    }

    /**
     * The HelmChartConfig, when there is something to say: a `canal` block, or kube-proxy in
     * nftables mode, which Canal must follow (RKE2's basic network options).
     */
    public static Optional<Node> helmChartConfig(Cluster cluster) {
        boolean nftables = usesNftables(cluster);
        if (cluster.canal().isEmpty() && !nftables) {
            return Optional.empty();
        }
        return Optional.of(Yaml.map()
                .put("apiVersion", "helm.cattle.io/v1")
                .put("kind", "HelmChartConfig")
                .put("metadata", Yaml.map().put("name", "rke2-canal").put("namespace", "kube-system").build())
                .put("spec", Yaml.map().put("valuesContent", Yaml.literal(Yaml.write(values(cluster, nftables)))).build())
                .build());
    }

    private static boolean usesNftables(Cluster cluster) {
        return cluster.cni().contains("canal") && cluster.kubeProxy().filter(k -> k.mode().equals("nftables")).isPresent();
    }

    private static Node values(Cluster cluster, boolean nftables) {
        Yaml.MapBuilder flannel = Yaml.map();
        Yaml.MapBuilder calico = Yaml.map();
        cluster.canal().ifPresent(canal -> {
            Set<String> interfaceNames = interfaceNames(cluster, canal);
            if (interfaceNames.size() == 1) {
                flannel.put("iface", Yaml.quoted(interfaceNames.iterator().next()));
            } else if (interfaceNames.size() > 1) {
                // One cluster-wide value: names that differ per node need the regex form.
                String alternatives = String.join("|",
                        interfaceNames.stream().map(Pattern::quote).map(CanalEmitter::plainRegex).toList());
                flannel.put("regexIface", Yaml.quoted("^(" + alternatives + ")$"));
            }
            flannel.put("backend", Yaml.quoted(canal.backend().chartValue()));
            canal.port().ifPresent(port -> flannel.put("backendPort", Yaml.number(port)));
            canal.vni().ifPresent(vni -> flannel.put("vni", Yaml.number(vni)));
            vethMtu(cluster, canal).ifPresent(mtu -> calico.put("vethuMTU", Yaml.number(mtu)));
        });
        if (nftables) {
            flannel.put("enableNFTables", Yaml.bool(true));
            calico.put("felixIptablesBackend", Yaml.quoted("nft"));
        }
        Yaml.MapBuilder values = Yaml.map().put("flannel", flannel.build());
        if (!calico.isEmpty()) {
            values.put("calico", calico.build());
        }
        return values.build();
    }

    /** Interface names are letters, digits and a few marks; write them without \Q...\E where possible. */
    private static String plainRegex(String quoted) {
        String name = quoted.substring(2, quoted.length() - 2);
        return name.matches("[A-Za-z0-9_-]+") ? name : quoted;
    }

    /** The pod MTU: as given, or the underlay MTU minus the backend's encapsulation overhead. */
    public static OptionalInt vethMtu(Cluster cluster, Canal canal) {
        if (canal.mtu().isPresent()) {
            return canal.mtu();
        }
        boolean ipv6 = cluster.podCidrs().stream().anyMatch(c -> c.family() == IpAddress.Family.V6);
        return canal.network().map(n -> n.mtu()).filter(OptionalInt::isPresent)
                .map(m -> OptionalInt.of(m.getAsInt() - canal.backend().overhead(ipv6))).orElse(OptionalInt.empty());
    }

    private static Set<String> interfaceNames(Cluster cluster, Canal canal) {
        Set<String> names = new LinkedHashSet<>();
        if (canal.network().isEmpty()) {
            return names;
        }
        String network = canal.network().get().name();
        for (dev.netc.model.Node node : cluster.nodes()) {
            node.interfaces().stream().filter(i -> i.network().name().equals(network)).map(Interface::name)
                    .findFirst().ifPresent(names::add);
        }
        return names;
    }

    /**
     * The seed-style ConfigMap, for users migrating from it. RKE2's Canal chart reads only
     * {@code rke2-canal-config}, which it owns; this one changes nothing on a node.
     */
    public static Optional<Node> legacyConfigMap(Cluster cluster) {
        return cluster.canal().map(canal -> {
            Yaml.MapBuilder data = Yaml.map();
            Set<String> names = interfaceNames(cluster, canal);
            if (names.size() == 1) {
                data.put("canal_iface", Yaml.quoted(names.iterator().next()));
            }
            vethMtu(cluster, canal).ifPresent(mtu -> data.put("veth_mtu", Yaml.quoted(String.valueOf(mtu))));
            return Yaml.map()
                    .put("apiVersion", "v1")
                    .put("kind", "ConfigMap")
                    .put("metadata", Yaml.map().put("name", "canal-config").put("namespace", "kube-system")
                            .put("annotations", Yaml.map().put("netc.dev/note",
                                    "not read by RKE2; the effective settings are in HelmChartConfig rke2-canal").build())
                            .build())
                    .put("data", data.build())
                    .build();
        });
    }
}
