package dev.netc.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The explanation pages {@code docs/diagnostics/NSxxxx.md} that {@code netc explain} prints:
 * exactly one per code, each with the code's severity, shipped in the jar unchanged, linked
 * from the catalogue {@code docs/diagnostics.md}; and their examples do what the pages say.
 * Compiling a page's {@code ## Wrong} example (in memory, with only {@code CLUSTER_TOKEN} in
 * the environment) reports the page's code; compiling its {@code ## Right} example does not,
 * and reports no error at all.
 *
 * <p>Whether each code also has a case under {@code src/test/resources/diagnostics/} is checked
 * by {@code DiagnosticCasesTest}.
 */
class ExplanationPagesTest {
    static final Path PAGES = Path.of("..", "docs", "diagnostics");
    private static final Path CATALOGUE = Path.of("..", "docs", "diagnostics.md");

    /**
     * Codes whose examples are shell sessions ({@code ```console}) because the problem and its
     * fix are in the command line or the environment, not in the spec: {@code --set} (NS1009),
     * {@code --root} (NS1010), the sites file of {@code --sites} (NS1030, NS1031), the query of
     * {@code netc query} (NS1040), an unset variable (NS2014), a variable that holds no WireGuard key
     * (NS2032), a token with white space (NS2030), {@code --canal-configmap} (NS4008);
     * or in what a spec's text on a page
     * cannot show: bytes that are not UTF-8 (NS0010), a thousand errors (NS0011), the output
     * folder (NS0012), a missing input (NS0020), a symbolic link (NS1020).
     * Their Wrong session must show the code, their Right session must not.
     */
    private static final Set<Code> CONSOLE_EXAMPLES = EnumSet.of(
            Code.NS0010,
            Code.NS0011,
            Code.NS0012,
            Code.NS0020,
            Code.NS1009,
            Code.NS1032,
            Code.NS1010,
            Code.NS1020,
            Code.NS1030,
            Code.NS1031,
            Code.NS1040,
            Code.NS1050,
            Code.NS1051,
            Code.NS1052,
            Code.NS1053,
            Code.NS2014,
            Code.NS2030,
            Code.NS2032,
            Code.NS4008);

    /** Codes no input can provoke: the page shows what the diagnostic looks like, without Wrong and Right. */
    private static final Set<Code> NO_EXAMPLES = EnumSet.of(Code.NS9001);

    private static final Map<String, String> ENVIRONMENT = Map.of("CLUSTER_TOKEN", "K10-explain-example-token");
    private static final Pattern FENCED =
            Pattern.compile("^```(\\w*)\\n(.*?)^```$", Pattern.MULTILINE | Pattern.DOTALL);
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern PAGE_NAME = Pattern.compile("NS\\d{4}\\.md");

    @TempDir
    Path projectRoot;

    /** A fenced block: its language ({@code netspec}, {@code console}) and its text. */
    record Block(String language, String text) {}

    @Test
    void everyCodeHasAMessageAndAPageWithTitleAndSeverityThatTheJarShipsUnchanged() throws IOException {
        for (Code code : Code.values()) {
            assertThat(Messages.has(code))
                    .as("message of %s in messages.properties", code)
                    .isTrue();
            Path page = page(code);
            assertThat(page).as("explanation page of %s", code).isRegularFile();
            String markdown = Files.readString(page, StandardCharsets.UTF_8);
            Explanation shipped = Explanation.of(code);
            assertThat(shipped.markdown()).as("%s as the jar ships it", code).isEqualTo(markdown);
            assertThat(shipped.title()).as("title of %s", code).isNotBlank();
            assertThat(markdown.lines())
                    .as("severity line of %s", code)
                    .contains("Severity: " + code.defaultSeverity().label());
        }
    }

