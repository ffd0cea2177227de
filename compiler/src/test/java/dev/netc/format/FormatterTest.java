package dev.netc.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.parse.SpecParser;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The canonical layout: golden cases, idempotence and unchanged meaning over every spec in the repository. */
class FormatterTest {
    private static final Path GOLDEN = Path.of("src", "test", "resources", "format");
    private static final List<Path> CORPUS = List.of(
            Path.of("..", "examples"),
            Path.of("..", "stdlib"),
            Path.of("src", "test", "resources", "diagnostics"),
            Path.of("src", "test", "resources", "diagnostics-rendered"),
            GOLDEN);

    /**
     * Each {@code NAME.input.netspec} formats to {@code NAME.expected.netspec}, both read by eye:
     * {@code spacing} pins the spacing rules (selectors, calls, flow ports, sets, lists, `param x: int`),
     * block braces of multi-line blocks on their own lines, blank lines collapsed and trimmed,
     * continuation indent, kept alignment and comments, dropped `;` before `}`;
     * {@code comments} pins where comments go: own-line comments take the indentation of what follows,
     * trailing comments stay on their line, block comments keep their inside; {@code flow-forms} the
     * forms of flows: one-sided flows, {@code namespaces ... except (...) pods (...)}, {@code everyone},
     * ports {@code tcp} and {@code http/tcp}.
     */
    @TestFactory
    Stream<DynamicTest> goldenCases() throws IOException {
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<Path> inputs = files.filter(p -> p.toString().endsWith(".input.netspec"))
                    .sorted()
                    .toList();
            assertThat(inputs).hasSizeGreaterThanOrEqualTo(2);
            return inputs.stream()
                    .map(input -> DynamicTest.dynamicTest(input.getFileName().toString(), () -> {
                        Path expected = input.resolveSibling(
                                input.getFileName().toString().replace(".input.", ".expected."));
                        assertThat(format(Files.readString(input))).isEqualTo(Files.readString(expected));
                    }));
        }
    }

    /** fmt(fmt(x)) == fmt(x), and fmt(x) parses to the same AST as x, for every spec that parses. */
    @TestFactory
    Stream<DynamicTest> idempotentAndMeaningPreserving() {
        List<Path> specs = CORPUS.stream()
                .flatMap(FormatterTest::specs)
                .filter(FormatterTest::parsesCleanly)
                .toList();
        assertThat(specs).hasSizeGreaterThan(60);
        return specs.stream()
                .map(spec -> DynamicTest.dynamicTest(spec.toString(), () -> {
                    String original = Files.readString(spec, StandardCharsets.UTF_8);
                    String once = format(original);
                    assertThat(format(once)).as("formatting twice").isEqualTo(once);
                    assertThat(ast(once)).as("the AST after formatting").isEqualTo(ast(original));
                }));
    }

    @Test
    void examplesAndStdlibAreAlreadyFormatted() {
        Stream.of(Path.of("..", "examples"), Path.of("..", "stdlib"))
                .flatMap(FormatterTest::specs)
                .forEach(spec -> {
                    try {
                        String text = Files.readString(spec, StandardCharsets.UTF_8);
                        assertThat(format(text)).as(spec.toString()).isEqualTo(text);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Test
    void aFileWithSyntaxErrorsIsNotFormattedAndItsErrorsAreReported() {
        Formatter.Result result =
                Formatter.format(new SourceFile("broken.netspec", "network lan {  cidr 10.0.0.0/8\n"));
        assertThat(result.text()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.NS0007);
    }

    @Test
    void anInvalidStringEscapeAlsoPreventsFormatting() {
        Formatter.Result result = Formatter.format(new SourceFile("a.netspec", "external x   = \"a\\qb\"\n"));
        assertThat(result.text()).isEmpty();
        assertThat(result.diagnostics()).extracting(Diagnostic::code).containsExactly(Code.NS0009);
    }

    @Test
    void emptyAndBlankFilesFormatToNothing() {
        assertThat(format("")).isEmpty();
        assertThat(format("\n\n  \n")).isEmpty();
        assertThat(format("// only a comment   ")).isEqualTo("// only a comment\n");
    }

    @Test
    void windowsLineEndsAndAByteOrderMarkAreNormalised() {
        assertThat(format("\uFEFFnetwork lan {\r\n  cidr 10.0.0.0/8 // c\r\n}\r\n"))
                .isEqualTo("network lan {\n  cidr 10.0.0.0/8 // c\n}\n");
    }

    @Test
    void alignmentFollowsTheFirstTokenWhenTheIndentationChanges() {
        String input = """
                cluster c {
                      token    env("T")
                      services 10.43.0.0/16
                }
                """;
        assertThat(format(input)).isEqualTo("""
                cluster c {
                  token    env("T")
                  services 10.43.0.0/16
                }
                """);
    }

    @Test
    void layoutNeverJoinsAPropertyWithTheValueOnTheNextLine() {
        // `isolate` alone on a line isolates both directions, and `egress` is a statement of its
        // own (which the analysis rejects); joining the lines would silently mean `isolate egress`
        String input = "namespace app {\n  isolate\n      egress\n}\n";
        assertThat(format(input)).isEqualTo("namespace app {\n  isolate\n  egress\n}\n");
    }

    private static String format(String text) {
        return Formatter.format(new SourceFile("test.netspec", text)).text().orElseThrow();
    }

    private static String ast(String text) {
        DiagnosticSink sink = new DiagnosticSink();
        String printed = SpanFreeAst.print(SpecParser.parse(new SourceFile("test.netspec", text), sink));
        assertThat(sink.hasErrors()).isFalse();
        return printed;
    }

    private static boolean parsesCleanly(Path spec) {
        try {
            return Formatter.format(new SourceFile(spec.toString(), Files.readString(spec, StandardCharsets.UTF_8)))
                    .text()
                    .isPresent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<Path> specs(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> p.toString().endsWith(".netspec")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
