package dev.netc.lsp;

import java.util.List;
import java.util.Map;

/**
 * The words completion offers at the start of a statement, by the block it is written in, and
 * the words a property takes as its value. {@code VocabularyTest} checks these lists against
 * what the compiler accepts, so the two cannot drift apart.
 */
final class Vocabulary {
    /** The block a statement is written in: the block kind, or {@link #TOP_LEVEL}. */
    static final String TOP_LEVEL = "";

    static final Map<String, List<String>> STATEMENTS = Map.of(
            TOP_LEVEL, List.of("import", "param", "network", "cluster", "namespace", "external", "port", "allow"),
            "network", List.of("cidr", "mtu"),
            "cluster", List.of("token", "server", "pods", "services", "dns", "domain", "cni", "tls-san", "canal", "kube-proxy",
                    "node", "rke2"),
            "node", List.of("role", "interface", "external-ip", "bind-address", "rke2"),
            "canal", List.of("on", "backend", "mtu", "port", "vni"),
            "kube-proxy", List.of("scheduler", "strict-arp", "sync-period", "min-sync-period", "exclude-cidrs",
                    "conntrack-max-per-core", "conntrack-min", "conntrack-tcp-timeout-established",
                    "conntrack-tcp-timeout-close-wait"),
            "namespace", List.of("labels", "isolate", "dns", "tier", "allow"),
            "tier", List.of("pods", "port", "isolate"));

    /** The words a property takes, by {@code "block property"}. */
    static final Map<String, List<String>> VALUES = Map.of(
            "node role", List.of("init", "controlplane", "worker"),
            "canal backend", List.of("vxlan", "wireguard", "host-gw"),
            "namespace isolate", List.of("ingress", "egress"),
            "tier isolate", List.of("ingress", "egress"),
            "namespace dns", List.of("on", "off"),
            "cluster kube-proxy", List.of("iptables", "ipvs", "nftables"),
            "cluster cni", List.of("canal", "calico", "cilium", "flannel", "none", "multus"),
            "kube-proxy scheduler", List.of("rr", "wrr", "lc", "wlc", "lblc", "lblcr", "sh", "dh", "sed", "nq", "mh"));

    private Vocabulary() {
    }
}