    @Test
    void everyPageBelongsToACode() throws IOException {
        try (Stream<Path> files = Files.list(PAGES)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertThat(name).as("file in %s", PAGES).matches(PAGE_NAME);
                assertThat(Code.parse(name.substring(0, name.length() - 3)))
                        .as("the code of %s", name)
                        .isNotNull();
            }
        }
    }

    @Test
    void theCatalogueLinksEveryPage() throws IOException {
        String catalogue = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        for (Code code : Code.values()) {
            assertThat(catalogue)
                    .as("link to the page of %s in %s", code, CATALOGUE)
                    .contains("[" + code + "](diagnostics/" + code + ".md)");
        }
    }

    /** Links between pages and into the language reference lead to a file and, with `#`, to a heading in it. */
    @Test
    void relativeLinksResolve() throws IOException {
        for (Code code : Code.values()) {
            Matcher m = LINK.matcher(Files.readString(page(code), StandardCharsets.UTF_8));
            while (m.find()) {
                String target = m.group(1);
                if (target.startsWith("https://")) {
                    continue;
                }
                String[] fileAndAnchor = target.split("#", 2);
                Path file = PAGES.resolve(fileAndAnchor[0]).normalize();
                assertThat(file).as("link `%s` in the page of %s", target, code).isRegularFile();
                if (fileAndAnchor.length == 2) {
                    assertThat(headingAnchors(file))
                            .as("anchor of link `%s` in the page of %s", target, code)
                            .contains(fileAndAnchor[1]);
                }
            }
        }
    }

    @TestFactory
    Stream<DynamicTest> examples() {
        return Stream.of(Code.values())
                .map(code -> DynamicTest.dynamicTest(code.name(), page(code).toUri(), () -> checkExamples(code)));
    }

    private void checkExamples(Code code) throws IOException {
        String markdown = Files.readString(page(code), StandardCharsets.UTF_8);
        if (NO_EXAMPLES.contains(code)) {
            assertThat(section(markdown, "Wrong"))
                    .as("Wrong section of %s", code)
                    .isEmpty();
            assertThat(section(markdown, "Right"))
                    .as("Right section of %s", code)
                    .isEmpty();
            assertThat(blocks(markdown))
                    .as("what %s looks like", code)
                    .anyMatch(b -> b.language().equals("console"));
            return;
        }
        Block wrong = example(markdown, "Wrong", code);
        Block right = example(markdown, "Right", code);
        String language = CONSOLE_EXAMPLES.contains(code) ? "console" : "netspec";
        assertThat(List.of(wrong.language(), right.language()))
                .as("languages of the examples of %s", code)
                .containsOnly(language);
        if (language.equals("console")) {
            assertThat(wrong.text()).as("Wrong session of %s", code).contains("[" + code + "]");
            assertThat(right.text()).as("Right session of %s", code).doesNotContain("[" + code + "]");
            return;
        }
        List<Diagnostic> wrongDiagnostics = compile(code + "-wrong.netspec", wrong.text());
        assertThat(wrongDiagnostics)
                .as("diagnostics of the Wrong example of %s:%n%s", code, describe(wrongDiagnostics))
                .anyMatch(d -> d.code() == code);
        List<Diagnostic> rightDiagnostics = compile(code + "-right.netspec", right.text());
        assertThat(rightDiagnostics)
                .as("diagnostics of the Right example of %s:%n%s", code, describe(rightDiagnostics))
                .noneMatch(d -> d.code() == code)
                .noneMatch(Diagnostic::isError);
    }

    private List<Diagnostic> compile(String name, String text) {
        Compiler.Request request = new Compiler.Request(
                List.of(),
                List.of(new SourceFile(name, text)),
                projectRoot,
                projectRoot,
                Map.of(),
                SecretSource.of(ENVIRONMENT),
                Emitter.Options.DEFAULT);
        return Compiler.compile(request).diagnostics();
    }

    static Path page(Code code) {
        return PAGES.resolve(code.name() + ".md");
    }

    /** The first fenced block of the section, which must exist. */
    private static Block example(String markdown, String heading, Code code) {
        Optional<String> section = section(markdown, heading);
        assertThat(section)
                .as("`## %s` section of the page of %s", heading, code)
                .isPresent();
        List<Block> blocks = blocks(section.get());
        assertThat(blocks)
                .as("fenced example in `## %s` of the page of %s", heading, code)
                .isNotEmpty();
        return blocks.get(0);
    }

    /** The text under {@code ## heading}, up to the next {@code ## }. */
    static Optional<String> section(String markdown, String heading) {
        Matcher m = Pattern.compile(
                        "^## " + Pattern.quote(heading) + "\\s*$(.*?)(?=^## |\\z)", Pattern.MULTILINE | Pattern.DOTALL)
                .matcher(markdown);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static List<Block> blocks(String markdown) {
        List<Block> blocks = new ArrayList<>();
        Matcher m = FENCED.matcher(markdown);
        while (m.find()) {
            blocks.add(new Block(m.group(1), m.group(2)));
        }
        return blocks;
    }

    /** GitHub's anchors of the file's headings: lower case, spaces to `-`, punctuation dropped. */
    private static Set<String> headingAnchors(Path markdown) throws IOException {
        return Files.readAllLines(markdown, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith("#"))
                .map(line -> line.replaceFirst("^#+\\s*", "")
                        .toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "")
                        .replace(' ', '-'))
                .collect(Collectors.toSet());
    }

    private static String describe(List<Diagnostic> diagnostics) {
        return diagnostics.stream()
                .map(d -> "  " + d.severity().label() + "[" + d.code() + "]: " + d.message())
                .collect(Collectors.joining("\n"));
    }
}
