package dev.netc.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.ast.SpecFile;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.grammar.NetSpecLexer;
import dev.netc.source.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /**
     * A file cut into runs of top-level statements wherever {@link TopLevelRuns} may cut it
     * (runs of one token and more) parses into the AST and diagnostics of the uncut file: the
     * runs of a valid file are its statements, and a file with an error is parsed whole.
     */
    @ParameterizedTest
    @MethodSource("specs")
    void cutAtEveryTopLevelEndIsTheUncutParse(Path spec) throws IOException {
        SourceFile source =
                new SourceFile(spec.toString(), new String(Files.readAllBytes(spec), StandardCharsets.UTF_8), spec);
        assertCutParseIsUncutParse(source);
    }

    /** Flows and blocks around the cuts: what may follow a closing brace, on the same line and the next. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "namespace a { tier web { pods app=web; port http 80/tcp } }\nnamespace b { tier x { pods app=x } }\n"
                        + "allow {a.web, b.x}\n  -> {b.x}\n  : {http}\nallow b.x -> {a.web}\n: http\n"
                        + "namespace c { } namespace d { }; allow {c} -> d\n",
                "namespace a { tier web { pods app=web; port http 80/tcp } } /* } namespace x { */ namespace b { }\n"
                        + "allow {a.web} -> {b}\n// allow {x}\nallow a.web -> b\n",
                "namespace a { tier web { pods app=web; port http 80/tcp } }\nallow a.web -> a.web:http allow a.web\n"
                        + "-> a.web\nexpect allow a.web -> a.web\nexpect\nallow a.web -> a.web expect deny a.web -> a:5432\n",
                // errors next to a cut: a run alone would have to fail, and the whole file reports them
                "namespace a { tier web { pods app=web } }\nallow allow a.web -> a.web\nexpect expect a -> a\n",
                "namespace a { tier web { pods app=web } }\nallow a.web ->\nallow a.web -> a.web\n",
                "namespace a { tier web { pods app=web } }\nallow {a.web}\nnamespace b { }\n",
                "namespace a { }\n}\nnamespace b { }\n",
                "namespace a { tier web { pods app=web } }\nallow a.web -> {a.web}\n, a\nnamespace b { }\n",
                "namespace a { tier web { pods app=web } }\nallow a.web -> {a.web} http\nnamespace b { }\n",
            })
    void cutsBetweenAwkwardStatementsAreTheUncutParse(String text) {
        SourceFile source = new SourceFile("cuts.netspec", text);
        assertThat(TopLevelRuns.of(SpecParser.lex(text, "cuts.netspec").getTokens(), Integer.MAX_VALUE, 1))
                .as("runs")
                .hasSizeGreaterThan(1);
        assertCutParseIsUncutParse(source);
    }

    private static void assertCutParseIsUncutParse(SourceFile source) {
        DiagnosticSink uncut = new DiagnosticSink();
        SpecFile whole = SpecParser.parse(source, uncut, 1, 1);
        DiagnosticSink cut = new DiagnosticSink();
        SpecFile runs = SpecParser.parse(source, cut, Integer.MAX_VALUE, 1);
        assertThat(runs).isEqualTo(whole);
        assertThat(cut.sorted()).isEqualTo(uncut.sorted());
        if (!uncut.hasErrors()) {
            // each run of a valid file starts where the uncut parse found a top-level statement
            Set<Integer> statementStarts =
                    whole.statements().stream().map(s -> s.span().start()).collect(Collectors.toSet());
            for (TokenRun run : TopLevelRuns.of(
                    SpecParser.lex(source.text(), source.displayName()).getTokens(), Integer.MAX_VALUE, 1)) {
                // (an empty statement, `;`, leaves nothing in the AST)
                if (run.LA(1) != Token.EOF && run.LA(1) != NetSpecLexer.SEMI) {
                    assertThat(statementStarts).contains(run.LT(1).getStartIndex());
                }
            }
        }
    }

    private static Stream<Path> walk(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".netspec")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
