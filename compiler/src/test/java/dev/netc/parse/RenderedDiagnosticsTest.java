package dev.netc.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.TextRenderer;
import dev.netc.emit.Emitter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests of the rendered text of diagnostics, as {@code netc check} prints them without
 * colour. They pin what the code-and-line cases of {@code DiagnosticCasesTest} cannot see: the
 * rustc-style layout (header, {@code -->} location, gutter width, source line, caret column and
 * width, labels of secondary spans, {@code = note}/{@code = help} lines), tabs shown as spaces,
 * diagnostics without a source position, and the exact message texts.
 *
 * <p>Each {@code src/test/resources/diagnostics-rendered/NAME.netspec} is compiled on its own,
 * with that folder as project root and working directory, and every diagnostic is rendered with
 * {@code new TextRenderer(false)}, separated by blank lines, and compared with {@code NAME.txt}.
 * A comment line {@code // set: name=value} passes a parameter. Run with
 * {@code NETC_UPDATE_GOLDEN=1} to rewrite the {@code .txt} files; then read every changed one
 * (carets!) before committing.
 */
class RenderedDiagnosticsTest {
    private static final Path ROOT = Path.of("src", "test", "resources", "diagnostics-rendered");
    private static final Pattern SETTING = Pattern.compile("^\\s*//\\s*set:\\s*([^=\\s]+)=(.*)$");

    @TestFactory
    Stream<DynamicTest> goldens() throws IOException {
        assertThat(ROOT)
                .as("the golden folder (tests run in the compiler module's folder)")
                .isDirectory();
        List<Path> inputs;
        try (Stream<Path> list = Files.list(ROOT)) {
            inputs =
                    list.filter(p -> p.toString().endsWith(".netspec")).sorted().toList();
        }
        assertThat(inputs).isNotEmpty();
        return inputs.stream()
                .map(input ->
                        DynamicTest.dynamicTest(input.getFileName().toString(), input.toUri(), () -> check(input)));
    }

    private static void check(Path input) throws IOException {
        String actual = render(input);
        Path golden = input.resolveSibling(input.getFileName().toString().replaceFirst("\\.netspec$", ".txt"));
        if ("1".equals(System.getenv("NETC_UPDATE_GOLDEN"))) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden file " + golden + "; run the test with NETC_UPDATE_GOLDEN=1 and review it. Rendered:\n"
                    + actual);
        }
        assertThat(actual)
                .as("rendered diagnostics of %s (NETC_UPDATE_GOLDEN=1 rewrites %s)", input, golden)
                .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    private static String render(Path input) throws IOException {
        Map<String, String> params = new LinkedHashMap<>();
        for (String line : Files.readAllLines(input, StandardCharsets.UTF_8)) {
            Matcher m = SETTING.matcher(line);
            if (m.matches()) {
                params.put(m.group(1), m.group(2).strip());
            }
        }
        Path root = ROOT.toAbsolutePath().normalize();
        Compiler.Result result = Compiler.compile(new Compiler.Request(
                List.of(input.toAbsolutePath()),
                List.of(),
                root,
                root,
                params,
                SecretSource.of(Map.of()),
                Emitter.Options.DEFAULT));
        TextRenderer renderer = new TextRenderer(false);
        StringBuilder out = new StringBuilder();
        for (Diagnostic diagnostic : result.diagnostics()) {
            if (out.length() > 0) {
                out.append('\n');
            }
            out.append(renderer.render(diagnostic));
        }
        return out.toString();
    }
}
