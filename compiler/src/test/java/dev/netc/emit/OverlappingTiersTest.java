package dev.netc.emit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.evaluator.NetworkPolicy;
import dev.netc.evaluator.Protocol;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.Endpoints;
import org.junit.jupiter.api.Test;

/**
 * A tier that isolates a direction on its own also isolates the pods it shares with other
 * tiers; their flows then need rules for those pods (found by the random-spec property test).
 */
class OverlappingTiersTest {
    private static EmittedPolicies compile(String text) {
        Compiler.Result result = InMemorySpec.compile(text);
        assertThat(result.hasErrors()).isFalse();
        return EmittedPolicies.of(result);
    }

    @Test
    void theOtherTiersFlowsGetAPolicyForTheSharedPods() {
        EmittedPolicies policies = compile("""
                namespace shop {
                  tier all { pods *; isolate egress }
                  tier web { pods app=web }
                  tier db  { pods app=db; port sql 5432/tcp }
                  allow web -> db:sql
                }
                """);
        NetworkPolicy overlap = policies.manifests().policies().stream()
                .filter(p -> p.name().equals("tier-web.in-all"))
                .findFirst()
                .orElseThrow();
        assertThat(overlap.egress()).hasSize(1);
        Endpoints endpoints = policies.endpoints();
        assertThat(policies.evaluate(
                                endpoints.named("shop.web").orElseThrow(),
                                endpoints.named("shop.db").orElseThrow(),
                                5432,
                                Protocol.TCP)
                        .allowed())
                .isTrue();
        // the pods of `all` that are not `web` gain nothing
        assertThat(policies.evaluate(
                                endpoints.named("shop").orElseThrow(),
                                endpoints.named("shop.db").orElseThrow(),
                                5432,
                                Protocol.TCP)
                        .allowed())
                .isFalse();
        assertThat(policies.provenance().rule("shop", "tier-web.in-all", Provenance.Direction.EGRESS, 0))
                .extracting(span -> span.line())
                .containsExactly(5);
        assertThat(policies.provenance()
                        .isolation("shop", "tier-web.in-all", Provenance.Direction.EGRESS)
                        .map(span -> span.text()))
                .hasValue("isolate egress");
    }

    @Test
    void tiersThatCannotShareAPodNeedNoSuchPolicy() {
        EmittedPolicies policies = compile("""
                namespace shop {
                  tier api { pods app=api; isolate egress }
                  tier web { pods app=web }
                  tier db  { pods app=db }
                  allow web -> db
                  allow api -> db
                }
                """);
        assertThat(policies.manifests().policies())
                .extracting(NetworkPolicy::name)
                .containsExactly("tier-api");
    }

    /**
     * A tier named like an overlap policy ({@code a-in-b}) once got the same NetworkPolicy name as
     * the overlap of {@code a} in {@code b}, and the second replaced the first when applied: the
     * overlap's pods lost their rules. The dot in an overlap's name makes the names unique.
     */
    @Test
    void aTierNamedLikeAnOverlapKeepsItsOwnPolicy() {
        EmittedPolicies policies = compile("""
                namespace b {
                  tier b      { pods *; isolate egress }
                  tier a      { pods app=a }
                  tier a-in-b { pods app=x; isolate egress }
                  tier db     { pods app=db; port sql 5432/tcp }
                  allow a -> db:sql
                  allow a-in-b -> db:sql
                }
                """);
        java.util.List<String> names = policies.manifests().policies().stream()
                .map(NetworkPolicy::name)
                .toList();
        assertThat(names).doesNotHaveDuplicates().contains("tier-a-in-b", "tier-a.in-b");
        Endpoints endpoints = policies.endpoints();
        for (String from : java.util.List.of("b.a", "b.a-in-b")) {
            assertThat(policies.evaluate(
                                    endpoints.named(from).orElseThrow(),
                                    endpoints.named("b.db").orElseThrow(),
                                    5432,
                                    Protocol.TCP)
                            .allowed())
                    .as(from)
                    .isTrue();
        }
    }
}
