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
        return result.files().stream().filter(f -> f.path().equals(path)).map(OutputFile::content).findFirst().orElseThrow();
    }

    /**
     * Defect 2. kube-proxy has no nftables- sync flags; it applies the iptables- ones to every mode but
     * IPVS (kubernetes/kubernetes@008b365 cmd/kube-proxy/app/options.go:338-343) and exits on an
     * unknown flag.
     */
    @Test
    void nftablesModeWritesTheIptablesSyncFlags() {
        Compiler.Result result = boots(cluster("kube-proxy nftables { sync-period 30s; min-sync-period 5s }", "", ""));

        assertThat(file(result, "nodes/w-1.yaml")).contains("- iptables-sync-period=30s", "- iptables-min-sync-period=5s")
                .doesNotContain("nftables-sync-period");
    }

    /** Defect 2, raw arguments: the same flags through kube-proxy-arg are refused, not passed on. */
    @Test
    void unknownKubeProxyFlagsAreRefused() {
        assertThat(codes(compile(cluster("rke2 { kube-proxy-arg = [\"nftables-sync-period=30s\"] }", "", ""))))
                .contains(Code.NS4022);
    }
}
