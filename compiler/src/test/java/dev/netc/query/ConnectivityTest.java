package dev.netc.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diff.ConnectivityDiff;
import dev.netc.emit.OutputFile;
import dev.netc.evaluator.KubeYaml;
import dev.netc.evaluator.Manifests;
import dev.netc.evaluator.Pod;
import dev.netc.examples.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Connectivity} works on sets of endpoints and ports; {@link PairwiseConnectivity} asks
 * the evaluator about every pair on every port segment. They must agree on every pair, for the
 * policies netc writes for random specs, for those policies changed into rules netc never
 * writes (named ports, rules without peers or ports, every port of a protocol, wider namespace
 * selectors), for the examples, and in what {@code netc diff} reports between two versions.
 */
class ConnectivityTest {
    private static final int SPECS = Integer.getInteger("netc.connectivity.specs", 150);
    private static final long SEED = Long.getLong("netc.connectivity.seed", 20_251_206L);

    @TestFactory
    Stream<DynamicTest> setsAgreeWithPairsOnTheExamples() {
        return Examples.all().stream()
                .map(example -> DynamicTest.dynamicTest(
                        Examples.name(example),
                        () -> assertSame(EmittedPolicies.of(Examples.compile(example)), Examples.name(example))));
    }

    /**
     * The oracle cases of the Kubernetes suites said in netspec (see NetpolCasesTest): every form
     * of flow end, namespaces by labels, {@code everyone}, one-sided rules and named ports among them.
     */
    @TestFactory
    Stream<DynamicTest> setsAgreeWithPairsOnTheNetpolCases() throws IOException {
        List<Path> specs;
        try (Stream<Path> listed = Files.list(Path.of("src", "test", "resources", "netpol-cases"))) {
            specs = listed.filter(p -> p.toString().endsWith(".netspec"))
                    .sorted()
                    .toList();
        }
        return specs.stream()
                .map(spec -> DynamicTest.dynamicTest(spec.getFileName().toString(), () -> {
                    Compiler.Result result = InMemorySpec.compile(Files.readString(spec));
                    assertThat(result.hasErrors())
                            .as("%s", result.diagnostics())
                            .isFalse();
                    assertSame(EmittedPolicies.of(result), spec.getFileName().toString());
                }));
    }

    @Test
    void setsAgreeWithPairsOnTheEmittedPoliciesOfRandomSpecs() {
        for (int i = 0; i < SPECS; i++) {
            Compiler.Result result = compiled(RandomSpec.generate(new Random(SEED + i)));
            assertSame(EmittedPolicies.of(result), "random spec of seed " + (SEED + i));
        }
    }

    @Test
    void setsAgreeWithPairsOnRulesNetcDoesNotWrite() {
        for (int i = 0; i < SPECS; i++) {
            Random random = new Random(SEED + i);
            Compiler.Result result = compiled(RandomSpec.generate(random));
            List<String> portNames = new ArrayList<>(List.of("no-such-port"));
            EmittedPolicies.of(result).endpoints().all().forEach(e -> {
                if (e.endpoint() instanceof Pod pod) {
                    portNames.addAll(pod.namedPorts().keySet());
                }
            });
            List<Map<String, Object>> documents = new ArrayList<>();
            for (OutputFile file : result.files()) {
                if (file.serverManifest().isPresent()) {
                    documents.addAll(KubeYaml.loadAll(file.content()));
                }
            }
            documents.forEach(document -> PolicyMutations.mutate(document, random, portNames));
            assertSame(
                    EmittedPolicies.of(Manifests.of(documents), result.model()),
                    "changed policies of the random spec of seed " + (SEED + i));
        }
    }

    @Test
    void diffAgreesWithComparingEveryPair() {
        for (int i = 0; i < SPECS; i++) {
            Random random = new Random(SEED + i);
            RandomSpec spec = RandomSpec.generate(random);
            List<RandomSpec> others = new ArrayList<>(spec.smaller());
            others.add(RandomSpec.generate(new Random(SEED + SPECS + i)));
            RandomSpec other = others.get(random.nextInt(others.size()));
            Compiler.Result before = InMemorySpec.compile(spec.text());
            Compiler.Result after = InMemorySpec.compile(other.text());
            if (before.hasErrors() || after.hasErrors()) {
                continue; // a part dropped can leave a name unresolved
            }
            assertThat(ConnectivityDiff.between(before, after).changes())
                    .as("diff of the random specs of seed %d:\n%s\n---\n%s", SEED + i, spec.text(), other.text())
                    .isEqualTo(pairwiseDiff(before, after));
            assertThat(ConnectivityDiff.between(after, before).changes()).isEqualTo(pairwiseDiff(after, before));
        }
    }

