package dev.netc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.cli.Netc;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitOps trees of a fleet, as the harness reads them with Fleet's and kustomize's own types
 * (fleet-yaml-fields.tsv, kustomization-fields.tsv): each site's bundle goes to its own cluster
 * only, its kustomization deploys its policy files unchanged, and its servers hand the policies
 * over instead of applying them beside the engine. The last tests break a tree on purpose, so that
 * a harness that stopped looking would fail here.
 */
class GitOpsConformanceTest {
    private static final String TEMPLATE = """
            param site: int
            network lan { cidr "10.${site}.1.0/24" }
            cluster edge {
              token file("token.txt")
              node cp-1 { role init; interface eth0 "10.${site}.1.10" on lan }
              node w-1 { role worker; interface eth0 "10.${site}.1.20" on lan }
            }
            namespace shop {
              isolate ingress, egress
              tier web { pods app=web; port http 80/tcp }
              tier db { pods app=db; port pg 5432/tcp }
            }
            namespace ops { isolate ingress; tier probe { pods app=probe; port metrics 9100/tcp } }
            allow "192.168.${site}.0/24" -> shop.web:http
            allow shop.web -> shop.db:pg
            allow shop.web -> ops.probe:metrics
            """;

    @TempDir
    Path dir;

    private final List<Path> cases = new ArrayList<>();

    @BeforeEach
    void compileAFleet() throws IOException {
        Path template = Files.writeString(dir.resolve("store.netspec"), TEMPLATE, StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("token.txt"), "K10token\n", StandardCharsets.UTF_8);
        StringBuilder sites = new StringBuilder("name, site\n");
        for (int i = 1; i <= 12; i++) {
            sites.append("store-").append(i).append(", ").append(i).append('\n');
        }
        Path sitesFile = Files.writeString(dir.resolve("fleet.sites"), sites, StandardCharsets.UTF_8);
        StringWriter err = new StringWriter();
        int exit = Netc.run(
                new String[] {
                    "compile",
                    template.toString(),
                    "--sites",
                    sitesFile.toString(),
                    "-o",
                    dir.resolve("out").toString(),
                    "--fleet",
                    dir.resolve("gitops/fleet").toString(),
                    "--kustomize",
                    dir.resolve("gitops/kustomize").toString()
                },
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(err, true));
        assertThat(exit).as(err.toString()).isZero();
        for (int i = 1; i <= 12; i++) {
            cases.add(caseOf("store-" + i));
        }
    }

    /** A harness case of one site: its output folder and its folder of each tree. */
    private Path caseOf(String site) throws IOException {
        Path kase = dir.resolve("cases/" + site);
        Files.createDirectories(kase.resolve("fleet"));
        Files.createDirectories(kase.resolve("kustomize"));
        Files.createSymbolicLink(kase.resolve("out"), dir.resolve("out/" + site));
        Files.createSymbolicLink(kase.resolve("fleet/" + site), dir.resolve("gitops/fleet/" + site));
        Files.createSymbolicLink(kase.resolve("kustomize/" + site), dir.resolve("gitops/kustomize/" + site));
        return kase;
    }

    @Test
    void everySiteIsDeliveredToItsOwnClusterExactlyAsProved() {
        assertThat(Harness.run(cases)).isEmpty();
    }

    @Test
    void aMisspeltBundleKeyAndABundleForEveryClusterAreCaught() throws IOException {
        Path fleetYaml = dir.resolve("gitops/fleet/store-1/fleet.yaml");
        Files.writeString(
                fleetYaml,
                Files.readString(fleetYaml)
                        .replace("keepResources", "keepResource")
                        .replace("        netc.dev/site: store-1\n", "        netc.dev/tier: edge\n"));
        assertThat(Harness.run(List.of(cases.get(0))))
                .extracting(Harness.Finding::kind)
                .containsExactlyInAnyOrder(
                        "error fleet.targets", "error fleet.unknown-field", "error fleet.keep-resources");
    }

    @Test
    void aKustomizationThatChangesOrMissesPoliciesIsCaught() throws IOException {
        Path overlay = dir.resolve("gitops/kustomize/store-2");
        Files.writeString(
                overlay.resolve("kustomization.yaml"),
                Files.readString(overlay.resolve("kustomization.yaml")).replace("  - ops.yaml\n", "")
                        + "namePrefix: x-\n");
        assertThat(Harness.run(List.of(cases.get(1))))
                .extracting(Harness.Finding::kind)
                .containsExactlyInAnyOrder("error kustomize.transforms", "error kustomize.unlisted");
    }

    @Test
    void aNamespaceAnEngineWouldDeleteAndAPolicyItWouldNeverPruneAreCaught() throws IOException {
        Path shop = dir.resolve("gitops/fleet/store-4/shop.yaml");
        Files.writeString(
                shop,
                Files.readString(shop)
                        .replace("    helm.sh/resource-policy: keep\n", "")
                        .replace("sync-options: Delete=false", "sync-options: Delete=false,Prune=false"));
        assertThat(Harness.run(List.of(cases.get(3))))
                .extracting(Harness.Finding::rule)
                .contains("gitops.namespace-deletable", "gitops.policy-kept", "gitops.policies-differ");
    }

    @Test
    void serversThatStillApplyThePoliciesAreCaught() throws IOException {
        Path recompiled = dir.resolve("servers");
        int exit = Netc.run(
                new String[] {
                    "compile", dir.resolve("store.netspec").toString(), "--set", "site=3", "-o", recompiled.toString()
                },
                new PrintWriter(new StringWriter(), true),
                new PrintWriter(new StringWriter(), true));
        assertThat(exit).isZero();
        Path kase = cases.get(2);
        Files.delete(kase.resolve("out"));
        Files.createSymbolicLink(kase.resolve("out"), recompiled);
        assertThat(Harness.run(List.of(kase)))
                .extracting(Harness.Finding::rule)
                .contains("deploy.double-delivery", "deploy.handover");
    }
}
