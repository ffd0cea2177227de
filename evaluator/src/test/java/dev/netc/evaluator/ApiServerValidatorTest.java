package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One invalid and one valid example for every rule of the catalogue the validator implements. */
class ApiServerValidatorTest {

    /** A policy with the given metadata body and spec body (both YAML, indented by the caller's text). */
    private static Map<String, Object> document(String metadata, String spec) {
        String yaml = "apiVersion: networking.k8s.io/v1\nkind: NetworkPolicy\nmetadata:\n" + indent(metadata)
                + "spec:\n" + indent(spec);
        return KubeYaml.loadAll(yaml).get(0);
    }

    private static Map<String, Object> spec(String spec) {
        return document("name: p\nnamespace: x\n", spec);
    }

    private static Map<String, Object> metadata(String metadata) {
        return document(metadata, "podSelector: {}\n");
    }

    /** A spec whose only rule has one ingress peer. */
    private static Map<String, Object> peer(String peer) {
        return spec("podSelector: {}\ningress:\n- from:\n  - " + peer + "\n");
    }

    /** A spec whose only rule has one port entry. */
    private static Map<String, Object> port(String port) {
        return spec("podSelector: {}\ningress:\n- ports:\n  - " + port + "\n");
    }

    private static Map<String, Object> ipBlock(String cidr, String except) {
        return peer("ipBlock: {cidr: \"" + cidr + "\", except: [" + except + "]}");
    }

    private static String indent(String text) {
        return text.lines().map(line -> "  " + line + "\n").reduce("", String::concat);
    }

    private static final String PEER = "spec.ingress[0].from[0]";
    private static final String PORT = "spec.ingress[0].ports[0]";
    private static final String EXPRESSION = "spec.podSelector.matchExpressions[0]";

