package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.emit.OutputFile;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Every node cloud-config of the examples satisfies what Kairos and provider-rke2 require
 * (DESIGN.md §3, rke2-kairos-canal.md §1): header on line 1, `cluster.config` a block string
 * holding `cluster-cidr`/`service-cidr` as strings and never `token`/`server`, `tls-san` a
 * list, no `{{` anywhere, stage file permissions as unquoted octal, the token only in 0600 files.
 */
class CloudConfigRulesTest {
    private static final Load YAML = new Load(LoadSettings.builder().build());

    @TestFactory
    Stream<DynamicTest> everyNodeCloudConfigFollowsTheKairosRules() {
        return Examples.all().stream()
                .flatMap(example -> Examples.compile(example).files().stream()
                        .filter(f -> f.path().startsWith("nodes/"))
                        .map(file -> DynamicTest.dynamicTest(
                                Examples.name(example) + "/" + file.path(), () -> check(file))));
    }

    @SuppressWarnings("unchecked")
    private static void check(OutputFile file) {
        String text = file.content();
        assertThat(text).startsWith("#cloud-config\n").doesNotContain("{{");
        assertThat(file.secret()).as("holds the token, so written 0600").isTrue();
        Map<String, Object> root = (Map<String, Object>) YAML.loadFromString(text);
        Map<String, Object> cluster = (Map<String, Object>) root.get("cluster");
        assertThat(cluster).containsKeys("cluster_token", "control_plane_host", "role", "config");
        assertThat(cluster.get("cluster_token")).isEqualTo(Examples.TOKEN);
        assertThat((String) cluster.get("control_plane_host"))
                .doesNotContain("://")
                .doesNotContain(":9345");
        assertThat(cluster.get("role")).isIn("init", "controlplane", "worker");
        assertThat(cluster.get("config")).isInstanceOf(String.class);
        Map<String, Object> config = (Map<String, Object>) YAML.loadFromString((String) cluster.get("config"));
        assertThat(config.get("cluster-cidr")).isInstanceOf(String.class);
        assertThat(config.get("service-cidr")).isInstanceOf(String.class);
        assertThat(config).doesNotContainKeys("token", "server");
        if (config.containsKey("tls-san")) {
            assertThat(config.get("tls-san")).isInstanceOf(List.class);
        }
        if (config.containsKey("write-kubeconfig-mode")) {
            assertThat(config.get("write-kubeconfig-mode")).isInstanceOf(String.class);
        }
        // stage files: yip decodes permissions into a uint32, so an unquoted octal literal
        assertThat(text).doesNotContainPattern("permissions: \"").doesNotContainPattern("permissions: '");
        text.lines()
                .filter(l -> l.trim().startsWith("permissions:"))
                .forEach(l -> assertThat(l.trim()).matches("permissions: 0[0-7]{3}"));
        assertThat(text).doesNotContain("/etc/rancher/rke2/config.d/").doesNotContain("write_files:");
        if (cluster.get("role").equals("worker")) {
            assertThat(text).doesNotContain("/server/manifests/");
        }
    }
}
