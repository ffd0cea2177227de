package dev.netc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.OutputFile;
import dev.netc.evaluator.ApiServerValidator;
import dev.netc.evaluator.KubeYaml;
import dev.netc.evaluator.SchemaValidator;
import dev.netc.query.EmittedPolicies;
import dev.netc.query.ReachabilityProof;
import dev.netc.source.SourceFile;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Valid specs from {@link SpecGenerator} through every pass and emitter (the coverage-guided
 * counterpart of RandomSpecsReachabilityTest, which draws its specs from a seeded random): each
 * must compile without an error (warnings about unused or overlapping declarations are fine),
 * every emitted file must be YAML that reads back (see {@link YamlOutput}), every
 * NetworkPolicy must pass the strict schema and the API server's rules, the RKE2 option
 * strings must come back unchanged, and the evaluator must find the policies allow exactly
 * the declared flows plus DNS: nothing more, nothing less.
 *
 * <p>Saved inputs in {@code GeneratedSpecFuzzTestInputs/} replay in every build.
 */
class GeneratedSpecFuzzTest {
    private static final Load YAML = new Load(LoadSettings.builder().build());

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void generatedSpecsCompileToPoliciesThatAllowExactlyTheirFlows(FuzzedDataProvider data) {
        SpecGenerator.Spec spec = SpecGenerator.generate(data);
        Compiler.Result result = FuzzChecks.compile(new SourceFile("generated.netspec", spec.text()));
        assertThat(result.diagnostics()).as("diagnostics of\n%s", spec.text()).noneMatch(Diagnostic::isError);
        FuzzChecks.check(result, spec.text());
        for (OutputFile file : result.files()) {
            if (file.path().startsWith("policies/")) {
                checkPolicies(file);
            } else if (file.path().startsWith("nodes/")) {
                Map<String, Object> config = rke2Config(file);
                if (config.containsKey("etcd-arg") || !"worker".equals(role(file))) {
                    spec.rke2Strings()
                            .forEach((key, value) -> assertThat(config.get(key))
                                    .as("%s in %s", key, file.path())
                                    .isEqualTo(value));
                }
            }
        }
        try {
            new ReachabilityProof(result.model(), EmittedPolicies.of(result), spec.externals()).run();
        } catch (AssertionError e) {
            throw new AssertionError("reachability of\n" + spec.text(), e);
        }
    }

    private static void checkPolicies(OutputFile file) {
        java.util.Set<Object> names = new java.util.HashSet<>();
        for (Map<String, Object> document : KubeYaml.loadAll(file.content())) {
            if ("NetworkPolicy".equals(document.get("kind"))) {
                // one namespace a file: a second policy of a name would replace the first when applied
                assertThat(names.add(((Map<?, ?>) document.get("metadata")).get("name")))
                        .as("unique name of %s in %s", document.get("metadata"), file.path())
                        .isTrue();
            }
            if ("NetworkPolicy".equals(document.get("kind"))) {
                assertThat(SchemaValidator.validate(document))
                        .as("schema: %s", document)
                        .isEmpty();
                assertThat(ApiServerValidator.validate(document))
                        .as("API server: %s", document)
                        .isEmpty();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rke2Config(OutputFile file) {
        Map<String, Object> root = (Map<String, Object>) YAML.loadFromString(file.content());
        String config = (String) ((Map<String, Object>) root.get("cluster")).get("config");
        return (Map<String, Object>) YAML.loadFromString(config);
    }

    @SuppressWarnings("unchecked")
    private static String role(OutputFile file) {
        Map<String, Object> root = (Map<String, Object>) YAML.loadFromString(file.content());
        return String.valueOf(((Map<String, Object>) root.get("cluster")).get("role"));
    }
}
