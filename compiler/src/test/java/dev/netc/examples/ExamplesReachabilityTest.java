package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.ReachabilityProof;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof that the emitted policies allow exactly the declared flows plus DNS, for every
 * example: see {@link ReachabilityProof} for the pods, addresses and ports probed and how the
 * expectation is derived from the declarations.
 */
class ExamplesReachabilityTest {

    @TestFactory
    Stream<DynamicTest> emittedPoliciesAllowExactlyTheDeclaredFlowsPlusDns() {
        return Examples.all().stream()
                .map(example -> DynamicTest.dynamicTest(Examples.name(example), () -> {
                    Compiler.Result result = Examples.compile(example);
                    int probes = new ReachabilityProof(result.model(), EmittedPolicies.of(result)).run();
                    assertThat(probes).isPositive();
                }));
    }
}