    static Stream<Arguments> rules() {
        return Stream.of(
                Arguments.of(
                        "M1", "metadata.name", metadata("namespace: x"), metadata("generateName: web-\nnamespace: x")),
                Arguments.of(
                        "M2",
                        "metadata.name",
                        metadata("name: Foo_Bar\nnamespace: x"),
                        metadata("name: allow.web-1\nnamespace: x")),
                Arguments.of(
                        "M2",
                        "metadata.name",
                        metadata("name: " + "a".repeat(254) + "\nnamespace: x"),
                        metadata("name: " + "a".repeat(253) + "\nnamespace: x")),
                Arguments.of(
                        "M3",
                        "metadata.generateName",
                        metadata("generateName: Web_\nnamespace: x"),
                        metadata("generateName: web-\nnamespace: x")),
                Arguments.of(
                        "M4",
                        "metadata.namespace",
                        metadata("name: p\nnamespace: a.b"),
                        metadata("name: p\nnamespace: team-1")),
                Arguments.of(
                        "M4",
                        "metadata.namespace",
                        metadata("name: p"),
                        metadata("name: p\nnamespace: \"" + "n".repeat(63) + "\"")),
                Arguments.of(
                        "M4",
                        "metadata.namespace",
                        metadata("name: p\nnamespace: \"" + "n".repeat(64) + "\""),
                        metadata("name: p\nnamespace: \"y\"")),
                Arguments.of(
                        "M6",
                        "metadata.labels",
                        metadata("name: p\nnamespace: x\nlabels: {\"a/b/c\": v}"),
                        metadata("name: p\nnamespace: x\nlabels: {app.kubernetes.io/name: web}")),
                Arguments.of(
                        "M7",
                        "metadata.annotations",
                        metadata("name: p\nnamespace: x\nannotations: {-bad: v}"),
                        metadata("name: p\nnamespace: x\nannotations: {Example.COM/Note: v}")),
                Arguments.of(
                        "S1",
                        "spec.podSelector.matchLabels",
                        spec("podSelector: {matchLabels: {Example.com/app: v}}"),
                        spec("podSelector: {matchLabels: {example.com/MyApp: v}}")),
                Arguments.of(
                        "S1",
                        EXPRESSION + ".key",
                        spec("podSelector: {matchExpressions: [{key: \"-k\", operator: Exists}]}"),
                        spec("podSelector: {matchExpressions: [{key: k, operator: Exists}]}")),
                Arguments.of(
                        "S2",
                        "spec.podSelector.matchLabels",
                        spec("podSelector: {matchLabels: {app: bad value}}"),
                        spec("podSelector: {matchLabels: {app: \"\"}}")),
                Arguments.of(
                        "S3",
                        EXPRESSION + ".values[1]",
                        spec("podSelector: {matchExpressions: [{key: app, operator: In, values: [ok, \"-x\"]}]}"),
                        spec("podSelector: {matchExpressions: [{key: app, operator: In, values: [ok, x_1]}]}")),
                Arguments.of(
                        "S4",
                        EXPRESSION + ".operator",
                        spec("podSelector: {matchExpressions: [{key: app, operator: in, values: [a]}]}"),
                        spec("podSelector: {matchExpressions: [{key: app, operator: In, values: [a]}]}")),
                Arguments.of(
                        "S5",
                        EXPRESSION + ".values",
                        spec("podSelector: {matchExpressions: [{key: app, operator: NotIn}]}"),
                        spec("podSelector: {matchExpressions: [{key: app, operator: NotIn, values: [a]}]}")),
                Arguments.of(
                        "S6",
                        EXPRESSION + ".values",
                        spec("podSelector: {matchExpressions: [{key: app, operator: Exists, values: [a]}]}"),
                        spec("podSelector: {matchExpressions: [{key: app, operator: DoesNotExist}]}")),
                Arguments.of("P1", PORT + ".protocol", port("{protocol: ICMP}"), port("{protocol: SCTP}")),
                Arguments.of("P1", PORT + ".protocol", port("{protocol: tcp}"), port("{protocol: TCP, port: 80}")),
                Arguments.of("P2", PORT + ".port", port("{port: 0}"), port("{port: 65535}")),
                Arguments.of("P3", PORT + ".port", port("{port: \"80\"}"), port("{port: serve-80-tcp}")),
                Arguments.of("P3", PORT + ".port", port("{port: HTTP}"), port("{port: http}")),
                Arguments.of("P3", PORT + ".port", port("{port: serve-8080-tcp-x}"), port("{port: serve-8080-tcp}")),
                Arguments.of("P4", PORT + ".endPort", port("{port: 90, endPort: 80}"), port("{port: 80, endPort: 80}")),
                Arguments.of(
                        "P5",
                        PORT + ".endPort",
                        port("{port: 80, endPort: 70000}"),
                        port("{port: 80, endPort: 65535}")),
                Arguments.of("P6", PORT + ".endPort", port("{port: http, endPort: 90}"), port("{port: http}")),
                Arguments.of("P7", PORT + ".endPort", port("{protocol: UDP, endPort: 90}"), port("{protocol: UDP}")),
                Arguments.of("R1", PEER, peer("{}"), peer("{podSelector: {}}")),
                Arguments.of(
                        "R2",
                        PEER,
                        peer("{ipBlock: {cidr: 10.0.0.0/8}, namespaceSelector: {}}"),
                        peer("{podSelector: {}, namespaceSelector: {}}")),
                Arguments.of(
                        "I1",
                        PEER + ".ipBlock.cidr",
                        peer("{ipBlock: {cidr: \"\"}}"),
                        peer("{ipBlock: {cidr: 0.0.0.0/0}}")),
                Arguments.of("I2", PEER + ".ipBlock.cidr", ipBlock("10.0.0.1", ""), ipBlock("10.0.0.1/32", "")),
                Arguments.of("I2", PEER + ".ipBlock.cidr", ipBlock("10.0.0.0/33", ""), ipBlock("10.0.0.0/32", "")),
                Arguments.of("I2", PEER + ".ipBlock.cidr", ipBlock("fe80::%eth0/64", ""), ipBlock("fe80::/64", "")),
                Arguments.of(
                        "I2",
                        PEER + ".ipBlock.except[0]",
                        ipBlock("10.0.0.0/8", "10.1/16"),
                        ipBlock("10.0.0.0/8", "10.1.0.0/16")),
                Arguments.of("I3", PEER + ".ipBlock.cidr", ipBlock("010.0.0.0/8", ""), ipBlock("10.0.0.0/8", "")),
                Arguments.of("I3", PEER + ".ipBlock.cidr", ipBlock("10.0.0.0/08", ""), ipBlock("10.0.0.0/8", "")),
                Arguments.of("I3", PEER + ".ipBlock.cidr", ipBlock("10.0.0.1/8", ""), ipBlock("10.0.0.0/8", "")),
                Arguments.of("I3", PEER + ".ipBlock.cidr", ipBlock("::ffff:10.0.0.0/104", ""), ipBlock("::/0", "")),
                Arguments.of(
                        "I3",
                        PEER + ".ipBlock.except[0]",
                        ipBlock("10.0.0.0/8", "\"10.1.0.1/16\""),
                        ipBlock("10.0.0.0/8", "\"10.1.0.1/32\"")),
                Arguments.of(
                        "I5",
                        PEER + ".ipBlock.except[0]",
                        ipBlock("10.0.0.0/8", "10.0.0.0/8"),
                        ipBlock("10.0.0.0/8", "10.0.0.0/9")),
                Arguments.of(
                        "I5",
                        PEER + ".ipBlock.except[0]",
                        ipBlock("10.0.0.0/8", "11.0.0.0/16"),
                        ipBlock("10.0.0.0/8", "10.255.0.0/16")),
                Arguments.of(
                        "I5",
                        PEER + ".ipBlock.except[0]",
                        ipBlock("0.0.0.0/0", "\"::/1\""),
                        ipBlock("::/0", "\"fd00::/8\"")),
                Arguments.of(
                        "T1",
                        "spec.policyTypes",
                        spec("podSelector: {}\npolicyTypes: [Ingress, Egress, Ingress]"),
                        spec("podSelector: {}\npolicyTypes: [Ingress, Ingress]")),
                Arguments.of(
                        "T2",
                        "spec.policyTypes[0]",
                        spec("podSelector: {}\npolicyTypes: [ingress]"),
                        spec("podSelector: {}\npolicyTypes: [Egress]")),
                Arguments.of(
                        "T7",
                        "spec.ingress[0].form",
                        spec("podSelector: {}\ningress: [{form: []}]"),
                        spec("podSelector: {}\ningress: [{from: []}]")),
                Arguments.of("T7", "spec.ingress[0].ports[0].port", port("{port: 1.5}"), port("{port: 1}")),
                Arguments.of(
                        "T7",
                        "spec.podSelector.matchLabels.enabled",
                        spec("podSelector: {matchLabels: {enabled: true}}"),
                        spec("podSelector: {matchLabels: {enabled: \"true\"}}")));
    }

