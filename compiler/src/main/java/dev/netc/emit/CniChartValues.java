package dev.netc.emit;

import dev.netc.model.Canal;
import dev.netc.model.Cluster;
import dev.netc.model.CniSettings;
import dev.netc.model.Network;
import dev.netc.net.IpAddress;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The values of the rke2-calico, rke2-cilium and rke2-flannel charts that netc derives from the
 * cluster's CNI block and its kube-proxy mode (cni-chart-values.tsv). Canal's are {@link CanalEmitter}'s.
 */
final class CniChartValues {

    private CniChartValues() {}

    static ChartValues of(Cluster cluster, String chart) {
        ChartValues values = new ChartValues();
        cluster.cniSettings().filter(s -> chart.equals("rke2-" + s.cni())).ifPresent(settings -> {
            switch (settings.cni()) {
                case "calico" -> calico(cluster, settings, values);
                case "cilium" -> cilium(cluster, settings, values);
                case "flannel" -> flannel(cluster, settings, values);
                default -> throw new IllegalStateException("no chart values for cni " + settings.cni());
            }
        });
        if (chart.equals("rke2-cilium") && replacesKubeProxy(cluster)) {
            // RKE2's docs: Cilium serves the kubernetes Service itself; localhost:6443 is the API on
            // servers and RKE2's client-side load balancer on agents
            values.put("kubeProxyReplacement", Yaml.bool(true));
            values.put("k8sServiceHost", Yaml.quoted("localhost"));
            values.put("k8sServicePort", Yaml.quoted("6443"));
        }
        return values;
    }

    /** {@code kube-proxy none}: no kube-proxy runs, and the CNI implements Services. */
    static boolean replacesKubeProxy(Cluster cluster) {
        return cluster.kubeProxy().filter(k -> k.mode().equals("none")).isPresent();
    }

    private static void calico(Cluster cluster, CniSettings settings, ChartValues values) {
        boolean ipv6 = cluster.podCidrs().stream().anyMatch(c -> c.family() == IpAddress.Family.V6);
        settings.network().ifPresent(network -> {
            String names = InterfaceNames.regex(InterfaceNames.on(cluster, network));
            values.put("installation.calicoNetwork.nodeAddressAutodetectionV4.interface", Yaml.quoted(names));
            if (ipv6) {
                values.put("installation.calicoNetwork.nodeAddressAutodetectionV6.interface", Yaml.quoted(names));
            }
        });
        settings.backend()
                .ifPresent(backend -> values.put(
                        "installation.backend",
                        Yaml.quoted(backend.equals("vxlan-cross-subnet") ? "VXLANCrossSubnet" : "VXLAN")));
        OptionalInt mtu = settings.mtu().isPresent()
                ? settings.mtu()
                : underlay(settings.network().orElse(null));
        if (settings.mtu().isPresent()) {
            values.put("installation.calicoNetwork.mtu", Yaml.number(mtu.getAsInt()));
        } else if (mtu.isPresent()) {
            values.put(
                    "installation.calicoNetwork.mtu",
                    Yaml.number(mtu.getAsInt() - Canal.Backend.VXLAN.overhead(ipv6))); // Calico's pools are VXLAN
        }
    }

    /** Cilium takes the underlying network's MTU and subtracts its own encapsulation. */
    private static void cilium(Cluster cluster, CniSettings settings, ChartValues values) {
        settings.network().ifPresent(network -> {
            values.put("devices", Yaml.strings(new ArrayList<>(InterfaceNames.on(cluster, network))));
            underlay(network).ifPresent(mtu -> values.put("MTU", Yaml.number(mtu)));
        });
        settings.backend().ifPresent(backend -> values.put("tunnelProtocol", Yaml.quoted(backend)));
    }

    /** rke2-flannel has no interface value: flanneld's own arguments, with the chart's two defaults repeated. */
    private static void flannel(Cluster cluster, CniSettings settings, ChartValues values) {
        settings.network().ifPresent(network -> {
            Set<String> names = InterfaceNames.on(cluster, network);
            List<String> args = new ArrayList<>(List.of("--ip-masq", "--kube-subnet-mgr"));
            args.add(
                    names.size() == 1
                            ? "--iface=" + names.iterator().next()
                            : "--iface-regex=" + InterfaceNames.regex(names));
            values.put("flannel.args", Yaml.strings(args));
        });
        settings.backend().ifPresent(backend -> values.put("flannel.backend", Yaml.quoted(backend)));
        // rke2-flannel quotes flannel.psk itself (cni-chart-values.tsv)
        settings.psk().ifPresent(psk -> values.putSecret("flannel.psk", Yaml.quoted(psk.reveal())));
        if (!settings.backend().orElse("vxlan").equals("host-gw")) {
            settings.network()
                    .map(CniChartValues::underlay)
                    .filter(OptionalInt::isPresent)
                    .ifPresent(mtu -> values.put("flannel.mtu", Yaml.number(mtu.getAsInt())));
        }
    }

    private static OptionalInt underlay(Network network) {
        return network == null ? OptionalInt.empty() : network.mtu();
    }
}
