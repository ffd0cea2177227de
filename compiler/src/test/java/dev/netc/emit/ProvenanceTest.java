package dev.netc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.emit.Provenance.Direction;
import dev.netc.evaluator.Manifests;
import dev.netc.evaluator.NetworkPolicy;
import dev.netc.query.EmittedPolicies;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every emitted rule and every isolating direction traces back to the statement that produced it. */
class ProvenanceTest {
    private static final String SPEC = """
            namespace shop {
              isolate ingress, egress
              tier web { pods app=web; port http 80/tcp }
              tier db  { pods app=db; port sql 5432/tcp }
              allow web -> db:sql
              allow shop.web -> db:5432/tcp
            }
            namespace batch {
              tier job { pods app=job; isolate egress }
              allow job -> shop.db:sql
            }
            allow batch -> shop.*:80/tcp
            """;

    private static Compiler.Result compile(String text) {
        Compiler.Result result = InMemorySpec.compile(text);
        assertThat(result.diagnostics()).isEmpty();
        return result;
    }

    private static List<Integer> lines(List<Span> spans) {
        return spans.stream().map(Span::line).toList();
    }

    @Test
    void aRuleTwoFlowsShareCitesBoth() {
        Provenance provenance = compile(SPEC).provenance();
        // `allow web -> db:sql` and `allow shop.web -> db:5432/tcp` lower to the same rule
        assertThat(lines(provenance.rule("shop", "tier-db", Direction.INGRESS, 0)))
                .containsExactly(5, 6);
        assertThat(lines(provenance.rule("shop", "tier-web", Direction.EGRESS, 0)))
                .containsExactly(5, 6);
        assertThat(lines(provenance.rule("shop", "tier-db", Direction.INGRESS, 1)))
                .containsExactly(10);
        assertThat(lines(provenance.rule("shop", "all-pods", Direction.INGRESS, 0)))
                .containsExactly(12);
        assertThat(provenance.rule("shop", "tier-db", Direction.INGRESS, 2)).isEmpty();
    }

    @Test
    void isolationAndDnsTraceToTheIsolateStatement() {
        Provenance provenance = compile(SPEC).provenance();
        assertThat(provenance
                        .isolation("shop", "default-deny-ingress", Direction.INGRESS)
                        .map(Span::line))
                .hasValue(2);
        assertThat(provenance.isolation("shop", "tier-db", Direction.INGRESS).map(Span::text))
                .hasValue("isolate ingress, egress");
        assertThat(lines(provenance.rule("shop", "allow-dns-egress", Direction.EGRESS, 0)))
                .containsExactly(2);
        // a tier isolated on its own: its own statement, for the isolation and its DNS rule
        assertThat(provenance.isolation("batch", "tier-job", Direction.EGRESS).map(Span::text))
                .hasValue("isolate egress");
        assertThat(lines(provenance.rule("batch", "tier-job", Direction.EGRESS, 0)))
                .containsExactly(10);
        assertThat(lines(provenance.rule("batch", "tier-job", Direction.EGRESS, 2)))
                .containsExactly(9);
        assertThat(provenance.isolation("batch", "tier-job", Direction.INGRESS)).isEmpty();
    }

    @Test
    void theTraceIsRecordedOnlyWhenAskedForAndChangesNoOutput() {
        Path root = Path.of("").toAbsolutePath();
        Compiler.Request traced = new Compiler.Request(
                List.of(),
                List.of(new SourceFile("spec.netspec", SPEC)),
                root,
                root,
                Map.of(),
                SecretSource.of(Map.of()),
                Emitter.Options.builder().traceRules(true).build());
        Compiler.Result withTrace = Compiler.compile(traced);
        Compiler.Result without = Compiler.compile(new Compiler.Request(
                traced.inputs(), traced.sources(), root, root, Map.of(), traced.secrets(), Emitter.Options.DEFAULT));
        assertThat(without.files()).isEqualTo(withTrace.files());
        assertThat(withTrace.provenance().rules()).isNotEmpty();
        assertThat(without.provenance()).isEqualTo(Provenance.EMPTY);
    }

    @Test
    void everyRuleOfEveryExampleHasASource() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("..", "examples"))) {
            for (Path example :
                    files.filter(p -> p.toString().endsWith(".netspec")).toList()) {
                Compiler.Result result = Compiler.compile(new Compiler.Request(
                        List.of(example),
                        List.of(),
                        example.getParent(),
                        Path.of("").toAbsolutePath(),
                        Map.of(),
                        SecretSource.of(Map.of("CLUSTER_TOKEN", "a-token")),
                        Emitter.Options.builder().traceRules(true).build()));
                assertThat(result.hasErrors()).as("%s", example).isFalse();
                Manifests manifests = EmittedPolicies.read(result.files());
                for (NetworkPolicy policy : manifests.policies()) {
                    for (Direction direction : Direction.values()) {
                        List<?> rules = direction == Direction.INGRESS ? policy.ingress() : policy.egress();
                        for (int i = 0; i < rules.size(); i++) {
                            assertThat(result.provenance().rule(policy.namespace(), policy.name(), direction, i))
                                    .as("%s %s %s[%d]", example.getFileName(), policy.ref(), direction, i)
                                    .isNotEmpty();
                        }
                        if (policy.policyTypes().contains(dev.netc.evaluator.Direction.valueOf(direction.name()))) {
                            assertThat(result.provenance().isolation(policy.namespace(), policy.name(), direction))
                                    .as("%s %s %s", example.getFileName(), policy.ref(), direction)
                                    .isPresent();
                        }
                    }
                }
            }
        }
    }
}
