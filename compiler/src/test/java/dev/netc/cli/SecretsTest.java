package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.examples.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cluster token appears nowhere but in the node files that must hold it, which are 0600:
 * not on stdout or stderr of any command, not in any other file netc leaves, whether the token
 * comes from the environment, a file or (with a warning) the source, and whether the run
 * succeeds or fails. Every example is compiled each way and everything is scanned for the
 * token's value.
 */
class SecretsTest {
    private static final String TOKEN = "K10-recognisable-token-4f8a2c-must-not-leak";

    /**
     * Every way netc prints or writes something about a spec: `SPEC` stands for the spec, `OUT`
     * for the output folder. A new output format or command is one more line here. The exit
     * code is checked for `check` and `compile`; the others answer a question with theirs.
     */
    private static final List<List<String>> SHOWING = List.of(
            List.of("check", "SPEC"),
            List.of("check", "--format", "json", "SPEC"),
            List.of("check", "--format", "sarif", "SPEC"),
            List.of("check", "--format", "github", "SPEC"),
            List.of("compile", "SPEC", "-o", "OUT"),
            List.of("compile", "--canal-configmap", "--format", "json", "SPEC", "-o", "OUT"),
            List.of("query", "SPEC", "* -> *:443/tcp"),
            List.of("graph", "SPEC"),
            List.of("graph", "--format", "json", "SPEC"),
            List.of("diff", "SPEC", "SPEC"));

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> aTokenFromAFileShowsOnlyInTheNodeFiles() {
        return perExample("file", example -> {
            Path spec = copy(example, text -> text.replace("env(\"CLUSTER_TOKEN\")", "file(\"token.txt\")"));
            Files.writeString(spec.resolveSibling("token.txt"), TOKEN + "\n");
            for (List<String> command : SHOWING) {
                assertNoLeak(spec, command, 0);
            }
            assertThat(dir.resolve("out/nodes")).isNotEmptyDirectory();
        });
    }