    @ParameterizedTest(name = "{0} at {1}")
    @MethodSource("rules")
    void reportsTheRuleForTheInvalidExampleOnlyAtItsPath(
            String rule, String path, Map<String, Object> invalid, Map<String, Object> valid) {
        assertThat(ApiServerValidator.validate(invalid))
                .extracting(Violation::path, Violation::rule)
                .containsOnly(tuple(path, rule));
        assertThat(ApiServerValidator.validate(valid)).isEmpty();
    }

    @Test
    void statusIsAnUnknownField() {
        Map<String, Object> document = spec("podSelector: {}");
        document.put("status", Map.of());

        assertThat(ApiServerValidator.validate(document))
                .containsExactly(new Violation("status", "T7", "strict decoding error: unknown field \"status\""));
    }

    @Test
    void reportsEveryProblemTogetherNotJustTheFirst() {
        Map<String, Object> document = document(
                "name: Bad_Name\nnamespace: x",
                "podSelector: {}\ningress:\n- from: [{}]\n  ports: [{protocol: ICMP}, {port: 0}]");

        assertThat(ApiServerValidator.validate(document))
                .extracting(Violation::rule)
                .containsExactly("M2", "P1", "P2", "R1");
    }

    @Test
    void aPortNameCanBreakSeveralRulesAtOnce() {
        assertThat(ApiServerValidator.validate(port("{port: \"-a--b-c-d-e-f-g-h\"}")))
                .extracting(Violation::message)
                .containsExactly(
                        "Invalid value: \"-a--b-c-d-e-f-g-h\": must be no more than 15 characters",
                        "Invalid value: \"-a--b-c-d-e-f-g-h\": must not contain consecutive hyphens",
                        "Invalid value: \"-a--b-c-d-e-f-g-h\": must not begin or end with a hyphen");
    }

