package dev.netc.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.TextRenderer;
import dev.netc.emit.Emitter;
import dev.netc.examples.Examples;
import dev.netc.fuzz.SpecGenerator;
import dev.netc.query.RandomSpec;
import dev.netc.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * {@link Compiler#check} reports what {@link Compiler#compile} reports, though it emits the files
 * only when {@link Templates} finds that they could hold {@code {{}. Held here to the examples
 * and to random specs whose RKE2 strings, token and parameters (interpolated into each other)
 * are made of braces and YAML's punctuation: a template that the rule missed would be NS4012
 * from compile and not from check.
 */
class TemplatesTest {
    private static final int SPECS = 300;
    private static final List<String> PIECES =
            List.of("{", "}", "{}", "a", " ", "\"", "\\", ":", "-", "[", "]", "#", "'", "$", "x{", "}y");

    @TestFactory
    Stream<DynamicTest> checkReportsWhatCompileReportsOnTheExamples() {
        return Examples.all().stream()
                .map(example -> DynamicTest.dynamicTest(Examples.name(example), () -> {
                    Path root = Examples.DIR;
                    Compiler.Request request = new Compiler.Request(
                            List.of(example),
                            List.of(),
                            root,
                            root,
                            Map.of(),
                            SecretSource.of(Map.of("CLUSTER_TOKEN", Examples.TOKEN)),
                            Emitter.Options.DEFAULT);
                    assertThat(rendered(Compiler.check(request))).isEqualTo(rendered(Compiler.compile(request)));
                }));
    }

    @Test
    void theOutputHoldsATemplateOnlyWhereAnInputDoes() {
        Random random = new Random(20_251_206L);
        int templates = 0;
        for (int i = 0; i < SPECS; i++) {
            String token = awkward(random);
            String param = awkward(random);
            List<String> labels = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                labels.add(literal(random, true));
            }
            String text = RandomSpec.generate(random).text()
                    + "param extra: string = \"p\"\n"
                    + "param other: string = " + literal(random, false) + "\n"
                    + "network lan { cidr 10.0.1.0/24; mtu 1500 }\n"
                    + "cluster edge {\n  token env(\"CLUSTER_TOKEN\")\n  server 10.0.1.10\n"
                    + "  node cp-1 { role init; interface eth0 10.0.1.10 on lan }\n"
                    + "  rke2 { node-label = [" + String.join(", ", labels) + "] }\n}\n";
            Compiler.Request request = new Compiler.Request(
                    List.of(),
                    List.of(new SourceFile("spec.netspec", text)),
                    Path.of("").toAbsolutePath(),
                    Path.of("").toAbsolutePath(),
                    Map.of("extra", param),
                    SecretSource.of(Map.of("CLUSTER_TOKEN", token)),
                    Emitter.Options.DEFAULT);
            Compiler.Result compiled = Compiler.compile(request);
            assertThat(rendered(Compiler.check(request)))
                    .as("check of\n%s\nwith token %s and parameter %s", text, token, param)
                    .isEqualTo(rendered(compiled));
            boolean inOutput = compiled.diagnostics().stream().anyMatch(d -> d.code() == Code.NS4012);
            templates += inOutput ? 1 : 0;
        }
        assertThat(templates).as("specs whose output held a template").isPositive();
    }

    /** The diagnostics as netc check prints them: two compiles' spans name different copies of the source. */
    private static List<String> rendered(Compiler.Result result) {
        return result.diagnostics().stream()
                .map(new TextRenderer(false)::render)
                .toList();
    }

    /** A string literal of awkward pieces and the parameter {@code extra} (and {@code other}, if allowed). */
    private static String literal(Random random, boolean withOther) {
        StringBuilder text = new StringBuilder("\"");
        for (int n = random.nextInt(4); n > 0; n--) {
            int kind = random.nextInt(4);
            if (kind == 0) {
                text.append("${extra}");
            } else if (kind == 1 && withOther) {
                text.append("${other}");
            } else {
                String quoted = SpecGenerator.quoted(awkward(random));
                text.append(quoted, 1, quoted.length() - 1);
            }
        }
        return text.append('"').toString();
    }

    private static String awkward(Random random) {
        StringBuilder text = new StringBuilder();
        for (int n = random.nextInt(4); n > 0; n--) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }
}
