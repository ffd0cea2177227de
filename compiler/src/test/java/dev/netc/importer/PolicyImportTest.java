package dev.netc.importer;

import static dev.netc.compile.YamlTrees.list;
import static dev.netc.compile.YamlTrees.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.OutputFile;
import dev.netc.evaluator.KubeYaml;
import dev.netc.evaluator.Manifests;
import dev.netc.examples.Examples;
import dev.netc.format.Formatter;
import dev.netc.query.EmittedPolicies;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * {@code netc import} on the NetworkPolicy oracle cases, on hand-written policies in the style of
 * the original notes, and on the examples' own emitted policies (import(compile(spec)) allows what
 * spec allows); and on input it must refuse, with file and line, never a stack trace.
 */
class PolicyImportTest {
    private static final Path CASES = Path.of("..", "evaluator", "src", "test", "resources", "netpol-cases.yaml");

    @TestFactory
    Stream<DynamicTest> everyOracleCaseImportsAsEquivalent() throws IOException {
        Map<String, Object> all = KubeYaml.loadAll(Files.readString(CASES, StandardCharsets.UTF_8))
                .get(0);
        List<Object> namespaces = new ArrayList<>();
        map(map(all.get("universe")).get("namespaces"))
                .forEach((name, labels) -> namespaces.add(Map.of(
                        "apiVersion", "v1", "kind", "Namespace", "metadata", Map.of("name", name, "labels", labels))));
        List<Object> cases = list(all.get("cases"));
        assertThat(cases).hasSize(31);
        return cases.stream().map(c -> {
            Map<String, Object> oracleCase = map(c);
            List<Object> documents = new ArrayList<>(namespaces);
            documents.addAll(list(oracleCase.get("policies")));
            String yaml = new Dump(DumpSettings.builder().build()).dumpAllToString(documents.iterator());
            return DynamicTest.dynamicTest(
                    String.valueOf(oracleCase.get("name")),
                    () -> assertEquivalent(new SourceFile(oracleCase.get("name") + ".yaml", yaml)));
        });
    }

    @TestFactory
    Stream<DynamicTest> theEmittedPoliciesOfEveryExampleImportAsEquivalent() {
        return Examples.all().stream()
                .map(example -> DynamicTest.dynamicTest(Examples.name(example), () -> {
                    Compiler.Result compiled = Examples.compile(example);
                    List<SourceFile> yaml = new ArrayList<>();
                    for (OutputFile file : compiled.files()) {
                        if (file.path().startsWith("policies/")) {
                            yaml.add(new SourceFile(file.path(), file.content()));
                        }
                    }
                    if (!yaml.isEmpty()) {
                        assertEquivalent(yaml.toArray(SourceFile[]::new));
                    }
                }));
    }

    private static final Path HAND_WRITTEN = Path.of("src", "test", "resources", "import");

