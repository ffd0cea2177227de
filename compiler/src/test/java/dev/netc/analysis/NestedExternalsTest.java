package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.OutputFile;
import dev.netc.evaluator.ApiServerValidator;
import dev.netc.evaluator.ExternalEndpoint;
import dev.netc.evaluator.IpAddress;
import dev.netc.evaluator.KubeYaml;
import dev.netc.evaluator.Protocol;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.NamedEndpoint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * An external used as an item of another stands for its exact address set, exceptions
 * included, in an include or an except position and at any depth (docs/language.md,
 * Externals). Proved on the emitted YAML with the evaluator, not on netc's model: for each
 * external a tier may send to it only (443/tcp) and accept from it only (80/tcp), and
 * addresses inside and outside its set, of both families, are probed both ways. The cluster's
 * pod and service ranges lie outside the private ranges here, so that `internet` has to
 * except them on its own account.
 */
class NestedExternalsTest {
    private static final String PRELUDE = """
            import "std/networks"
            cluster { token env("T"); pods 100.64.0.0/16, fd42:42::/56; services 100.65.0.0/16, fd42:43::/112 }
            """;

    /** The user's externals: a spec for one declares those it names too. */
    private static final Map<String, String> DECLARED = table("""
            outside = internet
            guests = 10.1.7.0/24, fd00:1:0:7::/64
            office = 10.1.0.0/16, fd00:1::/48 except guests
            lan = private except office
            inside = 0.0.0.0/0, ::/0 except internet
            mixed = outside, lan except 8.8.0.0/16, 2001:db8::/32
            web = internet except 203.0.113.0/24
            not-web = 0.0.0.0/0 except web
            """, " = ");

    /** The probes, with what they are. */
    private static final Map<String, String> ADDRESSES = table("""
            8.8.8.8 public
            100.66.0.1 public, beside the pod range
            203.0.113.7 public, excepted by `web`
            2001:db8::1 public IPv6, excepted by `mixed`
            2606:4700::1 public IPv6
            10.1.2.3 private, the office
            10.1.7.9 private, the office's guests
            10.2.0.1 private
            192.168.1.1 private
            100.64.0.5 a pod
            100.65.0.10 a service
            fd00:1::5 private IPv6, the office
            fd00:1:0:7::5 private IPv6, the office's guests
            fd42:42::9 a pod, IPv6
            fd42:43::1 a service, IPv6
            """, " ");

    /** For each external, the probes in its set; every other probe is outside it. */
    private static final Map<String, Set<String>> INSIDE = Map.of(
            "outside", Set.of("8.8.8.8", "100.66.0.1", "203.0.113.7", "2001:db8::1", "2606:4700::1"),
            "guests", Set.of("10.1.7.9", "fd00:1:0:7::5"),
            "office", Set.of("10.1.2.3", "fd00:1::5"),
            "lan", Set.of("10.1.7.9", "10.2.0.1", "192.168.1.1", "fd00:1:0:7::5", "fd42:42::9", "fd42:43::1"),
            "inside",
                    Set.of(
                            "10.1.2.3",
                            "10.1.7.9",
                            "10.2.0.1",
                            "192.168.1.1",
                            "100.64.0.5",
                            "100.65.0.10",
                            "fd00:1::5",
                            "fd00:1:0:7::5",
                            "fd42:42::9",
                            "fd42:43::1"),
            "mixed",
                    Set.of(
                            "100.66.0.1",
                            "203.0.113.7",
                            "2606:4700::1",
                            "10.1.7.9",
                            "10.2.0.1",
                            "192.168.1.1",
                            "fd00:1:0:7::5",
                            "fd42:42::9",
                            "fd42:43::1"),
            "web", Set.of("8.8.8.8", "100.66.0.1", "2001:db8::1", "2606:4700::1"),
            "not-web",
                    Set.of(
                            "203.0.113.7",
                            "10.1.2.3",
                            "10.1.7.9",
                            "10.2.0.1",
                            "192.168.1.1",
                            "100.64.0.5",
                            "100.65.0.10"));

    @TestFactory
    Stream<DynamicTest> anExternalInsideAnotherKeepsItsExactAddresses() {
        return DECLARED.keySet().stream()
                .map(name -> DynamicTest.dynamicTest(name + " = " + DECLARED.get(name), () -> check(name)));
    }

    private static void check(String name) {
        String spec = PRELUDE + declarations(name) + "namespace probe {\n  isolate\n  tier t { pods probe=t }\n"
                + "  allow t -> " + name + ":443/tcp\n  allow " + name + " -> t:80/tcp\n}\n";
        Compiler.Result result = InMemorySpec.compile(spec, Map.of("T", "token"));
        assertThat(result.diagnostics()).as("%s", spec).noneMatch(Diagnostic::isError);
        for (OutputFile file : result.files()) {
            if (file.path().startsWith("policies/")) {
                KubeYaml.loadAll(file.content()).stream()
                        .filter(d -> "NetworkPolicy".equals(d.get("kind")))
                        .forEach(d -> assertThat(ApiServerValidator.validate(d))
                                .as("API server: %s", d)
                                .isEmpty());
            }
        }
        EmittedPolicies policies = EmittedPolicies.of(result);
        NamedEndpoint pod = policies.endpoints().named("probe.t").orElseThrow();
        List<String> wrong = new ArrayList<>();
        ADDRESSES.forEach((ip, what) -> {
            boolean expected = INSIDE.get(name).contains(ip);
            NamedEndpoint address = new NamedEndpoint(
                    ip, NamedEndpoint.Kind.ADDRESS, Optional.empty(), new ExternalEndpoint(IpAddress.parse(ip)));
            boolean egress = policies.evaluate(pod, address, 443, Protocol.TCP).allowed();
            boolean ingress = policies.evaluate(address, pod, 80, Protocol.TCP).allowed();
            if (egress != expected || ingress != expected) {
                wrong.add(ip + " (" + what + "): " + (expected ? "inside" : "outside") + " `" + name + "`, but egress "
                        + (egress ? "allowed" : "denied") + " and ingress " + (ingress ? "allowed" : "denied"));
            }
        });
        assertThat(wrong).as("%s", spec).isEmpty();
    }

    /** The declarations of {@code name} and of the user's externals it names, those first. */
    private static String declarations(String name) {
        Set<String> names = new LinkedHashSet<>();
        addWithWhatItNames(name, names);
        StringBuilder out = new StringBuilder();
        names.forEach(n -> out.append("external ")
                .append(n)
                .append(" = ")
                .append(DECLARED.get(n))
                .append('\n'));
        return out.toString();
    }

    private static void addWithWhatItNames(String name, Set<String> names) {
        for (String item : DECLARED.get(name).split(",|\\s+except\\s+")) {
            if (DECLARED.containsKey(item.strip())) {
                addWithWhatItNames(item.strip(), names);
            }
        }
        names.add(name);
    }

    /** Lines of {@code key separator value}, in their order. */
    private static Map<String, String> table(String lines, String separator) {
        Map<String, String> table = new LinkedHashMap<>();
        lines.lines()
                .forEach(line -> table.put(
                        line.substring(0, line.indexOf(separator)),
                        line.substring(line.indexOf(separator) + separator.length())));
        return table;
    }
}
