package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Semantics beyond the oracle file, and the verdict's explanation. */
class NetworkPolicyEvaluatorTest {

    private static final Universe UNIVERSE = Universe.builder()
            .namespace("prod", Map.of("env", "prod"))
            .namespace("dev", Map.of("env", "dev"))
            .pod(pod(
                    "prod",
                    "web",
                    "10.42.0.10",
                    Map.of("http", new NamedPort(8080, Protocol.TCP), "dns", new NamedPort(53, Protocol.UDP))))
            .pod(pod("prod", "db", "10.42.0.20", Map.of("pg", new NamedPort(5432, Protocol.TCP))))
            .pod(pod("dev", "web", "10.42.1.10", Map.of("http", new NamedPort(9090, Protocol.TCP))))
            .build();

    private static final Pod PROD_WEB = UNIVERSE.pod("prod/web");
    private static final Pod PROD_DB = UNIVERSE.pod("prod/db");
    private static final Pod DEV_WEB = UNIVERSE.pod("dev/web");

    private static Pod pod(String namespace, String name, String ip, Map<String, NamedPort> namedPorts) {
        return new Pod(namespace, name, Map.of("app", name), IpAddress.parse(ip), namedPorts);
    }

    private static NetworkPolicyEvaluator evaluator(String yaml) {
        return new NetworkPolicyEvaluator(UNIVERSE, Manifests.parse(yaml).policies());
    }