    @Test
    void aCodeRuleIsNotEchoedByTheSchema() {
        // the schema's enum rejects ICMP too; P1 already says so at the same path
        assertThat(ApiServerValidator.validate(port("{protocol: ICMP}")))
                .extracting(Violation::rule)
                .containsExactly("P1");
        assertThat(SchemaValidator.validate(port("{protocol: ICMP}")))
                .extracting(Violation::path)
                .containsExactly(PORT + ".protocol");
    }

    @Test
    void aNullFieldIsAbsentAsInGoDecoding() {
        Map<String, Object> document = port("{protocol: UDP, port: null}");

        assertThat(ApiServerValidator.validate(document)).isEmpty();
        // the bundled schema's oneOf for port rejects an explicit null (a known quirk of its conventions)
        assertThat(SchemaValidator.validate(document))
                .extracting(Violation::path)
                .containsExactly(PORT + ".port");
    }

    @Test
    void warnsAboutNonCanonicalIpv6() {
        // RFC 5952: lower case, and "::" for the longest run of zero groups (the later, longer one here)
        Map<String, Object> sloppy = ipBlock("2001:DB8:0:0::/64", "\"2001:db8::1:0:0:0/80\"");

        assertThat(ApiServerValidator.warnings(sloppy))
                .containsExactly(
                        new Violation(
                                PEER + ".ipBlock.cidr",
                                "I7",
                                "IPv6 CIDR value \"2001:DB8:0:0::/64\" should be in RFC 5952 canonical format (\"2001:db8::/64\")"),
                        new Violation(
                                PEER + ".ipBlock.except[0]",
                                "I7",
                                "IPv6 CIDR value \"2001:db8::1:0:0:0/80\" should be in RFC 5952 canonical format (\"2001:db8:0:0:1::/80\")"));
        assertThat(ApiServerValidator.validate(sloppy)).isEmpty();
        assertThat(ApiServerValidator.warnings(ipBlock("2001:db8::/64", "\"2001:db8:0:0:1::/80\"")))
                .isEmpty();
    }

    @Test
    void theSchemaRejectsAnotherKind() {
        Map<String, Object> document = spec("podSelector: {}");
        document.put("kind", "NetworkPolicyy");

        assertThat(ApiServerValidator.validate(document))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(tuple("kind", "T7"));
    }

    @Test
    void checksEgressPeersAndPortsLikeIngress() {
        Map<String, Object> document = spec("podSelector: {}\npolicyTypes: [Egress]\negress:\n"
                + "- to: [{ipBlock: {cidr: 10.0.0.0/8, except: [10.0.0.0/8]}}]\n  ports: [{port: 53, endPort: 52}]");

        assertThat(ApiServerValidator.validate(document))
                .extracting(Violation::path, Violation::rule)
                .containsExactly(
                        tuple("spec.egress[0].ports[0].endPort", "P4"),
                        tuple("spec.egress[0].to[0].ipBlock.except[0]", "I5"));
    }

    @Test
    void violationsReadLikeTheApiServer() {
        List<Violation> violations = ApiServerValidator.validate(ipBlock("10.0.0.0/8", "10.0.0.0/8"));

        assertThat(violations)
                .singleElement()
                .hasToString(PEER
                        + ".ipBlock.except[0]: Invalid value: \"10.0.0.0/8\": must be a strict subset of `cidr` [I5]");
    }
}
