package dev.netc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.OutputFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per defect of the consumer-truth issue: the spec that broke a consumer, what netc does
 * with it now, and (where netc accepts it) the harness replaying the consumers on the output. Each
 * test names the consumer code that decides it.
 */
class ConsumerDefectsTest {
    static final String TOKEN = "K10defect-token";

    @TempDir
    Path dir;

    /** Two networks, an init node, a second server and a worker; {@code %s} holds cluster properties. */
    static String cluster(String clusterBody, String cpExtra, String workerExtra) {
        return """
                network mgmt { cidr 10.0.1.0/24; mtu 1500 }
                network data { cidr 192.168.1.0/24; mtu 1500 }
                cluster edge {
                  token env("CLUSTER_TOKEN")
                  %s
                  node cp-1 { role init; interface eth0 10.0.1.10 on mgmt; interface eth1 192.168.1.10 on data %s }
                  node cp-2 { role controlplane; interface eth0 10.0.1.11 on mgmt; interface eth1 192.168.1.11 on data }
                  node w-1 { role worker; interface eth0 10.0.1.20 on mgmt; interface eth1 192.168.1.20 on data %s }
                }
                """.formatted(clusterBody, cpExtra, workerExtra);
    }

    static Compiler.Result compile(String spec) {
        return InMemorySpec.compile(spec, Map.of("CLUSTER_TOKEN", TOKEN));
    }

    /** Compiles an accepted spec and replays the consumers on its output: nothing refused or misread. */
    Compiler.Result boots(String spec) {
        return boots(spec, dir);
    }

    /** Compiles an accepted spec into a case under {@code dir} and replays the consumers on it. */
    static Compiler.Result boots(String spec, Path dir) {
        Compiler.Result result = compile(spec);
        assertThat(result.diagnostics()).as("diagnostics").noneMatch(Diagnostic::isError);
        Path kase = Cases.write(dir.resolve("case"), result);
        Accepted.assertBoots(spec, result, Harness.run(List.of(kase)));
        return result;
    }

    static List<Code> codes(Compiler.Result result) {
        return result.diagnostics().stream().map(Diagnostic::code).toList();
    }

    static String file(Compiler.Result result, String path) {
        return result.files().stream()
                .filter(f -> f.path().equals(path))
                .map(OutputFile::content)
                .findFirst()
                .orElseThrow();
    }

    /**
     * Defect 2. kube-proxy has no nftables- sync flags; it applies the iptables- ones to every mode but
     * IPVS (kubernetes/kubernetes@008b365 cmd/kube-proxy/app/options.go:338-343) and exits on an
     * unknown flag.
     */
    @Test
    void nftablesModeWritesTheIptablesSyncFlags() {
        Compiler.Result result = boots(cluster("kube-proxy nftables { sync-period 30s; min-sync-period 5s }", "", ""));

        assertThat(file(result, "nodes/w-1.yaml"))
                .contains("- iptables-sync-period=30s", "- iptables-min-sync-period=5s")
                .doesNotContain("nftables-sync-period");
    }

    /** Defect 2, raw arguments: the same flags through kube-proxy-arg are refused, not passed on. */
    @Test
    void unknownKubeProxyFlagsAreRefused() {
        assertThat(codes(compile(cluster("rke2 { kube-proxy-arg = [\"nftables-sync-period=30s\"] }", "", ""))))
                .contains(Code.NS4022);
    }

    /**
     * Defect 1. kubelet with protect-kernel-defaults exits unless six sysctls have their defaults
     * (kubernetes/kubernetes@001332b pkg/kubelet/cm/container_manager_linux.go:477-535); RKE2's
     * profiles check them too and need an etcd user on servers (rancher/rke2@6ce1a80
     * pkg/cli/cmds/profile_linux.go:26-31,88-104). netc sets them in the initramfs stage, which has
     * run before RKE2 starts on every boot (kairos-stages.tsv).
     */
    @Test
    void protectKernelDefaultsAndProfilesGetTheirSysctlsAndTheEtcdUser() {
        Compiler.Result result = boots(cluster("rke2 { profile = \"cis\" }", "", ""));

        assertThat(file(result, "nodes/w-1.yaml"))
                .contains(
                        "  initramfs:\n    - name: netc-host\n      sysctl:\n",
                        "vm.overcommit_memory: \"1\"",
                        "kernel.keys.root_maxbytes: \"25000000\"")
                .doesNotContain("etcd");
        assertThat(file(result, "nodes/cp-2.yaml")).contains("      users:\n        etcd:\n          name: etcd\n");
        boots(cluster("rke2 { protect-kernel-defaults = true }", "", ""));
    }

    /**
     * Defect 3. Helm reads values as float64 and the chart prints flannel.vni raw (rancher/rke2-charts@262e21a
     * packages/rke2-canal/charts/templates/config.yaml:101-102): 1e+06 from a million on; flannel names
     * its devices flannel.<vni> and flannel-v6.<vni> (flannel-io/flannel@cdf7605 pkg/backend/vxlan/vxlan.go).
     */
    @Test
    void vniLimitsFollowHelmsNumbersAndFlannelsDeviceNames() {
        assertThat(codes(compile(cluster("canal { on data; vni 1000000 }", "", ""))))
                .contains(Code.NS4024);
        boots(cluster("canal { on data; vni 999999 }", "", ""));
    }

