package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.docs.AnnouncedDiagnostics;
import dev.netc.evaluator.IpAddress;
import dev.netc.evaluator.KubeYaml;
import dev.netc.evaluator.NamedPort;
import dev.netc.evaluator.NetworkPolicyEvaluator;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.Protocol;
import dev.netc.evaluator.Universe;
import dev.netc.evaluator.Verdict;
import dev.netc.query.EmittedPolicies;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The oracle cases of the Kubernetes e2e NetworkPolicy suite and of cyclonus
 * ({@code evaluator/src/test/resources/netpol-cases.yaml}, see its SOURCES.md), each said in
 * netspec ({@code src/test/resources/netpol-cases/<case>.netspec}) with the language's own forms,
 * without a workaround: each spec compiles without an error and with only the warnings it
 * announces, and its emitted policies, evaluated on the case's own cluster (namespaces x, y, z
 * labelled {@code ns}, pods a, b, c labelled {@code pod}, every pod serving TCP, UDP and SCTP 80
 * and 81 on ports named {@code serve-<port>-<protocol>}, the pinned pod addresses), give every
 * probe of the case the verdict the suite asserts.
 */
class NetpolCasesTest {
    private static final Path CASES = Path.of("..", "evaluator", "src", "test", "resources", "netpol-cases.yaml");
    private static final Path SPECS = Path.of("src", "test", "resources", "netpol-cases");

    @TestFactory
    Stream<DynamicTest> everyCaseSaidInNetspecGivesTheSuitesVerdicts() throws IOException {
        Map<String, Object> file = file();
        Universe universe = universe(map(file.get("universe")));
        return list(file.get("cases")).stream().map(item -> {
            Map<String, Object> testCase = map(item);
            String name = (String) testCase.get("name");
            return DynamicTest.dynamicTest(name, () -> check(name, list(testCase.get("probes")), universe));
        });
    }

    @Test
    void everyCaseIsSaidInNetspec() throws IOException {
        List<String> names = list(file().get("cases")).stream()
                .map(c -> (String) map(c).get("name"))
                .toList();
        try (Stream<Path> specs = Files.list(SPECS)) {
            assertThat(specs.map(p -> p.getFileName().toString())
                            .filter(f -> f.endsWith(".netspec"))
                            .map(f -> f.replace(".netspec", "")))
                    .containsExactlyInAnyOrderElementsOf(names);
        }
    }

    private static void check(String name, List<Object> probes, Universe universe) throws IOException {
        String spec = Files.readString(SPECS.resolve(name + ".netspec"), StandardCharsets.UTF_8);
        Compiler.Result result = InMemorySpec.compile(spec);
        AnnouncedDiagnostics.assertAnnounced(name, spec, result.diagnostics());
        NetworkPolicyEvaluator evaluator = new NetworkPolicyEvaluator(
                universe, EmittedPolicies.read(result.files()).policies());
        for (Object item : probes) {
            Map<String, Object> probe = map(item);
            Verdict verdict = evaluator.evaluate(
                    universe.pod((String) probe.get("from")),
                    universe.pod((String) probe.get("to")),
                    (Integer) probe.get("port"),
                    Protocol.parse((String) probe.get("protocol")));
            assertThat(verdict.allowed()).as("%s: %s", name, verdict.explain()).isEqualTo(probe.get("allowed"));
        }
    }

    /** The case file's cluster: its namespaces and labels, pods a, b, c in each with their pinned addresses and named ports. */
    private static Universe universe(Map<String, Object> description) {
        Map<String, NamedPort> namedPorts = new HashMap<>();
        for (Object port : list(description.get("ports"))) {
            for (Object protocol : list(description.get("protocols"))) {
                namedPorts.put(
                        "serve-" + port + "-" + ((String) protocol).toLowerCase(Locale.ROOT),
                        new NamedPort((Integer) port, Protocol.parse((String) protocol)));
            }
        }
        Map<String, Object> addresses = map(description.get("podIPs"));
        Universe.Builder universe = Universe.builder();
        map(description.get("namespaces")).forEach((namespace, labels) -> {
            Map<String, String> namespaceLabels = new HashMap<>();
            map(labels).forEach((key, value) -> namespaceLabels.put(key, (String) value));
            universe.namespace(namespace, namespaceLabels);
            for (Object pod : list(description.get("pods"))) {
                String key = namespace + "/" + pod;
                universe.pod(new Pod(
                        namespace,
                        (String) pod,
                        Map.of((String) description.get("podLabelKey"), (String) pod),
                        IpAddress.parse((String) addresses.get(key)),
                        namedPorts));
            }
        });
        return universe.build();
    }

    private static Map<String, Object> file() throws IOException {
        return KubeYaml.loadAll(Files.readString(CASES, StandardCharsets.UTF_8)).get(0);
    }

    /** A mapping or a sequence of the case file, as the YAML reader gives it. */
    @SuppressWarnings("unchecked")
    private static <T> T yaml(Object value) {
        return (T) value;
    }

    private static Map<String, Object> map(Object value) {
        return yaml(value);
    }

    private static List<Object> list(Object value) {
        return yaml(value);
    }
}
