package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/** Reading YAML into the model, with API defaulting. */
class ManifestsTest {

    private static NetworkPolicy onlyPolicy(String yaml) {
        List<NetworkPolicy> policies = Manifests.parse(yaml).policies();
        assertThat(policies).hasSize(1);
        return policies.get(0);
    }

    @Test
    void appliesApiDefaulting() {
        NetworkPolicy policy = onlyPolicy("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: x}
                spec:
                  egress:
                  - ports: [{port: 53}, {protocol: UDP, port: 53}, {endPort: 90, port: 80}]
                """);

        assertThat(policy.podSelector()).isEqualTo(LabelSelector.EVERYTHING);
        assertThat(policy.policyTypes()).containsExactly(Direction.INGRESS, Direction.EGRESS);
        assertThat(policy.ingress()).isEmpty();
        assertThat(policy.egress().get(0).peers()).isEmpty();
        assertThat(policy.egress().get(0).ports())
                .containsExactly(
                        new PolicyPort.PortRange(Protocol.TCP, 53, 53),
                        new PolicyPort.PortRange(Protocol.UDP, 53, 53),
                        new PolicyPort.PortRange(Protocol.TCP, 80, 90));
    }

    @Test
    void policyTypesDefaultToIngressOnlyWithoutEgressRules() {
        NetworkPolicy policy = onlyPolicy("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: x}
                spec: {podSelector: {}, policyTypes: [], egress: []}
                """);

        assertThat(policy.policyTypes()).containsExactly(Direction.INGRESS);
    }

    @Test
    void readsEveryPeerAndPortShape() {
        NetworkPolicy policy = onlyPolicy("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: x}
                spec:
                  podSelector:
                    matchLabels: {app: web}
                    matchExpressions: [{key: tier, operator: NotIn, values: [a, b]}, {key: t, operator: Exists}]
                  policyTypes: [Ingress]
                  ingress:
                  - from:
                    - podSelector: {}
                    - namespaceSelector: {matchLabels: {env: prod}}
                    - podSelector: {matchLabels: {app: db}}
                      namespaceSelector: {}
                    - ipBlock: {cidr: 10.0.0.1/8, except: [10.1.0.0/16]}
                    ports: [{protocol: SCTP}, {port: http}]
                """);

        assertThat(policy.podSelector())
                .isEqualTo(new LabelSelector(
                        Map.of("app", "web"),
                        List.of(
                                new LabelRequirement("tier", LabelRequirement.Operator.NotIn, Set.of("a", "b")),
                                new LabelRequirement("t", LabelRequirement.Operator.Exists, Set.of()))));
        Rule rule = policy.ingress().get(0);
        LabelSelector app = new LabelSelector(Map.of("app", "db"), List.of());
        assertThat(rule.peers())
                .containsExactly(
                        new Peer.SelectorPeer(Optional.of(LabelSelector.EVERYTHING), Optional.empty()),
                        new Peer.SelectorPeer(
                                Optional.empty(), Optional.of(new LabelSelector(Map.of("env", "prod"), List.of()))),
                        new Peer.SelectorPeer(Optional.of(app), Optional.of(LabelSelector.EVERYTHING)),
                        new Peer.IpBlockPeer(Cidr.parse("10.0.0.0/8"), List.of(Cidr.parse("10.1.0.0/16"))));
        assertThat(rule.ports())
                .containsExactly(
                        new PolicyPort.AllPorts(Protocol.SCTP), new PolicyPort.NamedPortRef(Protocol.TCP, "http"));
    }

    @Test
    void readsNamespacesAndSkipsOtherKindsAndGroups() {
        Manifests manifests = Manifests.parse("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: prod, labels: {env: prod}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: prod}
                ---
                apiVersion: projectcalico.org/v3
                kind: NetworkPolicy
                metadata: {name: calico, namespace: prod}
                spec: {selector: all()}
                ---
                # an empty document
                ---
                apiVersion: v1
                kind: List
                items:
                - apiVersion: networking.k8s.io/v1
                  kind: NetworkPolicy
                  metadata: {name: listed, namespace: prod}
                  spec: {podSelector: {}}
                """);

        assertThat(manifests.namespaces())
                .containsExactly(new Namespace("prod", Map.of("env", "prod", Namespace.NAME_LABEL, "prod")));
        assertThat(manifests.policies())
                .extracting(NetworkPolicy::ref)
                .containsExactly(new PolicyRef("prod", "listed"));
    }

