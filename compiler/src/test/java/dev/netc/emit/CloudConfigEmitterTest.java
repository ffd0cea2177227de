package dev.netc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** How raw `rke2 { }` options of the cluster and of a node meet in the node's RKE2 config. */
class CloudConfigEmitterTest {
    /** Refuses duplicate keys, as RKE2's strict config reading would not (it keeps the last one silently). */
    private static final Load STRICT =
            new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build());

    private static final String SPEC = """
            network lan { cidr 10.0.1.0/24; mtu 1500 }
            cluster {
              token env("T")
              kube-proxy iptables { conntrack-max-per-core 32768; conntrack-min 131072 }
              rke2 { protect-kernel-defaults = false; node-label = ["site=a"]; kube-proxy-arg = ["v=2"] }
              node cp { role init; interface eth0 10.0.1.10 on lan
                rke2 { protect-kernel-defaults = true; kube-proxy-arg = ["v=4"] } }
              node w { role worker; interface eth0 10.0.1.20 on lan }
            }
            """;

    @Test
    void aNodeValueReplacesTheClusterValueAndKubeProxyArgumentsAreJoined() {
        Map<String, Object> cp = config("nodes/cp.yaml");
        assertThat(cp.get("protect-kernel-defaults")).isEqualTo(true);
        assertThat(cp.get("node-label")).isEqualTo(List.of("site=a"));
        assertThat(cp.get("kube-proxy-arg"))
                .isEqualTo(List.of(
                        "proxy-mode=iptables", "conntrack-max-per-core=32768", "conntrack-min=131072", "v=2", "v=4"));

        Map<String, Object> worker = config("nodes/w.yaml");
        assertThat(worker.get("protect-kernel-defaults")).isEqualTo(false);
        assertThat(worker.get("kube-proxy-arg"))
                .isEqualTo(
                        List.of("proxy-mode=iptables", "conntrack-max-per-core=32768", "conntrack-min=131072", "v=2"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void manifestsGoUnderTheDataDirectoryRke2Uses() {
        String spec = SPEC.replace(
                        "node-label = [\"site=a\"];", "node-label = [\"site=a\"]; data-dir = \"/data/rke2/\";")
                .replace("token env(\"T\")", "token env(\"T\"); canal { on lan }");
        Map<String, Object> root = (Map<String, Object>)
                STRICT.loadFromString(file(spec, "nodes/cp.yaml").content());
        Map<String, Object> stage = ((List<Map<String, Object>>)
                        ((Map<String, Object>) root.get("stages")).get("boot.before"))
                .stream()
                        .filter(s -> s.get("name").equals("netc-rke2-manifests"))
                        .findFirst()
                        .orElseThrow();
        assertThat((List<Map<String, Object>>) stage.get("files"))
                .extracting(f -> f.get("path"))
                .containsExactly("/data/rke2/server/manifests/rke2-canal-config.yaml");
        String withDefaultDataDir = SPEC.replace("token env(\"T\")", "token env(\"T\"); canal { on lan }");
        assertThat(file(withDefaultDataDir, "nodes/cp.yaml").content())
                .contains("path: /var/lib/rancher/rke2/server/manifests/rke2-canal-config.yaml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> config(String path) {
        OutputFile file = file(SPEC, path);
        Map<String, Object> cluster =
                (Map<String, Object>) ((Map<String, Object>) STRICT.loadFromString(file.content())).get("cluster");
        return (Map<String, Object>) STRICT.loadFromString((String) cluster.get("config"));
    }

    private static OutputFile file(String spec, String path) {
        Compiler.Result result = InMemorySpec.compile(spec, Map.of("T", "token"));
        assertThat(result.diagnostics()).isEmpty();
        return result.files().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow();
    }
}
