package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code netc compile --sites FILE --fleet DIR --kustomize DIR}: each site's policies as a Fleet
 * bundle and a Kustomize folder, which the servers then hand over instead of applying. The
 * conformance harness checks the trees against Fleet's and kustomize's own types
 * ({@code GitOpsConformanceTest}); this checks what the command writes, and what it refuses.
 */
class GitOpsTreesTest extends CommandLineFixture {
    private static final String TEMPLATE = """
            param site: int
            network lan { cidr "10.${site}.1.0/24" }
            cluster edge {
              token file("token.txt")
              node cp-1 { role init; interface eth0 "10.${site}.1.10" on lan }
            }
            namespace shop {
              isolate ingress, egress
              tier web { pods app=web; port http 80/tcp }
            }
            allow "192.168.${site}.0/24" -> shop.web:http
            """;

    private int compile(String sites, String... options) throws IOException {
        spec("token.txt", "K10token\n");
        List<String> args = new ArrayList<>(List.of(
                "compile",
                spec("store.netspec", TEMPLATE).toString(),
                "--set",
                "site=1",
                "--sites",
                spec("fleet.sites", sites).toString(),
                "-o",
                dir.resolve("out").toString()));
        args.addAll(List.of(options));
        return netc(args.toArray(String[]::new));
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.exists(root)) {
            return files;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path f : walk.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList()) {
                files.put(root.relativize(f).toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> yaml(String text) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(text);
    }

    @Test
    void eachSiteIsABundleForItsOwnClusterAndAKustomizationHoldingExactlyItsPolicies() throws IOException {
        assertThat(compile(
                        "name,site\nstore-1,1\nstore-2,2\n",
                        "--fleet",
                        dir.resolve("gitops/fleet").toString(),
                        "--kustomize",
                        dir.resolve("gitops/kustomize").toString()))
                .as(err.toString())
                .isZero();

        for (String site : List.of("store-1", "store-2")) {
            String policies = Files.readString(dir.resolve("out/" + site + "/policies/shop.yaml"));
            Map<String, String> bundle = files(dir.resolve("gitops/fleet/" + site));
            assertThat(bundle).containsOnlyKeys("fleet.yaml", "shop.yaml").containsEntry("shop.yaml", policies);
            Map<String, Object> fleet = yaml(bundle.get("fleet.yaml"));
            assertThat(fleet)
                    .containsEntry("name", "netc-" + site)
                    .containsEntry("keepResources", true)
                    .containsEntry("helm", Map.of("takeOwnership", true))
                    .containsEntry("correctDrift", Map.of("enabled", true))
                    .containsEntry(
                            "overrideTargets",
                            List.of(Map.of(
                                    "name",
                                    site,
                                    "clusterSelector",
                                    Map.of("matchLabels", Map.of("netc.dev/site", site)))));

            assertThat(policies)
                    .as("no engine deletes the Namespace; deleting an Application leaves the policies")
                    .contains("""
                            kind: Namespace
                            metadata:
                              name: shop
                              labels:
                                objectset.rio.cattle.io/prune: "false"
                              annotations:
                                argocd.argoproj.io/sync-options: Prune=false,Delete=false
                                helm.sh/resource-policy: keep
                                kustomize.toolkit.fluxcd.io/prune: disabled
                            """)
                    .contains("""
                              name: default-deny-ingress
                              namespace: shop
                              annotations:
                                argocd.argoproj.io/sync-options: Delete=false
                            """);

            Map<String, String> overlay = files(dir.resolve("gitops/kustomize/" + site));
            assertThat(overlay)
                    .containsOnlyKeys("kustomization.yaml", "shop.yaml")
                    .containsEntry("shop.yaml", policies);
            assertThat(yaml(overlay.get("kustomization.yaml")))
                    .isEqualTo(Map.of(
                            "apiVersion",
                            "kustomize.config.k8s.io/v1beta1",
                            "kind",
                            "Kustomization",
                            "resources",
                            List.of("shop.yaml")));

            String node = Files.readString(dir.resolve("out/" + site + "/nodes/cp-1.yaml"));
            assertThat(node)
                    .as("the servers no longer place the policies, and remove the ones placed before")
                    .doesNotContain("path: /var/lib/rancher/rke2/server/manifests/netc-policies-")
                    .contains("handover=' netc-policies-shop.yaml '");
        }
        assertThat(files(dir.resolve("gitops")).keySet())
                .as("the trees hold no node file, and so no token")
                .allSatisfy(path -> assertThat(path).doesNotContain("nodes"));
    }

    @Test
    void aSiteLabelOfTheOperatorsOwnSelectsTheClusters() throws IOException {
        assertThat(compile(
                        "name,site\nstore-1,1\n",
                        "--fleet",
                        dir.resolve("fleet").toString(),
                        "--site-label",
                        "example.com/store"))
                .as(err.toString())
                .isZero();
        assertThat(Files.readString(dir.resolve("fleet/store-1/fleet.yaml")))
                .contains("      matchLabels:\n        example.com/store: store-1\n");
    }

    @Test
    void aSiteNameThatCannotNameABundleStopsTheRunBeforeAnythingIsWritten() throws IOException {
        assertThat(compile(
                        "name,site\nstore-1,1\nStore_2,2\n",
                        "--fleet",
                        dir.resolve("fleet").toString()))
                .isEqualTo(Netc.INPUT_ERRORS);
        assertThat(err.toString()).contains("error[NS1032]: site `Store_2` cannot be written with `--fleet`");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("fleet")).doesNotExist();

        assertThat(compile(
                        "name,site\nStore_2,2\n",
                        "--kustomize",
                        dir.resolve("k").toString()))
                .as("any folder name names a Kustomize folder")
                .isZero();
    }

    @Test
    void aSiteWithErrorsIsWrittenInNoTree() throws IOException {
        assertThat(compile(
                        "name,site\nstore-1,1\nstore-2,300\n",
                        "--fleet",
                        dir.resolve("fleet").toString(),
                        "--kustomize",
                        dir.resolve("k").toString()))
                .isEqualTo(Netc.INPUT_ERRORS);
        assertThat(files(dir.resolve("fleet")).keySet())
                .containsExactlyInAnyOrder("store-1/fleet.yaml", "store-1/shop.yaml");
        assertThat(dir.resolve("k/store-2")).doesNotExist();
        assertThat(dir.resolve("out/store-2")).doesNotExist();
    }

    @Test
    void optionsThatCannotWorkAreUsageErrors() throws IOException {
        Path spec = spec("store.netspec", TEMPLATE);
        spec("token.txt", "K10token\n");
        assertThat(netc("compile", spec.toString(), "--set", "site=1", "-o", "x", "--fleet", "f"))
                .isEqualTo(Netc.USAGE);
        assertThat(err.toString()).contains("`--fleet` writes a folder per site");

        assertThat(compile("name,site\ns,1\n", "--kustomize", "k", "--site-label", "a"))
                .isEqualTo(Netc.USAGE);
        assertThat(compile("name,site\ns,1\n", "--fleet", "f", "--site-label", "-bad"))
                .isEqualTo(Netc.USAGE);
        assertThat(compile(
                        "name,site\ns,1\n", "--fleet", dir.resolve("out/fleet").toString()))
                .as("a tree inside the output folder would be taken for a site")
                .isEqualTo(Netc.USAGE);
        assertThat(err.toString())
                .contains("`--site-label` names the label a Fleet bundle selects by")
                .contains("`--site-label -bad` is not a label key")
                .contains("need folders apart");
    }
}
