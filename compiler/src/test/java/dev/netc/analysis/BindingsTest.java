package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compile pipeline records what each name resolves to, once: the editor, queries and graphs
 * read these bindings instead of resolving names again.
 */
class BindingsTest {
    private static final String SPEC = """
            import "std/ports"
            param site: int = 12
            network lan { cidr "10.${site}.1.0/24"; mtu 1500 }
            external office = 192.0.2.0/24
            external offices = office, 198.51.100.0/24
            port metrics = 9100/tcp
            cluster edge {
              token env("T")
              canal { on lan }
              node cp-1 { role init; interface eth0 "10.${site}.1.10" on lan }
            }
            namespace app {
              isolate ingress, egress
              tier web { pods app=web; port http 80/tcp }
              tier db { pods app=db; port sql 5432/tcp }
              allow web -> db:sql
              allow web -> offices:https
            }
            allow app.web -> app.db:metrics
            """;

    private static Compiler.Result compile(String spec) {
        return InMemorySpec.compile(spec, Map.of("T", "token"));
    }

    /** The texts of the uses of a declaration, in source order. */
    private static List<String> uses(Bindings bindings, Bindings.Kind kind, String name) {
        Bindings.Declaration declaration =
                bindings.find(kind, name).orElseThrow(() -> new AssertionError(kind + " " + name));
        return bindings.usesOf(declaration).stream()
                .map(u -> u.span().text() + "@" + u.span().line())
                .toList();
    }

    @Test
    void everyKindOfNameIsDeclaredWhereItIsWritten() {
        Bindings bindings = compile(SPEC).bindings();

        assertThat(bindings.declarations())
                .extracting(d -> d.kind() + " " + d.name())
                .contains(
                        "MODULE spec.netspec",
                        "MODULE std/ports.netspec",
                        "NETWORK lan",
                        "CLUSTER edge",
                        "NODE cp-1",
                        "NAMESPACE app",
                        "TIER app.web",
                        "TIER_PORT app.db:sql",
                        "EXTERNAL offices",
                        "PORT_CONSTANT metrics",
                        "PORT_CONSTANT https",
                        "PARAM site");
        assertThat(bindings.find(Bindings.Kind.TIER, "app.db")
                        .orElseThrow()
                        .nameSpan()
                        .text())
                .isEqualTo("db");
    }

    @Test
    void usesAreRecordedAsTheAnalysisResolvedThem() {
        Bindings bindings = compile(SPEC).bindings();

        // a bare tier, and the tier part of `ns.tier` (its namespace part is a use of the namespace)
        assertThat(uses(bindings, Bindings.Kind.TIER, "app.web")).containsExactly("web@16", "web@17", "web@19");
        assertThat(uses(bindings, Bindings.Kind.NAMESPACE, "app")).containsExactly("app@19", "app@19");
        assertThat(uses(bindings, Bindings.Kind.TIER_PORT, "app.db:sql")).containsExactly("sql@16");
        assertThat(uses(bindings, Bindings.Kind.PORT_CONSTANT, "metrics")).containsExactly("metrics@19");
        assertThat(uses(bindings, Bindings.Kind.PORT_CONSTANT, "https")).containsExactly("https@17");
        assertThat(uses(bindings, Bindings.Kind.EXTERNAL, "office")).containsExactly("office@5");
        assertThat(uses(bindings, Bindings.Kind.EXTERNAL, "offices")).containsExactly("offices@17");
        assertThat(uses(bindings, Bindings.Kind.NETWORK, "lan")).containsExactly("lan@9", "lan@10");
        assertThat(uses(bindings, Bindings.Kind.PARAM, "site")).containsExactly("site@3", "site@10");
        assertThat(uses(bindings, Bindings.Kind.MODULE, "std/ports.netspec")).containsExactly("\"std/ports\"@1");
    }

    @Test
    void aSyntaxErrorElsewhereLeavesTheNamesThatParsedResolved() {
        Compiler.Result result = compile(SPEC + "namespace broken { allow x -> }\n");

        assertThat(result.diagnostics()).isNotEmpty().allMatch(d -> d.code().isSyntax());
        assertThat(uses(result.bindings(), Bindings.Kind.TIER, "app.web")).hasSize(3);
    }

    @Test
    void aNameThatDoesNotResolveHasNoUse() {
        Bindings bindings = compile(SPEC.replace("allow web -> db:sql", "allow web -> dbb:sql"))
                .bindings();

        assertThat(uses(bindings, Bindings.Kind.TIER, "app.db")).containsExactly("db@19");
        assertThat(bindings.at(
                        bindings.find(Bindings.Kind.TIER, "app.db")
                                .orElseThrow()
                                .nameSpan()
                                .file(),
                        0))
                .isEmpty();
    }
}
