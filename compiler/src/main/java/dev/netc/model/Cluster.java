package dev.netc.model;

import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The RKE2 cluster of one site.
 *
 * @param controlPlaneHost what provider-rke2 calls {@code control_plane_host}: a bare host or IP
 * @param nodeLocalDns the address NodeLocal DNSCache answers on, when the cluster runs it
 * @param rke2 raw RKE2 options that apply to every node (server-only keys reach servers only)
 * @param proxy the proxy the nodes reach the outside through, if any
 * @param airgap where the nodes find RKE2's images when the site is air-gapped
 * @param cniSettings what a calico, cilium or flannel block says of the CNI's chart
 */
public record Cluster(
        String name,
        Optional<Secret> token,
        String controlPlaneHost,
        List<Cidr> podCidrs,
        List<Cidr> serviceCidrs,
        List<IpAddress> clusterDns,
        Optional<IpAddress> nodeLocalDns,
        Optional<String> domain,
        List<String> cni,
        List<String> tlsSans,
        Optional<Canal> canal,
        Optional<KubeProxy> kubeProxy,
        List<Node> nodes,
        List<Rke2Option> rke2,
        Optional<Proxy> proxy,
        Optional<Airgap> airgap,
        Optional<CniSettings> cniSettings) {

    public Cluster {
        podCidrs = List.copyOf(podCidrs);
        serviceCidrs = List.copyOf(serviceCidrs);
        clusterDns = List.copyOf(clusterDns);
        cni = List.copyOf(cni);
        tlsSans = List.copyOf(tlsSans);
        nodes = List.copyOf(nodes);
        rke2 = List.copyOf(rke2);
    }

    /** Every secret the cluster's files hold (the token, WireGuard's pre-shared key): what no report shows. */
    public List<Secret> secrets() {
        List<Secret> secrets = new ArrayList<>();
        token.ifPresent(secrets::add);
        canal.flatMap(Canal::psk).ifPresent(secrets::add);
        cniSettings.flatMap(CniSettings::psk).ifPresent(secrets::add);
        return secrets;
    }

    public List<Node> servers() {
        return nodes.stream().filter(n -> n.role().isServer()).toList();
    }

    /**
     * The RKE2 options a node runs with, by key: the cluster's, then the node's, which win (as a
     * later file in RKE2's config.yaml.d replaces an earlier one). {@code kube-proxy-arg} is the one
     * exception, whose items both contribute: see {@link #kubeProxyArgs}.
     */
    public Map<String, Rke2Option> effectiveRke2(Node node) {
        Map<String, Rke2Option> byKey = new LinkedHashMap<>();
        rke2.forEach(option -> byKey.put(option.key(), option));
        node.rke2().forEach(option -> byKey.put(option.key(), option));
        byKey.remove("kube-proxy-arg");
        return byKey;
    }

    /** kube-proxy's arguments on a node: netc's from the kube-proxy block, then the cluster's, then the node's. */
    public List<String> kubeProxyArgs(Node node) {
        List<String> args = new ArrayList<>(kubeProxy.map(KubeProxy::args).orElse(List.of()));
        for (List<Rke2Option> options : List.of(rke2, node.rke2())) {
            options.stream()
                    .filter(o -> o.key().equals("kube-proxy-arg"))
                    .forEach(o -> ((List<?>) o.value()).forEach(item -> args.add(String.valueOf(item))));
        }
        return args;
    }
}
