package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * 1,000 namespaces of 10 pods with 3 policies each: an evaluation reads only two namespaces'
 * policies, so a million probes stay well inside the time limit. A scan of all 3,000 policies per
 * probe would not.
 */
class EvaluatorScaleTest {

    private static final int NAMESPACES = 1000;
    private static final int PODS = 10;

    @Test
    void aMillionProbesOverAThousandNamespaces() {
        Universe.Builder builder = Universe.builder();
        StringBuilder yaml = new StringBuilder();
        for (int n = 0; n < NAMESPACES; n++) {
            String namespace = "ns-" + n;
            builder.namespace(namespace, Map.of("tier", n % 2 == 0 ? "front" : "back"));
            for (int p = 0; p < PODS; p++) {
                long ip = (10L << 24) | ((long) n << 8) | p;
                builder.pod(new Pod(
                        namespace,
                        "pod-" + p,
                        Map.of("app", "app-" + p),
                        new IpAddress(IpAddress.Family.IPV4, 0, ip),
                        Map.of("http", new NamedPort(8080, Protocol.TCP))));
            }
            yaml.append(policies(namespace));
        }
        Universe universe = builder.build();
        NetworkPolicyEvaluator evaluator = new NetworkPolicyEvaluator(
                universe, Manifests.parse(yaml.toString()).policies());
        List<Pod> pods = new ArrayList<>(universe.pods());

        int allowed = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            int count = 0;
            for (int i = 0; i < 1_000_000; i++) {
                Pod source = pods.get((int) Math.floorMod(i * 7919L, (long) pods.size()));
                Pod destination = pods.get((int) Math.floorMod(i * 104_729L + 13, (long) pods.size()));
                if (evaluator.evaluate(source, destination, 8080, Protocol.TCP).allowed()) {
                    count++;
                }
            }
            return count;
        });

        assertThat(allowed).isPositive().isLessThan(1_000_000);
    }

    private static String policies(String namespace) {
        return """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: deny-all, namespace: %1$s}
                spec: {podSelector: {}, policyTypes: [Ingress, Egress]}
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: front-to-app-1, namespace: %1$s}
                spec:
                  podSelector: {matchLabels: {app: app-1}}
                  policyTypes: [Ingress]
                  ingress: [{from: [{namespaceSelector: {matchLabels: {tier: front}}}], ports: [{port: http}]}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: egress-anywhere, namespace: %1$s}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress: [{to: [{ipBlock: {cidr: 10.0.0.0/8}}], ports: [{port: 8080}]}]
                ---
                """.formatted(namespace);
    }
}