    private static final String DB_POLICY = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: deny-all, namespace: prod}
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: db, namespace: prod}
            spec:
              podSelector: {matchLabels: {app: db}}
              policyTypes: [Ingress]
              ingress:
              - from: [{podSelector: {matchLabels: {app: other}}}]
              - from: [{podSelector: {matchLabels: {app: web}}}]
                ports: [{port: pg}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: prod}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Egress]
              egress:
              - to: [{podSelector: {matchLabels: {app: db}}}]
                ports: [{protocol: TCP, port: 5432}]
              - to: [{podSelector: {}}]
            """;

    @Test
    void anAllowedVerdictNamesEveryRuleThatAllowedIt() {
        Verdict verdict = evaluator(DB_POLICY).evaluate(PROD_WEB, PROD_DB, 5432, Protocol.TCP);

        assertThat(verdict.allowed()).isTrue();
        assertThat(verdict.egress().isolatedBy())
                .containsExactly(new PolicyRef("prod", "deny-all"), new PolicyRef("prod", "web"));
        assertThat(verdict.egress().allowedBy())
                .containsExactly(
                        new RuleRef(new PolicyRef("prod", "web"), Direction.EGRESS, 0),
                        new RuleRef(new PolicyRef("prod", "web"), Direction.EGRESS, 1));
        assertThat(verdict.ingress().allowedBy())
                .containsExactly(new RuleRef(new PolicyRef("prod", "db"), Direction.INGRESS, 1));
        assertThat(verdict.explain()).isEqualTo("""
                prod/web -> prod/db TCP/5432: ALLOWED
                  egress of prod/web: isolated by prod/deny-all, prod/web; allowed by prod/web egress[0], prod/web egress[1]
                  ingress of prod/db: isolated by prod/deny-all, prod/db; allowed by prod/db ingress[1]""");
    }

    @Test
    void aDeniedVerdictNamesThePoliciesThatIsolated() {
        Verdict verdict = evaluator(DB_POLICY).evaluate(PROD_DB, PROD_WEB, 8080, Protocol.TCP);

        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.egress().allowed()).isFalse();
        assertThat(verdict.ingress().allowed()).isFalse();
        assertThat(verdict.explain()).isEqualTo("""
                prod/db -> prod/web TCP/8080: DENIED
                  egress of prod/db: isolated by prod/deny-all; no rule allows it, denied
                  ingress of prod/web: isolated by prod/deny-all; no rule allows it, denied""");
    }

    @Test
    void aSideWithoutPoliciesIsNotIsolated() {
        Verdict verdict = evaluator(DB_POLICY).evaluate(DEV_WEB, PROD_DB, 5432, Protocol.TCP);

        assertThat(verdict.egress().isolated()).isFalse();
        assertThat(verdict.egress().allowed()).isTrue();
        assertThat(verdict.ingress().allowed())
                .as("namespace dev is not the policy's namespace")
                .isFalse();
        assertThat(verdict.egress().explain())
                .isEqualTo("egress of dev/web: not isolated (no policy selects it for Egress), allowed");
    }

    @Test
    void namedPortsResolveOnTheDestinationAndMustMatchTheProtocol() {
        NetworkPolicyEvaluator evaluator = evaluator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: named, namespace: prod}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - ports: [{port: http}, {protocol: UDP, port: pg}, {protocol: TCP, port: dns}]
                """);

        assertThat(evaluator.evaluate(PROD_DB, PROD_WEB, 8080, Protocol.TCP).allowed())
                .isTrue();
        assertThat(evaluator.evaluate(PROD_DB, DEV_WEB, 9090, Protocol.TCP).allowed())
                .as("dev/web's http")
                .isTrue();
        assertThat(evaluator.evaluate(PROD_DB, DEV_WEB, 8080, Protocol.TCP).allowed())
                .isFalse();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 5432, Protocol.UDP).allowed())
                .as("pg is TCP on db")
                .isFalse();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 5432, Protocol.TCP).allowed())
                .as("rule says UDP")
                .isFalse();
        assertThat(evaluator.evaluate(PROD_DB, PROD_WEB, 53, Protocol.TCP).allowed())
                .as("dns is UDP on web")
                .isFalse();
        assertThat(evaluator
                        .evaluate(PROD_DB, Endpoint.external("192.0.2.1"), 8080, Protocol.TCP)
                        .allowed())
                .as("named ports never match an IP")
                .isFalse();
    }

    @Test
    void aProtocolOnlyRuleAdmitsEveryPortOfThatProtocolOnly() {
        NetworkPolicyEvaluator evaluator = evaluator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: udp-only, namespace: prod}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress: [{ports: [{protocol: UDP}]}]
                """);

        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 1, Protocol.UDP).allowed())
                .isTrue();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 65535, Protocol.UDP).allowed())
                .isTrue();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 5432, Protocol.TCP).allowed())
                .as("still isolated for TCP")
                .isFalse();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 5432, Protocol.SCTP).allowed())
                .isFalse();
    }

    @Test
    void emptyFromAndEmptyPortsAdmitEverythingIncludingExternalSources() {
        NetworkPolicyEvaluator evaluator = evaluator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: all, namespace: prod}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress]
                  ingress: [{from: [], ports: []}]
                """);

        assertThat(evaluator
                        .evaluate(Endpoint.external("203.0.113.7"), PROD_DB, 5432, Protocol.SCTP)
                        .allowed())
                .isTrue();
        assertThat(evaluator.evaluate(DEV_WEB, PROD_DB, 7, Protocol.UDP).allowed())
                .isTrue();
    }

    private static final String EXTERNAL_POLICIES = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: egress-out, namespace: prod}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Egress]
              egress:
              - to:
                - ipBlock: {cidr: 0.0.0.0/0, except: [10.42.0.0/16, 10.43.0.0/16]}
                - ipBlock: {cidr: "2001:db8::/32", except: ["2001:db8:bad::/48"]}
                ports: [{port: 443}]
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: ingress-in, namespace: prod}
            spec:
              podSelector: {matchLabels: {app: web}}
              policyTypes: [Ingress]
              ingress:
              - from: [{ipBlock: {cidr: 198.51.100.0/24, except: [198.51.100.128/25]}}]
              - from: [{ipBlock: {cidr: "fd00::/8"}}]
                ports: [{port: 8080}]
            """;

    @Test
    void egressToExternalAddressesIsDecidedByTheSourceAlone() {
        NetworkPolicyEvaluator evaluator = evaluator(EXTERNAL_POLICIES);

        Verdict out = evaluator.evaluate(PROD_WEB, Endpoint.external("93.184.216.34"), 443, Protocol.TCP);
        assertThat(out.allowed()).isTrue();
        assertThat(out.ingress().governed()).isFalse();
        assertThat(out.ingress().explain()).isEqualTo("ingress of 93.184.216.34: external endpoint, no policies apply");
        assertThat(evaluator
                        .evaluate(PROD_WEB, Endpoint.external("93.184.216.34"), 80, Protocol.TCP)
                        .allowed())
                .isFalse();
        assertThat(evaluator
                        .evaluate(PROD_WEB, Endpoint.external("2001:db8:1::5"), 443, Protocol.TCP)
                        .allowed())
                .isTrue();
        assertThat(evaluator
                        .evaluate(PROD_WEB, Endpoint.external("2001:db8:bad::5"), 443, Protocol.TCP)
                        .allowed())
                .as("IPv6 except")
                .isFalse();
        assertThat(evaluator
                        .evaluate(PROD_WEB, Endpoint.external("2001:db9::5"), 443, Protocol.TCP)
                        .allowed())
                .isFalse();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 443, Protocol.TCP).allowed())
                .as("the pod CIDR is excepted, so 0.0.0.0/0 does not reach pods")
                .isFalse();
        assertThat(evaluator
                        .evaluate(PROD_DB, Endpoint.external("93.184.216.34"), 80, Protocol.TCP)
                        .allowed())
                .as("db is not isolated for egress")
                .isTrue();
    }

    @Test
    void ingressFromExternalAddressesIsDecidedByTheDestinationAlone() {
        NetworkPolicyEvaluator evaluator = evaluator(EXTERNAL_POLICIES);

        Verdict in = evaluator.evaluate(Endpoint.external("198.51.100.1"), PROD_WEB, 9999, Protocol.UDP);
        assertThat(in.allowed()).isTrue();
        assertThat(in.egress().governed()).isFalse();
        assertThat(in.ingress().allowedBy())
                .containsExactly(new RuleRef(new PolicyRef("prod", "ingress-in"), Direction.INGRESS, 0));
        assertThat(evaluator
                        .evaluate(Endpoint.external("198.51.100.200"), PROD_WEB, 9999, Protocol.UDP)
                        .allowed())
                .as("except 198.51.100.128/25")
                .isFalse();
        assertThat(evaluator
                        .evaluate(Endpoint.external("fd12::1"), PROD_WEB, 8080, Protocol.TCP)
                        .allowed())
                .isTrue();
        assertThat(evaluator
                        .evaluate(Endpoint.external("fd12::1"), PROD_WEB, 8081, Protocol.TCP)
                        .allowed())
                .isFalse();
        assertThat(evaluator
                        .evaluate(Endpoint.external("fe80::1"), PROD_WEB, 8080, Protocol.TCP)
                        .allowed())
                .isFalse();
        assertThat(evaluator
                        .evaluate(Endpoint.external("::ffff:198.51.100.1"), PROD_WEB, 9999, Protocol.UDP)
                        .allowed())
                .as("an IPv4-mapped address is its IPv4 address")
                .isTrue();
    }

    @Test
    void ipBlocksMatchPodIpsAsCalicoDoes() {
        NetworkPolicyEvaluator evaluator = evaluator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: by-ip, namespace: prod}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  ingress: [{from: [{ipBlock: {cidr: 10.42.1.0/24}}]}]
                """);

        assertThat(evaluator.evaluate(DEV_WEB, PROD_DB, 5432, Protocol.TCP).allowed())
                .isTrue();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 5432, Protocol.TCP).allowed())
                .isFalse();
    }

    @Test
    void anEmptyEgressListWithoutPolicyTypesDeniesIngressNotEgress() {
        NetworkPolicyEvaluator evaluator = evaluator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: meant-to-deny-egress, namespace: prod}
                spec:
                  podSelector: {}
                  egress: []
                """);

        Verdict verdict = evaluator.evaluate(PROD_WEB, PROD_DB, 5432, Protocol.TCP);
        assertThat(verdict.egress().isolated()).isFalse();
        assertThat(verdict.ingress().isolated()).isTrue();
        assertThat(verdict.allowed()).isFalse();
    }

    @Test
    void theClientsEgressDenyWinsOverTheServersAllow() {
        NetworkPolicyEvaluator evaluator = evaluator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-egress, namespace: dev}
                spec: {podSelector: {}, policyTypes: [Egress]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-all-in, namespace: prod}
                spec:
                  podSelector: {matchLabels: {app: db}}
                  policyTypes: [Ingress]
                  ingress: [{}]
                """);

        Verdict verdict = evaluator.evaluate(DEV_WEB, PROD_DB, 5432, Protocol.TCP);
        assertThat(verdict.allowed()).isFalse();
        assertThat(verdict.ingress().allowedBy())
                .containsExactly(new RuleRef(new PolicyRef("prod", "allow-all-in"), Direction.INGRESS, 0));
        assertThat(verdict.egress().explain())
                .isEqualTo("egress of dev/web: isolated by dev/deny-egress; no rule allows it, denied");
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 5432, Protocol.TCP).allowed())
                .isTrue();
    }

    @Test
    void endPortMakesAnInclusiveRangeOfOneProtocol() {
        NetworkPolicyEvaluator evaluator = evaluator("""
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: range, namespace: prod}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  policyTypes: [Egress]
                  egress: [{ports: [{protocol: UDP, port: 53, endPort: 80}]}]
                """);

        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 53, Protocol.UDP).allowed())
                .isTrue();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 80, Protocol.UDP).allowed())
                .isTrue();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 52, Protocol.UDP).allowed())
                .isFalse();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 81, Protocol.UDP).allowed())
                .isFalse();
        assertThat(evaluator.evaluate(PROD_WEB, PROD_DB, 53, Protocol.TCP).allowed())
                .isFalse();
    }

    @Test
    void rejectsTwoPoliciesWithTheSameNamespaceAndName() {
        List<NetworkPolicy> policies = Manifests.parse(DB_POLICY).policies();

        assertThatThrownBy(() -> new NetworkPolicyEvaluator(UNIVERSE, List.of(policies.get(0), policies.get(0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("prod/deny-all");
    }

    @Test
    void rejectsAPortOutOfRange() {
        assertThatThrownBy(() -> evaluator(DB_POLICY).evaluate(PROD_WEB, PROD_DB, 0, Protocol.TCP))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