    /**
     * The original notes' patterns as teams write them by hand, a file each: deny-all,
     * allow-from-namespace, DNS and the API, internet only, three tiers, and the rarer forms.
     */
    @TestFactory
    Stream<DynamicTest> everyHandWrittenPatternImportsAsEquivalent() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(HAND_WRITTEN)) {
            files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).hasSize(6);
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    PolicyImport.Result imported = assertEquivalent(new SourceFile(
                            file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
                    assertThat(imported.diagnostics()).isEmpty();
                }));
    }

    /** The original notes' patterns, written by hand as teams write them, in one file. */
    @Test
    void handWrittenPoliciesInTheStyleOfTheOriginalNotesImportAsEquivalent() {
        PolicyImport.Result imported = assertEquivalent(new SourceFile("notes.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: shop, labels: {team: shop}}
                ---
                # deny all ingress and egress
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny-all, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Ingress, Egress]
                ---
                # DNS and the API server
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-dns-and-api, namespace: shop}
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                  - to:
                    - namespaceSelector: {matchLabels: {kubernetes.io/metadata.name: kube-system}}
                      podSelector: {matchLabels: {k8s-app: kube-dns}}
                    ports: [{protocol: UDP, port: 53}, {protocol: TCP, port: 53}]
                  - to: [{ipBlock: {cidr: 10.0.1.10/32}}]
                    ports: [{port: 6443}]
                ---
                # allow from monitoring, and the internet to the frontend only
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: frontend, namespace: shop}
                spec:
                  podSelector: {matchLabels: {tier: frontend}}
                  ingress:
                  - from:
                    - ipBlock: {cidr: 0.0.0.0/0, except: [10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16]}
                    ports: [{port: 80}, {port: 443}]
                  - from: [{namespaceSelector: {matchLabels: {team: monitoring}}}]
                    ports: [{port: metrics}]
                  egress:
                  - to: [{podSelector: {matchLabels: {tier: backend}}}]
                    ports: [{port: 8080, endPort: 8081}]
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: backend, namespace: shop}
                spec:
                  podSelector:
                    matchExpressions: [{key: tier, operator: In, values: [backend, api]}]
                  ingress:
                  - from: [{podSelector: {matchLabels: {tier: frontend}}}]
                    ports: [{port: 8080, endPort: 8081}]
                """));
        assertThat(imported.spec())
                .contains("// shop/frontend (notes.yaml:29) ingress[0]")
                .contains("allow ingress net-0-0-0-0-0 -> frontend:{80/tcp, 443/tcp}")
                .contains("allow ingress namespaces team=monitoring -> frontend:metrics/tcp")
                .contains("allow egress shop.* -> 10.0.1.10/32:6443/tcp")
                .contains("tier tier { pods tier in (api, backend); isolate ingress }");
    }

    @Test
    void badYamlOtherObjectsListsAndUnreadablePoliciesAreDiagnosticsWithTheirLine() {
        PolicyImport.Result imported = PolicyImport.of(List.of(
                new SourceFile("broken.yaml", "apiVersion: v1\nkind: Namespace\nmetadata: {name: [\n"),
                new SourceFile("mixed.yaml", """
                        apiVersion: v1
                        kind: List
                        items:
                        - apiVersion: v1
                          kind: ConfigMap
                          metadata: {name: settings, namespace: app}
                        - apiVersion: networking.k8s.io/v1
                          kind: NetworkPolicy
                          metadata: {name: deny, namespace: app}
                          spec: {podSelector: {}, policyTypes: [Ingress]}
                        ---
                        - just a list
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: bad-port, namespace: app}
                        spec:
                          podSelector: {}
                          ingress:
                          - ports: [{port: 70000}]
                        ---
                        apiVersion: networking.k8s.io/v1
                        kind: NetworkPolicy
                        metadata: {name: named-out, namespace: app}
                        spec:
                          podSelector: {}
                          policyTypes: [Egress]
                          egress:
                          - to: [{ipBlock: {cidr: 192.0.2.0/24}}]
                            ports: [{port: https}, {port: 443}]
                        """)));

        assertThat(imported.diagnostics())
                .extracting(d -> d.code() + " " + d.primary().file().displayName() + ":"
                        + d.primary().line())
                .containsExactly(
                        "NS1050 broken.yaml:4",
                        "NS1051 mixed.yaml:4",
                        "NS1050 mixed.yaml:12",
                        "NS1052 mixed.yaml:20",
                        "NS1053 mixed.yaml:30");
        assertThat(imported.diagnostics().get(1).message()).contains("`ConfigMap`");
        // the rest is still imported: the policy inside the List, and the rule's numbered port
        assertThat(imported.spec())
                .contains("// app/deny (mixed.yaml:7)")
                .contains("allow egress app.* -> 192.0.2.0/24:443/tcp");
    }

    @Test
    void theProofFindsADifferenceAsAConcreteProbe() {
        String web = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: web, namespace: app}
                spec:
                  podSelector: {matchLabels: {app: web}}
                  ingress:
                  - from: [{podSelector: {matchLabels: {app: api}}}]
                    ports: [{port: 8080}]
                """;
        Manifests original = Manifests.parse(web);
        Manifests wider = Manifests.parse(web.replace("{port: 8080}", "{port: 8080, endPort: 8081}"));

        Equivalence.Outcome outcome = Equivalence.compare(original, wider);

        assertThat(outcome.equivalent()).isFalse();
        assertThat(outcome.differences())
                .extracting(d -> d.describe("the YAML", "the spec"))
                .containsExactly("pod app/pod-2 {app=api} -> pod app/pod-1 {app=web} on 8081/tcp: "
                        + "the YAML denies it, the spec allows it");
    }

    /** Imported, fmt-clean, compiled without errors, and its emitted policies allow what the YAML allows. */
    private static PolicyImport.Result assertEquivalent(SourceFile... yaml) {
        PolicyImport.Result imported = PolicyImport.of(List.of(yaml));
        assertThat(imported.diagnostics()).extracting(Diagnostic::code).doesNotContain(Code.NS1050, Code.NS1052);
        assertThat(Formatter.format(new SourceFile("imported.netspec", imported.spec()))
                        .text())
                .as("fmt-clean")
                .contains(imported.spec());
        Compiler.Result compiled = InMemorySpec.compile(imported.spec());
        assertThat(compiled.diagnostics())
                .filteredOn(Diagnostic::isError)
                .as(imported.spec())
                .isEmpty();
        Equivalence.Outcome outcome = Equivalence.compare(imported.original(), EmittedPolicies.read(compiled.files()));
        assertThat(outcome.differences())
                .as(imported.spec())
                .extracting(d -> d.describe("the YAML", "the spec"))
                .isEmpty();
        assertThat(outcome.probes()).isPositive();
        return imported;
    }
}
