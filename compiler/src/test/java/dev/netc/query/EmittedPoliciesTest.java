package dev.netc.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.netc.emit.OutputFile;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

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