    /** Defect 4. flannel's WireGuard device is the underlay MTU minus 80, for both families (flannel-io/flannel@cdf7605 pkg/backend/wireguard/device.go:133). */
    @Test
    void wireguardPodMtuFitsFlannelsDevice() {
        Compiler.Result result = boots(cluster("canal { on data; backend wireguard }", "", ""));

        assertThat(file(result, "manifests/rke2-canal-config.yaml")).contains("vethuMTU: 1420");
        assertThat(codes(compile(cluster("canal { on data; backend wireguard; mtu 1440 }", "", ""))))
                .contains(Code.NS4014);
    }

    /** Defect 5. k3s-io/k3s@2a1e2e8 pkg/daemons/config/types.go CriticalControlArgs: a server with another value is refused. */
    @Test
    void serverIdenticalKeysCannotBeSetPerServer() {
        assertThat(codes(compile(cluster("", "rke2 { egress-selector-mode = \"pod\" }", ""))))
                .contains(Code.NS4028);
        boots(cluster("rke2 { egress-selector-mode = \"pod\" }", "", "rke2 { node-label = [\"zone=a\"] }"));
    }

    /** Defect 6. kubelet listens on bind-address and is reached at its node-ip (k3s-io/k3s pkg/daemons/agent). */
    @Test
    void bindAddressIsOneTheNodeRegistersWith() {
        assertThat(codes(compile(cluster("", "", "; bind-address 10.0.1.99")))).contains(Code.NS4027);
        boots(cluster("", "", "; bind-address 10.0.1.20"));
    }

    /**
     * Defect 7. With kube-proxy in nftables mode, Calico and flannel must be told (rancher/rke2-docs@9477b7b
     * docs/networking/basic_network_options.md, bundled-cni-charts.tsv).
     */
    @Test
    void nftablesConfiguresEveryBundledCni() {
        Compiler.Result calico = boots(cluster("cni calico\n  kube-proxy nftables", "", ""));
        assertThat(file(calico, "manifests/rke2-calico-config.yaml"))
                .contains("name: rke2-calico", "calicoNetwork:", "linuxDataplane: \"Nftables\"");
        Compiler.Result flannel = boots(cluster("cni flannel\n  kube-proxy nftables", "", ""));
        assertThat(file(flannel, "manifests/rke2-flannel-config.yaml")).contains("enableNFTables: true");
    }

    /** Defect 8. helm-controller applies HelmChartConfig rke2-canal only to the HelmChart of that name. */
    @Test
    void aCanalBlockNeedsCanal() {
        assertThat(codes(compile(cluster("cni calico\n  canal { on data }", "", ""))))
                .contains(Code.NS4026);
    }

    /** Defect 9. CoreDNS and the bundled charts' jobs run in kube-system. */
    @Test
    void isolatingKubeSystemIsAWarning() {
        assertThat(codes(compile("namespace kube-system { isolate }"))).containsExactly(Code.NS3014);
    }

    /** Defect 10. rancher/rke2-charts@262e21a packages/rke2-canal/charts/templates/config.yaml:117-144: host-gw renders only Type. */
    @Test
    void chartValuesTheBackendIgnoresAreWarnings() {
        Compiler.Result result = boots(cluster("canal { on data; backend host-gw; vni 5; port 9000 }", "", ""));

        assertThat(codes(result)).containsExactly(Code.NS4025, Code.NS4025);
    }

    /**
     * Defect 11. k3s-io/k3s@2a1e2e8 pkg/deploy/controller.go: a removed manifest's objects stay, a file with
     * fewer objects prunes the rest unless labelled objectset.rio.cattle.io/prune=false; disable deletes.
     * The harness runs the servers' retirement commands with sh on a seeded folder.
     */
    @Test
    void droppedNamespacesAreRetiredAndNamespacesNeverPruned() {
        Compiler.Result result = boots(cluster("", "", "") + "namespace shop { isolate }\n");

        assertThat(file(result, "policies/shop.yaml")).contains("objectset.rio.cattle.io/prune: \"false\"");
        assertThat(file(result, "nodes/cp-1.yaml")).contains("name: netc-retire-policies");
        assertThat(codes(compile(cluster("rke2 { disable = [\"netc-policies-shop\"] }", "", ""))))
                .contains(Code.NS4030);
    }

    /** Defect 12. Go's net.ParseIP refuses leading zeros and its resolver all-numeric names (server-address.tsv). */
    @Test
    void serverIsAnAddressOrHostNameNodesCanJoin() {
        for (String server : List.of("10.0.1.010", "cp_1.local", "10.0.1.20", "127.0.0.1", "api.site.example.")) {
            assertThat(codes(compile(cluster("server \"" + server + "\"", "", ""))))
                    .as(server)
                    .contains(Code.NS4018);
        }
        boots(cluster("server \"API.site-12.example\"", "", ""));
    }
}
