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
import java.util.HashMap;
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
     * code is checked for `check`, `compile` and `fmt`; the others answer a question with theirs.
     */
    private static final List<List<String>> SHOWING = List.of(
            List.of("check", "SPEC"),
            List.of("check", "--format", "json", "SPEC"),
            List.of("check", "--format", "sarif", "SPEC"),
            List.of("check", "--format", "github", "SPEC"),
            List.of("check", "--format", "junit", "SPEC"),
            List.of("check", "--format", "gitlab", "SPEC"),
            List.of("compile", "SPEC", "-o", "OUT"),
            List.of("compile", "--canal-configmap", "--format", "json", "SPEC", "-o", "OUT"),
            List.of("query", "SPEC", "* -> *:443/tcp"),
            List.of("graph", "SPEC"),
            List.of("graph", "--format", "json", "SPEC"),
            List.of("diff", "SPEC", "SPEC"));

    /**
     * `netc fmt` prints the file itself, token and all, when it can format it: only a file that
     * it reports (a syntax error, bytes that are not text) may not show the token. Exit 1.
     */
    private static final List<List<String>> FORMATTING =
            List.of(List.of("fmt", "SPEC"), List.of("fmt", "--check", "SPEC"), List.of("fmt", "-w", "SPEC"));

    /**
     * Every way of compiling many sites, in every `--format` (which batches do not apply yet:
     * they report text on standard error whatever it says, and must hide the token in each):
     * `SPEC` is a template, `SITES` its sites file, `FOLDER` a folder of sites.
     */
    private static final List<List<String>> BATCHES = Stream.of("text", "json", "sarif", "github", "junit", "gitlab")
            .flatMap(format -> Stream.of(
                    List.of("compile", "SPEC", "--sites", "SITES", "-o", "OUT", "--format", format),
                    List.of("compile", "--batch", "FOLDER", "-o", "OUT", "--format", format)))
            .toList();

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
            Path spec = copy(
                    example,
                    text -> text.replace("env(\"CLUSTER_TOKEN\")", "file(\"token.txt\")")
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
        Path spec = copy(
                Examples.DIR.resolve("edge-site.netspec"),
                text -> text.replace("env(\"CLUSTER_TOKEN\")", "\"" + TOKEN + "\" @"));
        for (List<String> command :
                Stream.concat(SHOWING.stream(), FORMATTING.stream()).toList()) {
            Run run = assertNoLeak(spec, command, 1);
            assertThat(run.out() + run.err()).as("%s", command).contains("NS0005");
        }
        assertThat(assertNoLeak(spec, List.of("check", "SPEC"), 1).err()).contains("********");
        assertThat(assertNoLeak(spec, List.of("fmt", "SPEC"), 1).err()).contains("\"********\" @");
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
            Path spec = Files.writeString(
                    Files.createDirectories(dir.resolve("project")).resolve("broken.netspec"),
                    "cluster {\n  " + token + "\n}\n");
            for (List<String> command :
                    Stream.concat(SHOWING.stream(), FORMATTING.stream()).toList()) {
                Run run = assertNoLeak(spec, command, 1);
                assertThat(run.out() + run.err())
                        .as("%s: %s", token, command)
                        .containsAnyOf("error", "\"severity\": \"major\"") // GitLab's word for it
                        .doesNotContain(TOKEN.substring(0, 12));
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
            Map<String, Path> paths = batch(text);
            for (List<String> command : Stream.of(SHOWING, FORMATTING, BATCHES)
                    .flatMap(List::stream)
                    .toList()) {
                Run run = assertNoLeak(paths, command, 1);
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
        Path spec = Files.writeString(
                Files.createDirectories(dir.resolve("project")).resolve("broken.netspec"),
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
        Path spec = Files.writeString(
                Files.createDirectories(dir.resolve("project")).resolve("word.netspec"), text.replace("TOKEN", token));
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
        for (List<String> command : List.of(
                List.of("check", "--format", "json", "SPEC"),
                List.of("check", "--format", "sarif", "SPEC"),
                List.of("check", "--format", "github", "SPEC"))) {
            assertThat(assertNoLeak(spec, command, 1).out())
                    .as("%s", command)
                    .contains("`backnd`")
                    .doesNotContain("********");
        }
    }

    /**
     * From the environment, which only a process of its own can be given: the richest example
     * (the other sources cover every example in-process, and the token travels the same way
     * once read). An unset variable is an error of `compile`, which needs the value, that names it
     * (the other commands do not need it: LintWithoutSecretsTest).
     */
    @Test
    void aTokenFromTheEnvironmentShowsOnlyInTheNodeFiles() throws IOException {
        Path spec = copy(Examples.DIR.resolve("edge-site.netspec"), text -> text);
        NetcProcess.Result run = NetcProcess.run(
                dir,
                Map.of("CLUSTER_TOKEN", TOKEN),
                List.of(),
                "compile",
                spec.toString(),
                "-o",
                dir.resolve("out").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("out/nodes/cp-1.yaml")).content().contains(TOKEN);
        assertNoLeak(new Run(run.exit(), run.out(), run.err()), dir.resolve("out"));
        NetcProcess.Result missing =
                NetcProcess.run(dir, Map.of("CLUSTER_TOKEN", ""), List.of(), "compile", spec.toString(), "-o", "out2");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.err()).contains("error[NS2014]").contains("`CLUSTER_TOKEN`");
    }

    /**
     * `netc query` cites the statements behind its answer without their comments: the token
     * pasted into one does not show, nor anything else a comment may hold.
     */
    @Test
    void queryCitesTheStatementsBehindItsAnswerWithoutTheirComments() throws IOException {
        Path spec = Files.writeString(
                Files.createDirectories(dir.resolve("project")).resolve("query.netspec"), """
                cluster {
                  token "TOKEN"
                  server 10.0.1.10
                  node cp-1 { role init }
                }
                namespace app {
                  isolate /* TOKEN */ ingress
                  tier frontend { pods tier=frontend; port http 80/tcp }
                  tier backend  { pods tier=backend;  port api 8080/tcp }
                  allow frontend /* TOKEN */ ->  backend:api
                  allow {backend, // TOKEN
                         frontend} -> frontend:http
                }
                """.replace("TOKEN", TOKEN));
        assertThat(assertNoLeak(spec, List.of("query", "SPEC", "app.frontend -> app.backend:api"), 0)
                        .out())
                .contains("query.netspec:7: isolate ingress\n")
                .contains("query.netspec:10: allow frontend ->  backend:api\n");
        assertThat(assertNoLeak(spec, List.of("query", "SPEC", "app.backend -> app.frontend:http"), 0)
                        .out())
                .contains("query.netspec:11: allow {backend, ...\n");
    }

    /**
     * Each site of a batch is masked as a single compile masks it: the literal token on the line
     * of its warning (NS2015), and the token pasted into the comment of a line that an error
     * shows, whether the sites have errors or not.
     */
    @Test
    void aLiteralTokenIsMaskedInTheDiagnosticsOfEverySiteOfABatch() throws IOException {
        String literal = edgeSite().replace("env(\"CLUSTER_TOKEN\")", "\"" + TOKEN + "\" // " + TOKEN);
        for (String spec : List.of(literal, literal + "\nnamespace Not_A_Name { isolate } // " + TOKEN + "\n")) {
            boolean failing = spec.contains("Not_A_Name");
            Map<String, Path> paths = batch(spec);
            for (List<String> command : BATCHES) {
                String err = assertNoLeak(paths, command, failing ? 1 : 0).err();
                assertThat(err)
                        .as("%s", command)
                        .contains("warning[NS2015]")
                        .contains("\"********\" // ********")
                        .doesNotContain(TOKEN.substring(0, 12));
                if (failing) {
                    assertThat(err).as("%s", command).contains("namespace Not_A_Name { isolate } // ********");
                }
            }
        }
    }

    /** A fleet whose template does not parse compiles no site, and its errors hide the token too. */
    @Test
    void aLiteralTokenIsMaskedInTheErrorsOfATemplateThatDoesNotParse() throws IOException {
        Map<String, Path> paths = batch(edgeSite().replace("env(\"CLUSTER_TOKEN\")", "\"" + TOKEN + "\" @"));
        for (List<String> command : BATCHES) {
            String err = assertNoLeak(paths, command, 1).err();
            assertThat(err)
                    .as("%s", command)
                    .contains("error[NS0005]")
                    .contains("\"********\" @")
                    .doesNotContain(TOKEN.substring(0, 12));
        }
    }

    /**
     * From the environment, in processes of their own: the token pasted into the comment of the
     * line that every site's warning (NS4017) shows.
     */
    @Test
    void aTokenFromTheEnvironmentIsMaskedInTheDiagnosticsOfEverySiteOfABatch() throws IOException {
        Map<String, Path> paths = batch(edgeSite().replace("// deprecated from Kubernetes 1.35", "// " + TOKEN));
        for (List<String> command : BATCHES) {
            NetcProcess.Result run = NetcProcess.run(
                    dir,
                    Map.of("CLUSTER_TOKEN", TOKEN),
                    List.of(),
                    arguments(paths, command).toArray(String[]::new));
            assertThat(run.exit()).as("%s: %s", command, run.err()).isZero();
            assertThat(run.err())
                    .as("%s", command)
                    .contains("warning[NS4017]")
                    .contains("// ******** // warning: NS4017")
                    .doesNotContain(TOKEN.substring(0, 12));
            assertNoLeak(new Run(run.exit(), run.out(), run.err()), dir.resolve("out"));
            assertThat(dir.resolve(
                            command.contains("--batch")
                                    ? "out/store-3/nodes/cp-1.yaml"
                                    : "out/store-1/nodes/cp-1.yaml"))
                    .content()
                    .contains(TOKEN);
        }
    }

    private static String edgeSite() throws IOException {
        return Files.readString(Examples.DIR.resolve("edge-site.netspec"));
    }

    /**
     * The spec as a template with a sites file of two sites, and as a folder of two sites (a
     * file, and a folder holding the file); their placeholders in {@link #BATCHES}.
     */
    private Map<String, Path> batch(String spec) throws IOException {
        return batch(spec.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Path> batch(byte[] spec) throws IOException {
        Path project = Files.createDirectories(dir.resolve("project"));
        Path template = Files.write(project.resolve("edge-site.netspec"), spec);
        Path sites = Files.writeString(project.resolve("fleet.sites"), "name, site\nstore-1, 1\nstore-2, 2\n");
        Path folder = Files.createDirectories(project.resolve("sites/store-4"));
        Files.write(folder.resolve("edge-site.netspec"), spec);
        Files.write(folder.resolveSibling("store-3.netspec"), spec);
        return Map.of("SPEC", template, "SITES", sites, "FOLDER", folder.getParent());
    }

    private record Run(int exit, String out, String err) {}

    /** A test of one kind per example that has a cluster, and so a token. */
    private Stream<DynamicTest> perExample(String kind, ThrowingConsumer test) {
        return Examples.all().stream()
                .filter(SecretsTest::hasCluster)
                .map(example -> DynamicTest.dynamicTest(kind + ": " + name(example), () -> {
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
        return assertNoLeak(Map.of("SPEC", spec), command, expectedExit);
    }

    /** @param paths what each placeholder of {@code command} stands for; `OUT` is the output folder */
    private Run assertNoLeak(Map<String, Path> paths, List<String> command, int expectedExit) throws IOException {
        Path out = dir.resolve("out");
        List<String> args = arguments(paths, command);
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        int exit = Netc.run(args.toArray(String[]::new), new PrintWriter(stdout, true), new PrintWriter(stderr, true));
        Run run = new Run(exit, stdout.toString(), stderr.toString());
        if (List.of("check", "compile", "fmt").contains(command.get(0))) {
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
                if (file.startsWith(out)
                        && file.getParent().getFileName().toString().equals("nodes")) { // a site's, in a batch
                    assertThat(Files.getPosixFilePermissions(file))
                            .as("%s", file)
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                } else {
                    assertThat(content).as("%s", file).doesNotContain(TOKEN);
                }
            }
        }
    }

    /** The command line, with each placeholder replaced by its path. */
    private List<String> arguments(Map<String, Path> paths, List<String> command) {
        Map<String, Path> all = new HashMap<>(paths);
        all.put("OUT", dir.resolve("out"));
        return command.stream()
                .map(arg -> all.containsKey(arg) ? all.get(arg).toString() : arg)
                .toList();
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
