package dev.netc.conformance;

import dev.netc.query.DeclaredExternals;
import dev.netc.query.RandomSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Random clusters over everything a spec can say to the consumers: networks and their MTUs, single
 * or dual stack, every CNI, Canal's backend and values, every kube-proxy mode and option, node roles
 * and addresses, and RKE2 options at cluster and node level (those that decide whether a node boots,
 * and any key of the catalogue). Many are wrong on purpose; the property is about the ones netc
 * accepts.
 */
final class ClusterSpecGenerator {
    /** RKE2 options that decide whether a node boots, as netspec `key = value` text. */
    private static final List<String> OPTIONS = List.of(
            "protect-kernel-defaults = true",
            "protect-kernel-defaults = false",
            "profile = \"cis\"",
            "write-kubeconfig-mode = \"0640\"",
            "data-dir = \"/var/lib/rancher/rke2\"",
            "data-dir = \"/data/rke2/\"",
            "data-dir = \"rke2-data\"",
            "data-dir = \"\"",
            "disable-kube-proxy = true",
            "disable-kube-proxy = false",
            "egress-selector-mode = \"pod\"",
            "egress-selector-mode = \"agent\"",
            "node-label = [\"zone=a\"]",
            "node-taint = [\"dedicated=edge:NoSchedule\"]",
            "kube-proxy-arg = [\"metrics-bind-address=0.0.0.0:10249\"]",
            "kube-proxy-arg = [\"nftables-sync-period=30s\"]",
            "kube-proxy-arg = [\"bogus-flag=1\"]",
            "disable = [\"rke2-ingress-nginx\"]",
            "disable = [\"rke2-canal\"]",
            "debug = true",
            "kubelet-arg = [\"max-pods=200\"]",
            "etcd-expose-metrics = true",
            "selinux = true",
            "cluster-domain = \"edge.local\"",
            "service-node-port-range = \"30000-32767\"",
            "etcd-snapshot-retention = 10",
            "etcd-s3-timeout = 5m",
            "node-name = \"edge\"",
            "node-label = [\"node.kubernetes.io/pool=edge\"]",
            "service-node-port-range = \"30000+2767\"",
            "lb-server-port = 6444",
            "write-kubeconfig-mode = \"0644\"",
            "etcd-s3-folder = \"a: b # c\"",
            "etcd-s3-folder = \"caf\u00e9\"");

    /** Values RKE2, kubelet or the API server refuse or ignore although they have the key's type. */
    private static final List<String> WRONG_OPTIONS = List.of(
            "node-label = [\"Zone Name=x\"]",
            "node-label = [\"node-role.kubernetes.io/worker=true\"]",
            "node-label = [\"a=b,c=d\"]",
            "node-taint = [\"a=b:NoSchedul\"]",
            "node-taint = [\"gpu:NoExecute\", \"gpu:NoExecute\"]",
            "node-taint = [\"old:NoSchedule-\"]",
            "service-node-port-range = \"40000-30000\"",
            "lb-server-port = 99999",
            "write-kubeconfig-mode = \"rw-r--r--\"",
            "config = \"/etc/other.yaml\"",
            "disable = [\"rke2-calico\"]",
            "kube-proxy-arg = [\"ipvs-strict-arp=false\"]",
            "kube-proxy-arg = [\"cleanup=true\"]",
            "kube-proxy-arg = [\"proxy-mode=ipvs\"]",
            "kubelet-arg = [\"a: b\"]",
            "etcd-s3-folder = \"line\\nbreak\"",
            "etcd-s3-folder = \"{{ .Values.x }}\"",
            "etcd-s3-folder = \"caf\u00e9 \u2028 x\"",
            "etcd-s3-folder = \"del\u007f\"");

    private static final List<String> SERVERS = List.of(
            "10.0.1.10",
            "10.0.1.10",
            "api.site.example",
            "",
            "[fd00:1::10]",
            "api.site.example",
            "API.Site.Example",
            "10.0.1.010",
            "cp_1.local",
            "127.0.0.1",
            "0.0.0.0",
            "site-12.example.com.",
            "10.0.1.20");
    private static final List<String> CNIS =
            List.of("canal", "canal", "canal", "canal", "calico", "cilium", "flannel", "multus, canal", "none");
    private static final List<String> DURATIONS = List.of("0s", "1s", "5s", "30s", "1m", "5m", "10m", "1h");

