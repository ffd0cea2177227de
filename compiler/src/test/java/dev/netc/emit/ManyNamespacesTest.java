package dev.netc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * From {@link Emitter#PARALLEL_FROM} namespaces (or output files) on, their YAML is written and
 * searched for {@code {{}} on every processor. The output must be what one thread gives: every
 * file under its own namespace's name, in the same order, and each template found once.
 */
class ManyNamespacesTest {
    private static final int NAMESPACES = Emitter.PARALLEL_FROM + 16;

    @Test
    void everyNamespacesPoliciesAreInItsOwnFileInOrder() {
        Compiler.Result result = compile(spec(""));

        assertThat(result.diagnostics()).extracting(Diagnostic::isError).doesNotContain(true);
        List<String> policyFiles = result.files().stream()
                .map(OutputFile::path)
                .filter(path -> path.startsWith("policies/"))
                .toList();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < NAMESPACES; i++) {
            expected.add("policies/ns-" + i + ".yaml");
        }
        assertThat(policyFiles).isEqualTo(expected);
        for (OutputFile file : result.files()) {
            if (file.path().startsWith("policies/")) {
                String namespace =
                        file.path().substring("policies/".length(), file.path().length() - ".yaml".length());
                assertThat(file.content())
                        .as(file.path())
                        .contains("namespace: " + namespace + "\n")
                        .doesNotContainPattern("namespace: ns-(?!" + namespace.substring(3) + "\\n)");
            }
        }
        assertThat(compile(spec("")).files()).as("a second compile").isEqualTo(result.files());
    }

    @Test
    void aTemplateInOneOfManyNodesIsReportedOnceAtItsValue() {
        Compiler.Result result = compile(
                spec("  node n-7 { role worker; interface eth0 10.0.1.7 on lan; rke2 { node-name = \"{{ x }}\" } }\n"));

        assertThat(result.diagnostics())
                .filteredOn(d -> d.code() == Code.NS4012)
                .singleElement()
                .satisfies(d -> assertThat(d.primary().text()).isEqualTo("\"{{ x }}\""));
    }

    private static Compiler.Result compile(String spec) {
        return InMemorySpec.compile(spec, Map.of("T", "a-token"));
    }

    /** Many namespaces of one tier each, and as many workers, with {@code extra} in the cluster block. */
    private static String spec(String extra) {
        StringBuilder spec = new StringBuilder("network lan { cidr 10.0.0.0/16 }\ncluster edge {\n  token env(\"T\")\n")
                .append("  node cp { role init; interface eth0 10.0.0.10 on lan }\n")
                .append(extra);
        for (int i = 0; i < NAMESPACES; i++) {
            if (i != 7 || extra.isEmpty()) {
                spec.append("  node n-")
                        .append(i)
                        .append(" { role worker; interface eth0 10.0.1.")
                        .append(i)
                        .append(" on lan }\n");
            }
        }
        spec.append("}\n");
        for (int i = 0; i < NAMESPACES; i++) {
            spec.append("namespace ns-")
                    .append(i)
                    .append(" {\n  isolate ingress\n  tier web { pods app=web; port http 80/tcp }\n")
                    .append("  allow ns-")
                    .append((i + 1) % NAMESPACES)
                    .append(".web -> web:http\n}\n");
        }
        return spec.toString();
    }
}
