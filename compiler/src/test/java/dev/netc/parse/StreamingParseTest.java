package dev.netc.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.ast.SpecFile;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SpecParser#parse} builds the AST one top-level statement at a time and falls back to
 * the whole-file parse with error recovery; the editor support builds it from the whole
 * file's tree. Both must give the same AST and the same diagnostics, for valid files and for
 * files with syntax errors, bad escapes and everything else the test corpus holds.
 */
class StreamingParseTest {
    static Stream<Path> specs() {
        return Stream.of(Path.of("..", "examples"), Path.of("..", "stdlib"), Path.of("src", "test", "resources"))
                .flatMap(StreamingParseTest::walk);
    }

    @ParameterizedTest
    @MethodSource("specs")
    void statementByStatementIsTheWholeTreeParse(Path spec) throws IOException {
        // a few files of the corpus are deliberately not UTF-8: decoded with replacement characters here
        SourceFile source =
                new SourceFile(spec.toString(), new String(Files.readAllBytes(spec), StandardCharsets.UTF_8), spec);
        DiagnosticSink streamed = new DiagnosticSink();
        SpecFile fromStatements = SpecParser.parse(source, streamed);

        DiagnosticSink whole = new DiagnosticSink();
        SpecParser.Tree tree = SpecParser.parseTree(source, whole);
        SpecFile fromTree = tree.root() == null
                ? new SpecFile(source, List.of())
                : new AstBuilder(source, whole).build(tree.root());

        assertThat(fromStatements).isEqualTo(fromTree);
        assertThat(streamed.sorted()).isEqualTo(whole.sorted());
    }

    private static Stream<Path> walk(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".netspec")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
