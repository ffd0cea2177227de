package dev.netc.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.emit.OutputFile;
import dev.netc.evaluator.ApiServerValidator;
import dev.netc.evaluator.KubeYaml;
import dev.netc.evaluator.SchemaValidator;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every NetworkPolicy netc emits for the examples is accepted by the API server: it passes
 * the strict networking.k8s.io/v1 schema and every validation rule of the API server, and it
 * has the explicit fields the design asks for.
 */
class EmittedPoliciesValidTest {

    @TestFactory
    Stream<DynamicTest> everyEmittedPolicyIsValid() {
        return Examples.all().stream()
                .flatMap(example -> Examples.compile(example).files().stream()
                        .filter(f -> f.path().startsWith("policies/"))
                        .map(file -> DynamicTest.dynamicTest(
                                Examples.name(example) + "/" + file.path(), () -> check(file))));
    }

    private static void check(OutputFile file) {
        for (Map<String, Object> document : KubeYaml.loadAll(file.content())) {
            if (!"NetworkPolicy".equals(document.get("kind"))) {
                continue;
            }
            assertThat(SchemaValidator.validate(document))
                    .as("schema: %s", document.get("metadata"))
                    .isEmpty();
            assertThat(ApiServerValidator.validate(document))
                    .as("API server: %s", document.get("metadata"))
                    .isEmpty();
            assertThat(ApiServerValidator.warnings(document))
                    .as("API warnings: %s", document.get("metadata"))
                    .isEmpty();
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) document.get("spec");
            assertThat(spec).containsKeys("podSelector", "policyTypes");
            String text = file.content();
            assertThat(text).doesNotContain("protocol: null").doesNotContainPattern("port: \"[0-9]+\"");
        }
    }
}
