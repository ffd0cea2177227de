package dev.netc.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.Emitter;
import dev.netc.emit.OutputFile;
import dev.netc.examples.Examples;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** What query, diff and graph evaluate: every object the servers apply, whichever output kind wrote it. */
class EmittedPoliciesTest {
    private static final String POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny, namespace: app}
            spec: {podSelector: {}, policyTypes: [Ingress]}
            """;

    @Test
    void policiesAreReadFromEveryFileTheServersApply() {
        List<OutputFile> files = List.of(
                new OutputFile("somewhere/else.yaml", POLICY, false, Optional.of("netc-other.yaml")),
                new OutputFile("policies/app.yaml", POLICY.replace("deny", "deny-too"), false, Optional.empty()),
                new OutputFile(
                        "manifests/rke2-canal-config.yaml",
                        "apiVersion: helm.cattle.io/v1\nkind: HelmChartConfig\n",
                        false,
                        Optional.of("rke2-canal-config.yaml")));

        assertThat(EmittedPolicies.read(files).policies())
                .extracting(p -> p.name())
                .containsExactly("deny");
    }

    /**
     * query, diff and graph compile without the kinds that write only the nodes' own files: they
     * read the same objects and report the same diagnostics as a full compile, on every example.
     */
    @TestFactory
    Stream<DynamicTest> theCompileForEvaluationReadsWhatACompileWouldApply() {
        return Examples.all().stream()
                .map(example -> DynamicTest.dynamicTest(Examples.name(example), () -> {
                    Compiler.Request request = new Compiler.Request(
                            List.of(example),
                            List.of(),
                            Examples.DIR,
                            Examples.DIR,
                            Map.of(),
                            SecretSource.of(Map.of("CLUSTER_TOKEN", Examples.TOKEN)),
                            Emitter.Options.builder().traceRules(true).build());
                    Compiler.Result full = Compiler.compile(request);
                    Compiler.Result applied = Compiler.forEvaluation(request);
                    assertThat(EmittedPolicies.read(applied.files())).isEqualTo(EmittedPolicies.read(full.files()));
                    assertThat(applied.diagnostics().stream().map(Diagnostic::message))
                            .isEqualTo(full.diagnostics().stream()
                                    .map(Diagnostic::message)
                                    .toList());
                    List<String> kept =
                            applied.files().stream().map(OutputFile::path).toList();
                    assertThat(full.files())
                            .as("the files left out")
                            .filteredOn(file -> !kept.contains(file.path()))
                            .allSatisfy(
                                    file -> assertThat(file.serverManifest()).isEmpty());
                }));
    }

    /** A new output kind that deploys another kind of policy must teach the evaluator first. */
    @Test
    void anObjectOfAnUnknownKindIsRefusedRatherThanLeftOut() {
        OutputFile cilium = new OutputFile(
                "policies/app.yaml",
                "apiVersion: cilium.io/v2\nkind: CiliumNetworkPolicy\n",
                false,
                Optional.of("netc-policies-app.yaml"));

        assertThatThrownBy(() -> EmittedPolicies.read(List.of(cilium)))
                .hasMessageContaining("cilium.io/v2 CiliumNetworkPolicy");
    }
}
