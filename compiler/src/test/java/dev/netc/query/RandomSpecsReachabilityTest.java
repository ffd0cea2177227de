package dev.netc.query;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Diagnostic;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property: for random valid specs, the emitted policies, evaluated on synthetic pods of every
 * tier, allow exactly the declared flows plus DNS, no more, no less ({@link ReachabilityProof}).
 *
 * <p>CI runs {@value #DEFAULT_TRIES} specs from a fixed seed. A longer local run:
 * {@code mvn -B -pl compiler -am test -Dtest=RandomSpecsReachabilityTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Dnetc.randomSpecs.tries=20000 -Dnetc.randomSpecs.seed=$RANDOM}. A failure names the seed of
 * the failing spec and shows it shrunk to the smallest part that still fails; rerun exactly that
 * spec with {@code -Dnetc.randomSpecs.seed=SEED -Dnetc.randomSpecs.tries=1}.
 *
 * <p>A hand-rolled generator on plain JUnit rather than jqwik: from 1.10 on, jqwik's
 * maintainers ask AI coding agents not to use it, and this code was written by one.
 */
class RandomSpecsReachabilityTest {
    static final int DEFAULT_TRIES = 200;
    static final long DEFAULT_SEED = 20_250_601L;

    @Test
    void emittedPoliciesAllowExactlyTheDeclaredFlowsPlusDns() {
        int tries = Integer.getInteger("netc.randomSpecs.tries", DEFAULT_TRIES);
        long seed = Long.getLong("netc.randomSpecs.seed", DEFAULT_SEED);
        long probes = 0;
        for (int i = 0; i < tries; i++) {
            long specSeed = seed + i;
            RandomSpec spec = RandomSpec.generate(new Random(specSeed));
            Optional<String> failure = failure(spec);
            if (failure.isPresent()) {
                RandomSpec smallest = shrink(spec);
                throw new AssertionError("random spec of seed " + specSeed + " fails (rerun: -Dnetc.randomSpecs.seed="
                        + specSeed + " -Dnetc.randomSpecs.tries=1); shrunk to:\n" + smallest.text() + "\n"
                        + failure(smallest).orElseThrow());
            }
            probes += probes(spec);
        }
        System.out.printf("random specs: %d checked (seed %d), %d probes%n", tries, seed, probes);
        assertThat(probes).isPositive();
    }

    /** Why the spec breaks the property (or does not compile), if it does. */
    private static Optional<String> failure(RandomSpec spec) {
        try {
            probes(spec);
            return Optional.empty();
        } catch (AssertionError e) {
            return Optional.of(e.getMessage());
        }
    }

    private static int probes(RandomSpec spec) {
        Compiler.Result result = InMemorySpec.compile(spec.text());
        List<Diagnostic> errors =
                result.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertThat(errors)
                .as("the generator made an invalid spec:\n%s", spec.text())
                .isEmpty();
        return new ReachabilityProof(result.model(), EmittedPolicies.of(result), spec.declared()).run();
    }

    /** Drops parts of the spec while it still fails, until no single part can go. */
    private static RandomSpec shrink(RandomSpec spec) {
        RandomSpec smallest = spec;
        boolean smaller = true;
        while (smaller) {
            smaller = false;
            for (RandomSpec candidate : smallest.smaller()) {
                if (failure(candidate).isPresent()) {
                    smallest = candidate;
                    smaller = true;
                    break;
                }
            }
        }
        return smallest;
    }
}
