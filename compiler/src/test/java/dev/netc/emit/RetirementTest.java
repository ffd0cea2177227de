package dev.netc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The servers' {@code netc-retire-policies} stage, run with {@code sh} as yip runs it, on a
 * manifests folder that holds what an earlier version of the spec had netc write: a namespace
 * that left the spec keeps only its Namespace (never pruned), and a namespace netc created once and
 * that is now owned by others keeps nothing, so netc neither keeps its old policies applied nor
 * creates, labels or re-applies its Namespace; the current manifests are left alone.
 */
class RetirementTest {
    private static final String SPEC = """
            network lan { cidr 10.0.1.0/24 }
            cluster { token env("T"); node cp { role init; interface eth0 10.0.1.10 on lan } }
            namespace ingress-nginx {
              owned-by others
              tier controller { pods app.kubernetes.io/component=controller }
            }
            namespace shop {
              isolate ingress
              tier web { pods app=web; port http 80/tcp }
              allow ingress-nginx.controller -> web:http
            }
            """;

    /** What netc wrote for a namespace it created, with a policy. */
    private static String ownedManifest(String namespace) {
        return "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: " + namespace + "\n  labels:\n"
                + "    objectset.rio.cattle.io/prune: \"false\"\n---\napiVersion: networking.k8s.io/v1\n"
                + "kind: NetworkPolicy\nmetadata:\n  name: default-deny-ingress\n  namespace: " + namespace + "\n"
                + "spec:\n  podSelector: {}\n  policyTypes: [Ingress]\n";
    }

    @TempDir
    Path manifests;

    @Test
    void aNamespaceNowOwnedByOthersKeepsNothingOneThatLeftKeepsItsNamespace() throws Exception {
        Compiler.Result result = InMemorySpec.compile(SPEC, Map.of("T", "a-token"));
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.files()).extracting(OutputFile::path).doesNotContain("policies/ingress-nginx.yaml");
        String shop = file(result, "policies/shop.yaml");
        Files.writeString(manifests.resolve("netc-policies-shop.yaml"), shop);
        Files.writeString(manifests.resolve("netc-policies-ingress-nginx.yaml"), ownedManifest("ingress-nginx"));
        Files.writeString(manifests.resolve("netc-policies-gone.yaml"), ownedManifest("gone"));

        retire(file(result, "nodes/cp.yaml"));

        assertThat(objects("netc-policies-ingress-nginx.yaml")).isEmpty();
        assertThat(Files.readString(manifests.resolve("netc-policies-ingress-nginx.yaml")))
                .contains("owned by others");
        List<Object> gone = objects("netc-policies-gone.yaml");
        assertThat(gone).hasSize(1);
        assertThat(gone.get(0).toString()).contains("kind=Namespace", "objectset.rio.cattle.io/prune=false");
        assertThat(Files.readString(manifests.resolve("netc-policies-shop.yaml")))
                .isEqualTo(shop);
    }

    /** Runs the retirement commands of the node's cloud-config on the temporary manifests folder. */
    @SuppressWarnings("unchecked")
    private void retire(String cloudConfig) throws IOException, InterruptedException {
        Map<String, Object> root =
                (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(cloudConfig);
        List<Map<String, Object>> stages =
                (List<Map<String, Object>>) ((Map<String, Object>) root.get("stages")).get("boot.before");
        Map<String, Object> retire = stages.stream()
                .filter(s -> s.get("name").equals("netc-retire-policies"))
                .findFirst()
                .orElseThrow();
        for (Object command : (List<Object>) retire.get("commands")) {
            String script = ((String) command)
                    .replace(CloudConfigEmitter.DEFAULT_DATA_DIR + "/server/manifests/", manifests + "/");
            Process process = new ProcessBuilder("sh", "-c", script)
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("sh: %s", output).isZero();
        }
    }

    private List<Object> objects(String name) throws IOException {
        Iterable<Object> documents = new Load(LoadSettings.builder().build())
                .loadAllFromString(Files.readString(manifests.resolve(name), StandardCharsets.UTF_8));
        List<Object> objects = new java.util.ArrayList<>();
        documents.forEach(d -> {
            if (d != null) {
                objects.add(d);
            }
        });
        return objects;
    }

    private static String file(Compiler.Result result, String path) {
        return result.files().stream()
                .filter(f -> f.path().equals(path))
                .findFirst()
                .orElseThrow()
                .content();
    }
}
