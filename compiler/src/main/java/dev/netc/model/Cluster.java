package dev.netc.model;

import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * The RKE2 cluster of one site.
 *
 * @param controlPlaneHost what provider-rke2 calls {@code control_plane_host}: a bare host or IP
 * @param rke2 raw RKE2 options that apply to every node (server-only keys reach servers only)
 */
public record Cluster(
        String name,
        Optional<Secret> token,
        String controlPlaneHost,
        List<Cidr> podCidrs,
        List<Cidr> serviceCidrs,
        List<IpAddress> clusterDns,
        Optional<String> domain,
        List<String> cni,
        List<String> tlsSans,
        Optional<Canal> canal,
        Optional<KubeProxy> kubeProxy,
        List<Node> nodes,
        List<Rke2Option> rke2) {

    public Cluster {
        podCidrs = List.copyOf(podCidrs);
        serviceCidrs = List.copyOf(serviceCidrs);
        clusterDns = List.copyOf(clusterDns);
        cni = List.copyOf(cni);
        tlsSans = List.copyOf(tlsSans);
        nodes = List.copyOf(nodes);
        rke2 = List.copyOf(rke2);
    }

    public List<Node> servers() {
        return nodes.stream().filter(n -> n.role().isServer()).toList();
    }
}