    @Test
    void theNameLabelOfANamespaceCannotBeOverridden() {
        Namespace namespace = new Namespace("prod", Map.of(Namespace.NAME_LABEL, "other"));

        assertThat(namespace.labels()).containsEntry(Namespace.NAME_LABEL, "prod");
    }

    @Test
    void errorsNameTheField() {
        String head = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata: {name: p, namespace: x}\n";

        assertThatThrownBy(() -> Manifests.parse(head + "spec: {ingress: [{from: [{}]}]}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessage("spec.ingress[0].from[0]: must specify a peer (R1) (YAML document 0)")
                .extracting(e -> ((PolicyFormatException) e).path())
                .isEqualTo("spec.ingress[0].from[0]");
        assertThatThrownBy(() -> Manifests.parse(
                        head + "spec: {egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}, podSelector: {}}]}]}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageStartingWith("spec.egress[0].to[0]: ");
        assertThatThrownBy(() -> Manifests.parse(head + "spec: {ingress: [{from: [{ipBlock: {cidr: 10.0.0.1}}]}]}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageStartingWith("spec.ingress[0].from[0].ipBlock.cidr: ");
        assertThatThrownBy(() -> Manifests.parse(head + "spec: {ingress: [{ports: [{port: 80, protocol: tcp}]}]}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageStartingWith("spec.ingress[0].ports[0].protocol: ");
        assertThatThrownBy(() -> Manifests.parse(head + "spec: {ingress: [{ports: [{port: http, endPort: 90}]}]}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageStartingWith("spec.ingress[0].ports[0].endPort: ");
        assertThatThrownBy(() -> Manifests.parse(head + "spec: {podSelector: {matchLabels: {enabled: true}}}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessage(
                        "spec.podSelector.matchLabels.enabled: expected a string, found Boolean true (YAML document 0)");
        assertThatThrownBy(() -> Manifests.parse(head.replace(", namespace: x", "") + "spec: {}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessage("metadata.namespace: required (YAML document 0)");
        assertThatThrownBy(() -> Manifests.parse("kind: ConfigMap\n---\n" + head + "spec: {policyTypes: [ingress]}"))
                .isInstanceOf(PolicyFormatException.class)
                .hasMessageStartingWith("spec.policyTypes[0]: unsupported policy type \"ingress\"")
                .hasMessageEndingWith("(YAML document 1)");
    }

    @Test
    void duplicateKeysAreRejectedAsStrictDecodingDoes() {
        assertThatThrownBy(() -> KubeYaml.loadAll("kind: A\nkind: B\n")).isInstanceOf(YamlEngineException.class);
    }

    @Test
    void yamlKeysBecomeStringsAndBareWordsStayStrings() {
        Map<String, Object> document =
                KubeYaml.loadAll("labels: {80: y, true: no}\n").get(0);

        assertThat(document.get("labels")).isEqualTo(Map.of("80", "y", "true", "no"));
    }

    @Test
    void policiesAreImmutable() {
        NetworkPolicy policy = onlyPolicy("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: p, namespace: x}
                spec: {policyTypes: [Egress]}
                """);

        assertThat(policy.policyTypes()).isEqualTo(EnumSet.of(Direction.EGRESS));
        assertThatThrownBy(() -> policy.policyTypes().add(Direction.INGRESS))
                .isInstanceOf(UnsupportedOperationException.class);
    }
}
