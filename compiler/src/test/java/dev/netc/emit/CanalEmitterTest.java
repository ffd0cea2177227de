package dev.netc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The rke2-canal HelmChartConfig: when it is written and what its values say. */
class CanalEmitterTest {
    private static final Load YAML = new Load(LoadSettings.builder().build());

    @Test
    void kubeProxyInNftablesModeSwitchesCanalToNftablesToo() {
        Map<String, Object> values = values("kube-proxy nftables").orElseThrow();

        assertThat(values.get("flannel")).isEqualTo(Map.of("enableNFTables", true));
        assertThat(values.get("calico")).isEqualTo(Map.of("felixIptablesBackend", "nft"));
    }

    @Test
    void nftablesSettingsJoinTheCanalBlock() {
        Map<String, Object> values = values("kube-proxy nftables; canal { backend wireguard; mtu 1400 }")
                .orElseThrow();

        assertThat(values.get("flannel")).isEqualTo(Map.of("backend", "wireguard", "enableNFTables", true));
        assertThat(values.get("calico")).isEqualTo(Map.of("vethuMTU", 1400, "felixIptablesBackend", "nft"));
    }

    @Test
    void nothingIsWrittenWithoutACanalBlockOrNftablesOrWithAnotherCni() {
        assertThat(values("kube-proxy iptables")).isEmpty();
        assertThat(values("cni calico; kube-proxy nftables")).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Map<String, Object>> values(String clusterBody) {
        String spec = "cluster { token env(\"T\"); " + clusterBody + " }\n";
        Compiler.Result result = InMemorySpec.compile(spec, Map.of("T", "token"));
        assertThat(result.diagnostics()).noneMatch(d -> d.isError());
        return result.files().stream()
                .filter(f -> f.path().equals("manifests/" + ChartConfigEmitter.manifestFile("rke2-canal")))
                .findFirst()
                .map(file -> {
                    Map<String, Object> config = (Map<String, Object>) YAML.loadFromString(file.content());
                    String valuesContent = (String) ((Map<String, Object>) config.get("spec")).get("valuesContent");
                    return (Map<String, Object>) YAML.loadFromString(valuesContent);
                });
    }
}