    /** Compares the connectivity of the policies both ways, pair by pair and in the order the commands list it. */
    private static void assertSame(EmittedPolicies policies, String what) {
        Connectivity fast = Connectivity.of(policies);
        PairwiseConnectivity slow = new PairwiseConnectivity(policies);
        assertThat(fast.links()).as(what).isEqualTo(slow.links());
        assertThat(fast.restrictedLinks())
                .as(what)
                .isEqualTo(slow.links().stream()
                        .filter(Connectivity.Link::restricted)
                        .toList());
        for (NamedEndpoint from : policies.endpoints().all()) {
            for (NamedEndpoint to : policies.endpoints().all()) {
                assertThat(fast.ports(from.name(), to.name()))
                        .as("%s: %s -> %s", what, from.name(), to.name())
                        .isEqualTo(slow.ports(from.name(), to.name()));
            }
        }
    }

    /** What {@code netc diff} reported before it worked on sets: every pair of names compared. */
    private static List<ConnectivityDiff.Change> pairwiseDiff(Compiler.Result before, Compiler.Result after) {
        SortedSet<String> pods = new TreeSet<>(Endpoints.podNames(before.model()));
        pods.addAll(Endpoints.podNames(after.model()));
        EmittedPolicies old = EmittedPolicies.of(before, pods);
        EmittedPolicies current = EmittedPolicies.of(after, pods);
        PairwiseConnectivity was = new PairwiseConnectivity(old);
        PairwiseConnectivity is = new PairwiseConnectivity(current);
        SortedSet<String> names = new TreeSet<>();
        old.endpoints().all().forEach(e -> names.add(e.name()));
        current.endpoints().all().forEach(e -> names.add(e.name()));
        List<ConnectivityDiff.Change> changes = new ArrayList<>();
        for (String from : names) {
            for (String to : names) {
                if (!was.ports(from, to).equals(is.ports(from, to))) {
                    changes.add(new ConnectivityDiff.Change(from, to, was.ports(from, to), is.ports(from, to)));
                }
            }
        }
        return changes;
    }

    private static Compiler.Result compiled(RandomSpec spec) {
        Compiler.Result result = InMemorySpec.compile(spec.text());
        assertThat(result.hasErrors())
                .as("the generator made an invalid spec:\n%s", spec.text())
                .isFalse();
        return result;
    }

    /** Changes to the rules of NetworkPolicy documents, each made now and then. */
    private static final class PolicyMutations {
        private PolicyMutations() {}

        @SuppressWarnings("unchecked")
        static void mutate(Map<String, Object> document, Random random, List<String> portNames) {
            if (!"NetworkPolicy".equals(document.get("kind"))) {
                return;
            }
            Map<String, Object> spec = (Map<String, Object>) document.get("spec");
            for (String direction : List.of("ingress", "egress")) {
                List<Object> rules = (List<Object>) spec.get(direction);
                if (rules == null) {
                    continue;
                }
                if (random.nextInt(8) == 0) {
                    // a rule for everyone on a named port
                    Map<String, Object> port = new LinkedHashMap<>();
                    port.put("protocol", random.nextBoolean() ? "TCP" : "UDP");
                    port.put("port", portNames.get(random.nextInt(portNames.size())));
                    rules.add(new LinkedHashMap<>(Map.of("ports", new ArrayList<>(List.of(port)))));
                }
                for (Object item : rules) {
                    rule((Map<String, Object>) item, direction.equals("ingress") ? "from" : "to", random, portNames);
                }
            }
        }

        @SuppressWarnings("unchecked")
        private static void rule(Map<String, Object> rule, String peersKey, Random random, List<String> portNames) {
            switch (random.nextInt(10)) {
                case 0 -> rule.remove(peersKey);
                case 1 -> rule.remove("ports");
                default -> {}
            }
            for (Object item : (List<Object>) rule.getOrDefault("ports", List.of())) {
                Map<String, Object> port = (Map<String, Object>) item;
                switch (random.nextInt(6)) {
                    case 0 -> {
                        port.remove("port");
                        port.remove("endPort");
                    }
                    case 1 -> {
                        port.put("port", portNames.get(random.nextInt(portNames.size())));
                        port.remove("endPort");
                    }
                    case 2 -> port.put("protocol", List.of("TCP", "UDP", "SCTP").get(random.nextInt(3)));
                    default -> {}
                }
            }
            for (Object item : (List<Object>) rule.getOrDefault(peersKey, List.of())) {
                Map<String, Object> peer = (Map<String, Object>) item;
                if (peer.containsKey("podSelector") && random.nextInt(4) == 0) {
                    // the same pods in every namespace, or in every namespace but one
                    peer.put(
                            "namespaceSelector",
                            random.nextBoolean()
                                    ? new LinkedHashMap<>()
                                    : Map.of(
                                            "matchExpressions",
                                            List.of(Map.of(
                                                    "key", "kubernetes.io/metadata.name",
                                                    "operator", "NotIn",
                                                    "values", List.of("ns0")))));
                }
            }
        }
    }
}
