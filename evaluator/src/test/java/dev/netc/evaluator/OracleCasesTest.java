package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every probe of every oracle case through the evaluator. */
class OracleCasesTest {

    /** The copied file holds this many; a smaller number means a truncated or replaced copy. */
    private static final int EXPECTED_CASES = 31;

    private static final int EXPECTED_PROBES = 210;

    private static final OracleCases ORACLE = OracleCases.load();

    @TestFactory
    Stream<DynamicNode> everyProbeOfEveryCase() {
        List<DynamicNode> nodes = new ArrayList<>();
        int probes = 0;
        for (OracleCases.Case oracleCase : ORACLE.cases()) {
            nodes.add(DynamicContainer.dynamicContainer(oracleCase.name(), probeTests(oracleCase)));
            probes += oracleCase.probes().size();
        }
        int cases = ORACLE.cases().size();
        int total = probes;
        nodes.add(DynamicTest.dynamicTest(
                "the file has " + EXPECTED_CASES + " cases and " + EXPECTED_PROBES + " probes", () -> {
                    System.out.printf("netpol-cases.yaml: %d cases, %d probes evaluated%n", cases, total);
                    assertThat(cases).isEqualTo(EXPECTED_CASES);
                    assertThat(total).isEqualTo(EXPECTED_PROBES);
                }));
        return nodes.stream();
    }

    private static Stream<DynamicTest> probeTests(OracleCases.Case oracleCase) {
        NetworkPolicyEvaluator evaluator = new NetworkPolicyEvaluator(
                ORACLE.universe(), Manifests.of(oracleCase.policies()).policies());
        return oracleCase.probes().stream()
                .map(probe -> DynamicTest.dynamicTest(
                        probe.from() + " -> " + probe.to() + " " + probe.protocol() + "/" + probe.port()
                                + (probe.allowed() ? " allowed" : " denied"),
                        () -> {
                            Universe universe = ORACLE.universe();
                            Verdict verdict = evaluator.evaluate(
                                    universe.pod(probe.from()),
                                    universe.pod(probe.to()),
                                    probe.port(),
                                    probe.protocol());
                            assertThat(verdict.allowed())
                                    .as("%s (%s)%n%s", oracleCase.name(), oracleCase.source(), verdict.explain())
                                    .isEqualTo(probe.allowed());
                        }));
    }
}
