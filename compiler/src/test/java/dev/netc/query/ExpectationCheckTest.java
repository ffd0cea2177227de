package dev.netc.query;

import static dev.netc.compile.YamlTrees.list;
import static dev.netc.compile.YamlTrees.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.OutputFile;
import dev.netc.evaluator.KubeYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;

/**
 * Expectations are proved on the emitted YAML, not on the compiler's flows: a spec whose
 * expectations hold compiles, and the same expectations fail on its emitted policies once the
 * YAML is changed the way a wrong emission would change it (a rule dropped, a port widened, a peer
 * left out, the DNS policy lost).
 */
class ExpectationCheckTest {
    private static final String SPEC = """
            import "std/guards"

            namespace shop {
              isolate ingress, egress
              tier web { pods app=web; port http 8080/tcp }
              tier api { pods app=api; port grpc 9090/tcp }
              tier db  { pods app=db, app.kubernetes.io/component=database; port postgres 5432/tcp }
              allow internet -> web:http
              allow web -> api:grpc
              allow api -> db:postgres

              expect allow api -> db:postgres
              expect deny web -> api:{udp, sctp, 1-9089/tcp, 9091-65535/tcp}
              expect deny internet -> {api, db}
              expect deny web -> db
            }
            """;

    private static Compiler.Result compiled;

    @BeforeAll
    static void compile() {
        compiled = InMemorySpec.compile(SPEC);
        assertThat(compiled.diagnostics()).isEmpty();
    }

    @Test
    void theEmittedPoliciesAsTheyAreKeepEveryExpectation() {
        assertThat(check(compiled.files())).isEmpty();
    }

    @Test
    void aDroppedIngressRuleBreaksTheExpectAllowThatNeedsIt() {
        List<Diagnostic> failed = check(mutated(policy("tier-db", p -> spec(p).put("ingress", new ArrayList<>()))));

        assertThat(failed).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.NS3031);
            assertThat(d.primary().text()).isEqualTo("expect allow api -> db:postgres");
            assertThat(d.message())
                    .isEqualTo("`shop.api -> shop.db` is denied on 5432/tcp, which `expect allow` requires");
            assertThat(d.notes())
                    .contains(
                            "ingress of shop.db: denied",
                            "  no rule of these policies admits from shop.api on 5432/tcp");
        });
    }

    @Test
    void aWidenedPortBreaksTheExpectDenyOfThePortsAround() {
        // both sides, as an emitter that writes a range instead of one port would
        List<OutputFile> widened = mutated(document -> forEachPort(document, port -> {
            if (Integer.valueOf(9090).equals(port.get("port"))) {
                port.put("endPort", 9091);
            }
        }));

        assertThat(check(widened)).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.NS3032);
            assertThat(d.message())
                    .isEqualTo("`shop.web -> shop.api` is allowed on 9091/tcp, which `expect deny` forbids");
            assertThat(d.notes())
                    .contains("  allowed by shop/tier-api ingress[0]", "  allowed by shop/tier-web egress[0]");
        });
    }

    @Test
    void aRuleThatLostItsPeersAdmitsEveryoneAndBreaksTheExpectDeny() {
        List<Diagnostic> failed = check(mutated(policy("tier-db", p -> {
            for (Object rule : list(spec(p).get("ingress"))) {
                map(rule).remove("from");
            }
        })));

        assertThat(failed).extracting(Diagnostic::code).containsExactly(Code.NS3032, Code.NS3032, Code.NS3032);
        assertThat(failed)
                .extracting(d -> d.primary().text())
                .containsExactlyInAnyOrder(
                        "expect deny internet -> namespaces objectset.rio.cattle.io/prune=false:{postgres, mysql, redis, mongodb}",
                        "expect deny internet -> namespaces * pods app.kubernetes.io/component=database",
                        "expect deny internet -> {api, db}");
    }

    @Test
    void aLostDnsPolicyBreaksTheGuardOfTheStandardLibrary() {
        List<Diagnostic> failed =
                check(mutated(policy("allow-dns-egress", p -> spec(p).put("egress", new ArrayList<>()))));

        assertThat(failed).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.NS3031);
            assertThat(d.primary().file().displayName()).isEqualTo("std/guards.netspec");
            assertThat(d.primary().text()).isEqualTo("expect allow * -> kube-system.kube-dns:dns");
            assertThat(d.message()).startsWith("`shop.web -> kube-system.kube-dns` is denied on 53/tcp, 53/udp");
        });
    }

    @Test
    void aBrokenExpectationStopsTheCompileAndCheckWritesNothing() {
        Compiler.Result broken = InMemorySpec.compile(SPEC.replace("\n  allow api -> db:postgres\n", "\n"));

        assertThat(broken.hasErrors()).isTrue();
        assertThat(broken.files()).isEmpty();
        assertThat(broken.diagnostics())
                .extracting(Diagnostic::code)
                // an expectation opens nothing, so it does not count as a use: no flow goes to `db` now
                .containsExactly(Code.NS3007, Code.NS3031);
    }

    // ---- checking mutated YAML ------------------------------------------------------------------

    private static List<Diagnostic> check(List<OutputFile> files) {
        return ExpectationCheck.check(
                EmittedPolicies.of(files, compiled.model(), compiled.provenance()),
                compiled.model().expectations());
    }

    /** The emitted files with every YAML document of the policies changed by {@code change}. */
    private static List<OutputFile> mutated(Consumer<Map<String, Object>> change) {
        Dump dump = new Dump(DumpSettings.builder().build());
        List<OutputFile> files = new ArrayList<>();
        for (OutputFile file : compiled.files()) {
            if (!file.path().startsWith("policies/")) {
                files.add(file);
                continue;
            }
            List<Object> documents = new ArrayList<>();
            for (Map<String, Object> document : KubeYaml.loadAll(file.content())) {
                Map<String, Object> copy = map(mutableCopy(document));
                change.accept(copy);
                documents.add(copy);
            }
            String content = dump.dumpAllToString(documents.iterator());
            assertThat(content).isNotEqualTo(file.content());
            files.add(new OutputFile(file.path(), content, file.secret(), file.serverManifest()));
        }
        return files;
    }

    private static Consumer<Map<String, Object>> policy(String name, Consumer<Map<String, Object>> change) {
        return document -> {
            if ("NetworkPolicy".equals(document.get("kind"))
                    && name.equals(map(document.get("metadata")).get("name"))) {
                change.accept(document);
            }
        };
    }

    private static void forEachPort(Map<String, Object> document, Consumer<Map<String, Object>> action) {
        if (!"NetworkPolicy".equals(document.get("kind"))) {
            return;
        }
        for (String direction : List.of("ingress", "egress")) {
            for (Object rule : list(spec(document).getOrDefault(direction, List.of()))) {
                list(map(rule).getOrDefault("ports", List.of())).forEach(port -> action.accept(map(port)));
            }
        }
    }

    private static Map<String, Object> spec(Map<String, Object> policy) {
        return map(policy.get("spec"));
    }

    private static Object mutableCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), mutableCopy(v)));
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(mutableCopy(v)));
            return copy;
        }
        return value;
    }
}
