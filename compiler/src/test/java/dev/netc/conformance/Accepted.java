package dev.netc.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Severity;
import dev.netc.query.DeclaredExternals;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.ReachabilityProof;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What "accepted means it boots" asks of the harness's findings on a spec netc accepted: no consumer
 * refuses or misreads anything (no error finding), and whatever a consumer silently ignores was
 * announced by one of netc's warnings.
 */
final class Accepted {
    /** The warnings that tell the user a consumer will ignore a value, by harness rule. */
    private static final Map<String, Set<Code>> WARNED_BY = Map.of(
            "canal.backend-ignored", Set.of(Code.NS4025),
            "kube-proxy.mode-ignored", Set.of(Code.NS4023),
            "kube-proxy.conntrack-min-ignored", Set.of(Code.NS4023));

    private Accepted() {}

    static void assertBoots(String name, Compiler.Result result, List<Harness.Finding> findings) {
        assertThat(result.hasErrors()).as("%s is accepted", name).isFalse();
        assertThat(findings)
                .as("what the consumers refuse or misread in %s", name)
                .filteredOn(Harness.Finding::isError)
                .isEmpty();
        List<Code> warnings = result.diagnostics().stream()
                .filter(d -> d.severity() == Severity.WARNING)
                .map(Diagnostic::code)
                .toList();
        assertThat(findings)
                .as("what the consumers ignore in %s without a warning from netc", name)
                .filteredOn(
                        f -> WARNED_BY.getOrDefault(f.rule(), Set.of()).stream().noneMatch(warnings::contains))
                .isEmpty();
    }

    /**
     * The evaluator finds that the emitted policies allow exactly the declared flows, plus DNS
     * ({@code ReachabilityProof}, as for the examples).
     *
     * @param declared what the spec's externals hold by their declarations; null when it has none of its own
     */
    static void assertExact(String name, Compiler.Result result, DeclaredExternals declared) {
        EmittedPolicies policies = EmittedPolicies.of(result);
        try {
            (declared == null
                            ? new ReachabilityProof(result.model(), policies)
                            : new ReachabilityProof(result.model(), policies, declared))
                    .run();
        } catch (AssertionError e) {
            throw new AssertionError("reachability of " + name, e);
        }
    }
}