    @TestFactory
    Stream<DynamicTest> aTokenWrittenInTheSourceIsAWarningAndMaskedInIt() {
        return perExample("literal", example -> {
            Path spec = copy(example, text -> text.replace("env(\"CLUSTER_TOKEN\")", "\"" + TOKEN + "\" // " + TOKEN));
            for (List<String> command : SHOWING) {
                Run run = assertNoLeak(spec, command, 0);
                if (command.equals(List.of("check", "SPEC"))) {
                    assertThat(run.err()).contains("warning[NS2015]").contains("********");
                }
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> aTokenIsNotShownWhenTheRunFails() {
        return perExample("with an error", example -> {
            Path spec = copy(example, text -> text.replace("env(\"CLUSTER_TOKEN\")", "file(\"token.txt\")")
                    + "\nnamespace Not_A_Name { isolate }\n");
            Files.writeString(spec.resolveSibling("token.txt"), TOKEN);
            for (List<String> command : SHOWING) {
                Run run = assertNoLeak(spec, command, 1);
                assertThat(run.out() + run.err()).as("%s", command).contains("NS2008");
            }
        });
    }

    /** A spec with a syntax error is not analysed, so the token is found for masking in the parsed text. */
    @Test
    void aTokenOnALineWithASyntaxErrorIsMasked() throws IOException {
        Path spec = copy(Examples.DIR.resolve("edge-site.netspec"),
                text -> text.replace("env(\"CLUSTER_TOKEN\")", "\"" + TOKEN + "\" @"));
        for (List<String> command : SHOWING) {
            Run run = assertNoLeak(spec, command, 1);
            assertThat(run.out() + run.err()).as("%s", command).contains("NS0005");
        }
        assertThat(assertNoLeak(spec, List.of("check", "SPEC"), 1).err()).contains("********");
    }

    /**
     * A spec with a syntax error, each with the literal token where the parser meets it: before
     * the error on its line, alone on the line after `token` (where the error is the literal
     * itself, quoted in the message, shortened), and unterminated. Not even a part of the token
     * may show, in any format.
     */
    @Test
    void aLiteralTokenInAFileWithASyntaxErrorIsMaskedWhereverTheErrorIs() throws IOException {
        for (String token : List.of("token \"" + TOKEN + "\" @", "token\n    \"" + TOKEN + "\"", "token \"" + TOKEN)) {
            Path spec = Files.writeString(Files.createDirectories(dir.resolve("project")).resolve("broken.netspec"),
                    "cluster {\n  " + token + "\n}\n");
            for (List<String> command : SHOWING) {
                Run run = assertNoLeak(spec, command, 1);
                assertThat(run.out() + run.err()).as("%s: %s", token, command).contains("error").doesNotContain(TOKEN.substring(0, 12));
            }
        }
    }

    /**
     * A file that is not UTF-8 text, or has a NUL character, is not even parsed: the token is
     * found in its tokens, for the line of the bad byte, by every command that reads specs.
     */
    @Test
    void aLiteralTokenOnALineThatIsNotTextIsMasked() throws IOException {
        for (byte bad : new byte[] {(byte) 0xff, 0}) {
            byte[] line = ("cluster {\n  token \"" + TOKEN + "\" // " + TOKEN + " ").getBytes(StandardCharsets.UTF_8);
            byte[] text = Arrays.copyOf(line, line.length + 3);
            text[line.length] = bad;
            text[line.length + 1] = '\n';
            text[line.length + 2] = '}';
            Path spec = Files.write(Files.createDirectories(dir.resolve("project")).resolve("bytes.netspec"), text);
            for (List<String> command : SHOWING) {
                Run run = assertNoLeak(spec, command, 1);
                String shown = run.out() + run.err();
                assertThat(shown).as("%s", command).contains("NS0010").doesNotContain(TOKEN.substring(0, 12));
                if (shown.contains("\n2 | ")) { // as text, with the line of the byte
                    assertThat(shown).as("%s", command).contains("2 |   token \"********\" // ******** ");
                }
            }
        }
    }

    /** The carets under a line with a masked token stay under what they point at. */
    @Test
    void aMaskedTokenKeepsTheCaretsOfItsLineAligned() throws IOException {
        Path spec = Files.writeString(Files.createDirectories(dir.resolve("project")).resolve("broken.netspec"),
                "cluster {\n  token \"" + TOKEN + "\" @\n}\n");
        assertThat(assertNoLeak(spec, List.of("check", "SPEC"), 1).err()).contains("""
                  |
                2 |   token "********" @
                  |                    ^ not part of the language
                """);
    }

    /**
     * A token that is also a word of the spec (a name, a keyword, a label) is masked where it is
     * the token, and nowhere else: the diagnostics read the same as with any other token.
     */
    @ParameterizedTest
    @ValueSource(strings = {"backnd", "allow", "app", "tier", "api", "frontend"})
    void aTokenThatIsAlsoAWordOfTheSpecIsMaskedOnlyWhereItIsTheToken(String token) throws IOException {
        String text = """
                cluster {
                  token "TOKEN"
                }
                namespace app {
                  tier frontend { pods tier=frontend }
                  tier backend  { pods tier=backend; port api 8080/tcp }
                  allow frontend -> backnd:api
                }
                """;
        Path spec = Files.writeString(Files.createDirectories(dir.resolve("project")).resolve("word.netspec"), text.replace("TOKEN", token));
        String err = assertNoLeak(spec, List.of("check", "SPEC"), 1).err();
        assertThat(err).contains("""
                  |
                2 |   token "********"
                  |         ^^^^^^^^^^ the secret is in the file
                """).contains("""
                error[NS1001]: no tier, external or namespace named `backnd`
                """).contains("""
                  |
                7 |   allow frontend -> backnd:api
                  |                     ^^^^^^
                  |
                  = help: did you mean `backend`?
                """);
        for (List<String> command : List.of(List.of("check", "--format", "json", "SPEC"), List.of("check", "--format", "sarif", "SPEC"),
                List.of("check", "--format", "github", "SPEC"))) {
            assertThat(assertNoLeak(spec, command, 1).out()).as("%s", command).contains("`backnd`").doesNotContain("********");
        }
    }

    /**
     * From the environment, which only a process of its own can be given: the richest example
     * (the other sources cover every example in-process, and the token travels the same way
     * once read). An unset variable is an error that names it.
     */
    @Test
    void aTokenFromTheEnvironmentShowsOnlyInTheNodeFiles() throws IOException {
        Path spec = copy(Examples.DIR.resolve("edge-site.netspec"), text -> text);
        NetcProcess.Result run = NetcProcess.run(dir, Map.of("CLUSTER_TOKEN", TOKEN), List.of(),
                "compile", spec.toString(), "-o", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("out/nodes/cp-1.yaml")).content().contains(TOKEN);
        assertNoLeak(new Run(run.exit(), run.out(), run.err()), dir.resolve("out"));
        NetcProcess.Result missing = NetcProcess.run(dir, Map.of("CLUSTER_TOKEN", ""), List.of(), "check", spec.toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("error[NS2014]").contains("`CLUSTER_TOKEN`");
    }

    private record Run(int exit, String out, String err) {
    }

    /** A test of one kind per example that has a cluster, and so a token. */
    private Stream<DynamicTest> perExample(String kind, ThrowingConsumer test) {
        return Examples.all().stream().filter(SecretsTest::hasCluster).map(example -> DynamicTest.dynamicTest(kind + ": " + name(example), () -> {
            clear();
            test.accept(example);
        }));
    }

    private interface ThrowingConsumer {
        void accept(Path example) throws IOException;
    }

    private interface Edit {
        String apply(String text);
    }

    private Path copy(Path example, Edit edit) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("project"));
        return Files.writeString(folder.resolve(example.getFileName()), edit.apply(Files.readString(example)));
    }

    private Run assertNoLeak(Path spec, List<String> command, int expectedExit) throws IOException {
        Path out = dir.resolve("out");
        List<String> args = command.stream()
                .map(arg -> arg.equals("SPEC") ? spec.toString() : arg.equals("OUT") ? out.toString() : arg).toList();
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Netc.run(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        Run run = new Run(exit, stdout.toString(), stderr.toString());
        if (List.of("check", "compile").contains(command.get(0))) {
            assertThat(exit).as("%s: %s", args, run.err()).isEqualTo(expectedExit);
        }
        assertThat(run.err()).as("%s", args).doesNotContain("NS9001");
        assertNoLeak(run, out);
        return run;
    }

    /** Nothing printed has the token; of the files left, only node files in the output do, and they are 0600. */
    private void assertNoLeak(Run run, Path out) throws IOException {
        assertThat(run.out()).doesNotContain(TOKEN);
        assertThat(run.err()).doesNotContain(TOKEN);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                if (file.startsWith(dir.resolve("project"))) {
                    continue; // the input, which the test wrote
                }
                String content = Files.readString(file, StandardCharsets.UTF_8);
                if (file.getParent().equals(out.resolve("nodes"))) {
                    assertThat(Files.getPosixFilePermissions(file)).as("%s", file)
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                } else {
                    assertThat(content).as("%s", file).doesNotContain(TOKEN);
                }
            }
        }
    }

    private static boolean hasCluster(Path example) {
        try {
            return Files.readString(example).contains("CLUSTER_TOKEN");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String name(Path example) {
        return example.getFileName().toString();
    }

    private void clear() throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            entries.forEach(OutputTree::delete);
        }
    }
}
