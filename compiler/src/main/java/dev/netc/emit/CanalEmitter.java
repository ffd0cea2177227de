package dev.netc.emit;

import dev.netc.model.Canal;
import dev.netc.model.Cluster;
import dev.netc.model.Network;
import dev.netc.net.IpAddress;
import dev.netc.yaml.Yaml;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * Canal settings as RKE2 really reads them: values of the rke2-canal chart, which
 * {@link ChartConfigEmitter} writes into a HelmChartConfig. (A ConfigMap named {@code canal-config}
 * is read by nothing in RKE2; it is only emitted on request.)
 */
public final class CanalEmitter {
    private CanalEmitter() {}

    /** The rke2-canal chart's values the {@code canal} block says (none without one). */
    static ChartValues values(Cluster cluster) {
        ChartValues values = new ChartValues();
        cluster.canal().ifPresent(canal -> {
            Set<String> interfaceNames = interfaceNames(cluster, canal);
            if (interfaceNames.size() == 1) {
                values.put(
                        "flannel.iface", Yaml.quoted(interfaceNames.iterator().next()));
            } else if (interfaceNames.size() > 1) {
                // One cluster-wide value: names that differ per node need the regex form.
                values.put("flannel.regexIface", Yaml.quoted(InterfaceNames.regex(interfaceNames)));
            }
            values.put("flannel.backend", Yaml.quoted(canal.backend().chartValue()));
            canal.port().ifPresent(port -> values.put("flannel.backendPort", Yaml.number(port)));
            canal.vni().ifPresent(vni -> values.put("flannel.vni", Yaml.number(vni)));
            // flannel sizes its device from the underlay MTU: the network's, not what the NIC reports
            // (VXLAN and WireGuard read it; rke2-canal-values.tsv)
            if (canal.backend() != Canal.Backend.HOST_GW) {
                canal.network()
                        .map(Network::mtu)
                        .filter(OptionalInt::isPresent)
                        .ifPresent(mtu -> values.put("flannel.mtu", Yaml.number(mtu.getAsInt())));
            }
            vethMtu(cluster, canal).ifPresent(mtu -> values.put("calico.vethuMTU", Yaml.number(mtu)));
            // the chart prints flannel.psk raw into net-conf.json: the value carries its JSON quotes
            // (rke2-canal-values.tsv); a base64 key needs no escaping inside them
            canal.psk().ifPresent(psk -> values.putSecret("flannel.psk", Yaml.quoted('"' + psk.reveal() + '"')));
        });
        return values;
    }

    /** The pod MTU: as given, or the underlay MTU minus the backend's encapsulation overhead. */
    public static OptionalInt vethMtu(Cluster cluster, Canal canal) {
        if (canal.mtu().isPresent()) {
            return canal.mtu();
        }
        boolean ipv6 = cluster.podCidrs().stream().anyMatch(c -> c.family() == IpAddress.Family.V6);
        return canal.network()
                .map(n -> n.mtu())
                .filter(OptionalInt::isPresent)
                .map(m -> OptionalInt.of(m.getAsInt() - canal.backend().overhead(ipv6)))
                .orElse(OptionalInt.empty());
    }

    private static Set<String> interfaceNames(Cluster cluster, Canal canal) {
        return canal.network()
                .map(network -> InterfaceNames.on(cluster, network))
                .orElse(Set.of());
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
                    .put(
                            "metadata",
                            Yaml.map()
                                    .put("name", "canal-config")
                                    .put("namespace", "kube-system")
                                    .put(
                                            "annotations",
                                            Yaml.map()
                                                    .put(
                                                            "netc.dev/note",
                                                            "not read by RKE2; the effective settings are in HelmChartConfig rke2-canal")
                                                    .build())
                                    .build())
                    .put("data", data.build())
                    .build();
        });
    }
}
