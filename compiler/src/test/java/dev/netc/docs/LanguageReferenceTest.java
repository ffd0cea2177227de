package dev.netc.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.ReachabilityProof;
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

/**
 * Every {@code netspec} block of the language reference is a complete file that netc accepts
 * without an error (with {@code CLUSTER_TOKEN} and WireGuard's {@code WG_PSK} set), and without a warning unless the line it is
 * reported on says so ({@code // warning: NS4017}), as the reference promises; and the policies
 * it emits, evaluated, allow exactly its flows plus DNS ({@link ReachabilityProof}): what the
 * reference shows is what the cluster gets.
 */
class LanguageReferenceTest {
    private static final Path REFERENCE = Path.of("..", "docs", "language.md");
    private static final String FENCE = "```";

    @TestFactory
    Stream<DynamicTest> everyNetspecBlockCompilesAsItSaysAndItsPoliciesAllowExactlyItsFlows() throws IOException {
        return blocks().stream().map(block -> DynamicTest.dynamicTest(firstLine(block), () -> check(block)));
    }

    @Test
    void theReferenceShowsEveryFormOfFlowEnd() throws IOException {
        String all = String.join("\n", blocks());
        assertThat(all)
                .contains("namespaces team=payments", " except ", "everyone", "allow ingress", "allow egress")
                .contains("owned-by others", "node-local-dns", "dns on", "http/tcp", "udp,");
    }

    private static void check(String block) {
        Compiler.Result result = InMemorySpec.compile(
                block, Map.of("CLUSTER_TOKEN", "a-token", "WG_PSK", "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk="));
        AnnouncedDiagnostics.assertAnnounced("language.md: " + firstLine(block), block, result.diagnostics());
        new ReachabilityProof(result.model(), EmittedPolicies.of(result)).run();
    }

    private static List<String> blocks() throws IOException {
        List<String> blocks = new ArrayList<>();
        StringBuilder current = null;
        for (String line : Files.readString(REFERENCE, StandardCharsets.UTF_8).split("\n", -1)) {
            if (current == null && line.equals(FENCE + "netspec")) {
                current = new StringBuilder();
            } else if (current != null && line.equals(FENCE)) {
                blocks.add(current.toString());
                current = null;
            } else if (current != null) {
                current.append(line).append('\n');
            }
        }
        return blocks;
    }

    private static String firstLine(String block) {
        return block.lines().filter(l -> !l.isBlank()).findFirst().orElse("(empty)");
    }
}