    /** The variables the generated specs read: the cluster token and WireGuard's pre-shared key. */
    static final Map<String, String> ENVIRONMENT =
            Map.of("CLUSTER_TOKEN", "K10generated-token", "WG_PSK", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=");

    private final Random random;
    private final List<String> catalogueKeys;
    /** The namespaces of the last spec generated, if it has any: what its policies must allow. */
    private RandomSpec namespaces;

    ClusterSpecGenerator(long seed, List<String> catalogueKeys) {
        this(new Random(seed), catalogueKeys);
    }

    /** @param random the random numbers, e.g. a fuzzer's bytes */
    ClusterSpecGenerator(Random random, List<String> catalogueKeys) {
        this.random = random;
        this.catalogueKeys = List.copyOf(catalogueKeys);
    }

    /** The externals the last spec declared, for the reachability proof; none without namespaces. */
    Optional<DeclaredExternals> declaredExternals() {
        return Optional.ofNullable(namespaces).map(RandomSpec::declared);
    }

    String generate() {
        namespaces = null;
        boolean dualStack = chance(4);
        StringBuilder out = new StringBuilder();
        if (chance(3)) {
            // namespaces, tiers, externals and flows of every kind: their policies must allow exactly the flows
            namespaces = RandomSpec.generate(random);
            out.append(namespaces.text());
        }
        out.append("network mgmt { cidr 10.0.1.0/24")
                .append(pick("", "; mtu 1500", "; mtu 9000"))
                .append(" }\n");
        out.append("network data { cidr 192.168.1.0/24")
                .append(dualStack ? ", fd00:1::/64" : "")
                .append(pick("", "; mtu 1280", "; mtu 1500", "; mtu 1500", "; mtu 9000", "; mtu 1400"))
                .append(" }\n");
        out.append("cluster edge {\n  token env(\"CLUSTER_TOKEN\")\n");
        if (chance(3)) {
            out.append("  server \"").append(pick(SERVERS)).append("\"\n");
        } else if (chance(6)) {
            out.append("  server vip ")
                    .append(pick("10.0.1.5", "10.0.1.10", "192.168.1.200"))
                    .append('\n');
        }
        if (chance(4)) {
            out.append("  proxy { https \"http://proxy.example:3128\"")
                    .append(chance(2) ? "; http \"http://proxy.example:3128\"" : "")
                    .append(chance(2) ? "; no-proxy \".corp.example\", 10.99.0.0/16" : "")
                    .append(" }\n");
        }
        if (chance(4)) {
            out.append("  airgap { images \"/opt/content/images\"")
                    .append(
                            chance(3)
                                    ? ""
                                    : "; archives "
                                            + pick(
                                                    "rke2-images.linux-amd64.tar.zst",
                                                    "rke2-images-core.linux-amd64.tar.zst, rke2-images-canal.linux-amd64.tar.zst",
                                                    "rke2-images-core.linux-arm64.tar.gz, rke2-images-calico.linux-arm64.tar.gz",
                                                    "rke2-images-core.linux-amd64.tar.zst, rke2-images-cilium.linux-amd64.tar.zst"))
                    .append(" }\n");
        }
        if (dualStack) {
            out.append("  pods 10.42.0.0/16, fd00:42::/56\n  services 10.43.0.0/16, fd00:43::/112\n");
        } else if (chance(16)) {
            out.append("  pods ")
                    .append(pick("127.0.0.0/16", "169.254.0.0/16", "10.42.0.0/16"))
                    .append('\n');
            out.append("  services ")
                    .append(pick("224.1.0.0/16", "127.1.0.0/16", "10.43.0.0/16"))
                    .append('\n');
        }
        if (chance(8)) {
            out.append("  domain \"")
                    .append(pick("edge.local", "cluster.local", "edge.local", "my cluster", "Edge.Local"))
                    .append("\"\n");
        }
        if (chance(8)) {
            out.append("  tls-san \"")
                    .append(pick("api.edge.example", "*.edge.example", "api.edge.example", "api edge", "-x"))
                    .append("\"\n");
        }
        String cni = chance(3) ? pick(CNIS) : "canal";
        if (!cni.equals("canal") || chance(6)) {
            out.append("  cni ").append(cni).append('\n');
        }
        if (chance(3)) {
            // the block of the cluster's CNI, now and then of another one (NS4026)
            out.append(cniBlock(chance(8) ? pick("calico", "cilium", "flannel") : cni));
        } else if (chance(2)) {
            out.append("  canal { on ")
                    .append(pick("data", "mgmt"))
                    .append("; backend ")
                    .append(pick("vxlan", "vxlan", "wireguard", "host-gw"));
            if (chance(4)) {
                out.append("; mtu ").append(pick("1200", "1400", "1420", "1440", "1450", "8950", "8980"));
            }
            if (chance(4)) {
                out.append("; port ").append(pick("8472", "4789", "51820", "9000", "40000"));
            }
            if (chance(4)) {
                out.append("; vni ")
                        .append(pick("1", "4096", "9999", "10000", "999999", "1000000", "9999999", "16777215"));
            }
            if (chance(4)) { // WG_PSK holds a key: the harness replays how flanneld reads it
                out.append("; psk env(\"WG_PSK\")");
            }
            out.append(" }\n");
        }
        if (chance(2)) {
            out.append(kubeProxy());
        }
        int controlPlanes = random.nextInt(3);
        int workers = random.nextInt(3);
        for (int i = 0; i <= controlPlanes + workers; i++) {
            out.append(node(i, i == 0 ? "init" : i <= controlPlanes ? "controlplane" : "worker", dualStack));
        }
        if (chance(2)) {
            out.append("  rke2 {\n").append(options(1 + random.nextInt(3))).append("  }\n");
        }
        out.append("}\n");
        if (chance(2)) {
            out.append("namespace app { isolate ingress, egress; tier web { pods app=web; port http 80/tcp } }\n");
        }
        return out.toString();
    }

    /** {@code calico}, {@code cilium} or {@code flannel} block, right and wrong; nothing for other CNIs. */
    private String cniBlock(String cni) {
        String backends = switch (cni) {
            case "calico" -> "vxlan,vxlan-cross-subnet,vxlan-cross-subnet,bgp";
            case "cilium" -> "vxlan,geneve,geneve,wireguard";
            case "flannel" -> "vxlan,wireguard,host-gw,geneve";
            default -> "";
        };
        if (backends.isEmpty()) {
            return "";
        }
        StringBuilder block =
                new StringBuilder("  ").append(cni).append(" { on ").append(pick("data", "mgmt"));
        if (chance(2)) {
            block.append("; backend ").append(pick(List.of(backends.split(","))));
        }
        if (cni.equals("flannel") && chance(3)) {
            block.append("; psk env(\"WG_PSK\")"); // NS4035 unless the backend is wireguard
        }
        if (cni.equals("calico") && chance(3)) {
            block.append("; mtu ").append(pick("40", "1230", "1400", "1450", "1480", "8950", "9000"));
        }
        return block.append(" }\n").toString();
    }

    private String kubeProxy() {
        String mode = pick("iptables", "ipvs", "nftables", "none");
        List<String> options = new ArrayList<>();
        if (chance(2)) {
            options.add("sync-period " + pick(DURATIONS));
        }
        if (chance(2)) {
            options.add("min-sync-period " + pick(DURATIONS));
        }
        if (mode.equals("ipvs")) {
            if (chance(2)) {
                options.add("scheduler " + pick("rr", "wrr", "lc", "sh", "mh"));
            }
            if (chance(2)) {
                options.add("strict-arp");
            }
            if (chance(4)) {
                options.add("exclude-cidrs 10.0.9.0/24");
            }
        }
        if (chance(4)) {
            options.add("conntrack-min " + pick("0", "131072"));
        }
        if (chance(4)) {
            options.add("conntrack-max-per-core " + pick("0", "32768"));
        }
        if (chance(4)) {
            options.add("conntrack-tcp-timeout-established " + pick(DURATIONS));
        }
        return "  kube-proxy " + mode + (options.isEmpty() ? "" : " { " + String.join("; ", options) + " }") + "\n";
    }

    private String node(int i, String role, boolean dualStack) {
        String mgmt = "10.0.1." + (10 + i);
        String data = "192.168.1." + (10 + i);
        StringBuilder node = new StringBuilder("  node n-" + i + " {\n    role " + role + "\n");
        if (i == 0 && chance(20)) {
            return node.append("  }\n").toString(); // an init node without an address
        }
        node.append("    interface eth0 ")
                .append(mgmt)
                .append(chance(30) ? " 10.0.1." + (100 + i) : "")
                .append(" on mgmt\n");
        node.append("    interface ")
                .append(pick("eth1", "eth1", "enp3s0"))
                .append(' ')
                .append(data)
                .append(dualStack ? " fd00:1::" + (10 + i) : "")
                .append(" on data\n");
        if (chance(4)) {
            node.append("    bind-address ")
                    .append(pick(mgmt, data, "0.0.0.0", "10.0.1.99"))
                    .append('\n');
        }
        if (chance(5)) {
            node.append("    external-ip ")
                    .append(chance(20) ? "127.0.0." : "203.0.113.")
                    .append(10 + i)
                    .append('\n');
        }
        if (chance(4)) {
            node.append("    rke2 {\n").append(options(1)).append("    }\n");
        }
        return node.append("  }\n").toString();
    }

    /** Options from the list above, and now and then any catalogue key with a value of a plausible type. */
    private String options(int count) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            text.append("    ")
                    .append(chance(4) ? anyKey() : chance(6) ? pick(WRONG_OPTIONS) : pick(OPTIONS))
                    .append('\n');
        }
        return text.toString();
    }

    private String anyKey() {
        return pick(catalogueKeys) + " = " + pick("true", "false", "10", "\"30s\"", "\"value\"", "[\"a=b\"]");
    }

    private boolean chance(int oneIn) {
        return random.nextInt(oneIn) == 0;
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
