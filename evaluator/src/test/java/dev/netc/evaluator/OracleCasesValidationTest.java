package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every policy of the oracle cases is one the API server accepts, without warnings. */
class OracleCasesValidationTest {

    @TestFactory
    Stream<DynamicTest> everyOraclePolicyIsValid() {
        return OracleCases.load().cases().stream()
                .flatMap(oracleCase -> oracleCase.policies().stream()
                        .map(policy -> DynamicTest.dynamicTest(oracleCase.name() + ": " + name(policy), () -> {
                            assertThat(ApiServerValidator.validate(policy))
                                    .as("API server rules")
                                    .isEmpty();
                            assertThat(SchemaValidator.validate(policy))
                                    .as("strict schema")
                                    .isEmpty();
                            assertThat(ApiServerValidator.warnings(policy))
                                    .as("warnings")
                                    .isEmpty();
                        })));
    }

    private static Object name(Map<String, Object> policy) {
        return ((Map<?, ?>) policy.get("metadata")).get("name");
    }
}
