package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.fuzz.SpecGenerator;
import dev.netc.fuzz.YamlOutput;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Malformed and hostile files through the command line. Each broken one exits 1 with
 * diagnostics that point into the file, never a stack trace, and the output folder stays as
 * it was; the awkward but valid ones ({@code ok-*}: BOM, CRLF, tabs, YAML keywords as names)
 * compile to YAML that reads back as the same strings. The corpus is in
 * {@code src/test/resources/hostile/}; files too large to commit are made here.
 */
class HostileInputTest {
    private static final Path CORPUS = Path.of("src", "test", "resources", "hostile");
    private static final String PREVIOUS_SPEC = "namespace kept { isolate }\n";

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    static Stream<Arguments> brokenFiles() throws IOException {
        try (Stream<Path> files = Files.list(CORPUS)) {
            return files
                    .filter(p -> !p.getFileName().toString().startsWith("ok-"))
                    .sorted()
                    .map(p -> Arguments.of(p.getFileName().toString()))
                    .toList()
                    .stream();
        }
    }

    @ParameterizedTest
    @MethodSource("brokenFiles")
    void aBrokenFileGivesLocatedDiagnosticsAndNoOutput(String name) throws IOException {
        expectRejected(Files.readAllBytes(CORPUS.resolve(name)));
    }

    @Test
    void tenThousandNestedBracketsAreRefusedAtTheLimit() throws IOException {
        Run run = expectRejected(("namespace app { tier web { pods app in " + "(".repeat(10_000) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        assertThat(run.err()).contains("error[NS0008]").contains("nesting deeper than 64 levels");
    }

    @Test
    void aOneMegabyteLineIsReportedNotEchoed() throws IOException {
        String value = "x".repeat(1 << 20);
        Run run =
                expectRejected(("namespace app { labels team=\"" + value + "\" }\n").getBytes(StandardCharsets.UTF_8));
        assertThat(run.err())
                .contains("error[NS2007]")
                .contains("(1048576 characters)")
                .hasSizeLessThan(2000);
    }

    @Test
    void randomBinaryIsNotText() throws IOException {
        byte[] bytes = new byte[64 * 1024];
        new Random(7).nextBytes(bytes);
        assertThat(expectRejected(bytes).err()).contains("error[NS0010]");
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.netspec");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(9L * 1024 * 1024); // sparse: the limit must be checked before reading
        }
        Run run = expectRejected(huge);
        assertThat(run.err()).contains("error[NS0008]").contains("9437184 bytes, more than the limit of 8388608");
    }

    @Test
    void pastAThousandErrorsTheRestAreLeftOutWithOneNote() throws IOException {
        StringBuilder spec = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            spec.append("network n").append(i).append(" { cidr 10.0.0.1/24 }\n"); // host bits set: one error a line
        }
        Run run = expectRejected(spec.toString().getBytes(StandardCharsets.UTF_8));
        assertThat(run.err().split("error\\[NS2003\\]", -1)).hasSize(1001);
        assertThat(run.err())
                .contains("note[NS0011]: too many errors: stopped after the first 1000")
                .contains("4000 more errors and warnings were left out");
    }

    /** Externals are worked out with a stack of their own: ten thousand, each naming the one before, do not overflow the thread's. */
    @Test
    void aChainOfTenThousandExternalsCompiles() throws IOException {
        StringBuilder spec = new StringBuilder("external e0 = 10.0.0.0/8\n");
        for (int i = 1; i < 10_000; i++) {
            spec.append("external e").append(i).append(" = e").append(i - 1).append('\n');
        }
        spec.append("namespace app { isolate egress; tier a { pods app=a }; allow a -> e9999:80/tcp }\n");
        Path out = dir.resolve("out");
        Run run = netc(
                "compile", Files.writeString(dir.resolve("chain.netspec"), spec).toString(), "-o", out.toString());
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(out.resolve("policies/app.yaml")).content().contains("cidr: 10.0.0.0/8");
    }

    /** Imports are followed with a stack of their own: a chain of five thousand files loads, and a cycle at its end is reported. */
    @Test
    void aChainOfFiveThousandImportsLoads() throws IOException {
        int files = 5_000;
        for (int i = 0; i < files; i++) {
            String next = i + 1 < files ? "import \"m" + (i + 1) + "\"\n" : "import \"m0\"\n";
            Files.writeString(dir.resolve("m" + i + ".netspec"), next + "network n" + i + " { cidr 10.0.0.0/24 }\n");
        }
        Run run = netc("check", dir.resolve("m0.netspec").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .containsPattern("error\\[NS1004\\]: import cycle: \\S*m0.netspec -> \\S*m1.netspec")
                .containsPattern("m4999.netspec:1:1")
                .doesNotContain("NS9001")
                .doesNotContain("\tat ");
    }

    @Test
    void fmtReadsFilesAsTheCompilerDoes() throws IOException {
        Path file =
                Files.write(dir.resolve("latin1.netspec"), Files.readAllBytes(CORPUS.resolve("invalid-utf8.netspec")));
        byte[] before = Files.readAllBytes(file);
        Run run = netc("fmt", "-w", file.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("error[NS0010]")
                .containsPattern("latin1.netspec:2:\\d+")
                .doesNotContain("NS1003");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void bomsCrlfAndTabsCompile() throws IOException {
        for (String name : List.of("ok-bom-crlf.netspec", "ok-tabs.netspec", "ok-bom-inside.netspec")) {
            Path out = dir.resolve(name + ".out");
            assertThat(netc("compile", CORPUS.resolve(name).toString(), "-o", out.toString())
                            .exit())
                    .as(name)
                    .isZero();
            assertThat(out.resolve("policies/app.yaml")).as(name).content().contains("name: app");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void yamlKeywordsAsNamesAndLabelsComeBackAsTheSameStrings() throws IOException {
        Path out = dir.resolve("out");
        assertThat(netc("compile", CORPUS.resolve("ok-yaml-keywords.netspec").toString(), "-o", out.toString())
                        .exit())
                .isZero();
        String yaml = Files.readString(out.resolve("policies/yes.yaml"));
        YamlOutput.check(new dev.netc.emit.OutputFile("policies/yes.yaml", yaml, false));
        List<Object> documents = (List<Object>) (List<?>) iterable(yaml);
        Map<String, Object> namespace = (Map<String, Object>) documents.get(0);
        Map<String, Object> metadata = (Map<String, Object>) namespace.get("metadata");
        assertThat(metadata.get("name")).isEqualTo("yes");
        assertThat((Map<String, Object>) metadata.get("labels"))
                .containsEntry("on", "off")
                .containsEntry("null", "null")
                .containsEntry("y", "0777")
                .containsEntry("n", "1_000")
                .containsEntry("true", "12.30")
                .containsEntry("no", "2001-01-01");
        assertThat(yaml).contains("name: \"yes\"").contains("\"on\": \"off\"").contains("\"y\": \"0777\"");
    }

    @Test
    @SuppressWarnings("unchecked")
    void rke2StringsThatAreHardToWriteInYamlComeBackUnchanged() throws IOException {
        Load load = new Load(LoadSettings.builder().build());
        for (String value : SpecGenerator.AWKWARD_STRINGS) {
            Path spec = etcdFolderSpec(value);
            Path out = dir.resolve("out");
            assertThat(netc("compile", spec.toString(), "-o", out.toString()).exit())
                    .as(value)
                    .isZero();
            String node = Files.readString(out.resolve("nodes/cp-1.yaml"));
            YamlOutput.check(new dev.netc.emit.OutputFile("nodes/cp-1.yaml", node, true));
            Map<String, Object> cluster =
                    (Map<String, Object>) ((Map<String, Object>) load.loadFromString(node)).get("cluster");
            Map<String, Object> config = (Map<String, Object>) load.loadFromString((String) cluster.get("config"));
            assertThat(config.get("etcd-s3-folder")).as(value).isEqualTo(value);
        }
    }

    /** A one-node cluster whose RKE2 config has {@code etcd-s3-folder}, a free-text key, set to the value. */
    private Path etcdFolderSpec(String value) throws IOException {
        return Files.writeString(dir.resolve("c.netspec"), """
                network lan { cidr 10.0.1.0/24 }
                cluster c {
                  token env("HOME")
                  node cp-1 { role init; interface eth0 10.0.1.10 on lan }
                  rke2 { etcd-s3-folder = %s }
                }
                """.formatted(SpecGenerator.quoted(value)));
    }

    /** A line break or a control character in a value would not reach RKE2 as written: refused where it is written. */
    @Test
    void rke2StringsWithControlCharactersAreRefused() throws IOException {
        for (String value : List.of("line\nbreak", "tab\there", "del\u007f", "nel\u0085", "ls\u2028")) {
            Path spec = etcdFolderSpec(value);
            Run run = netc("check", spec.toString());
            assertThat(run.exit()).as(value).isEqualTo(1);
            assertThat(run.err()).as(value).contains("error[NS2029]");
        }
    }

    private static List<?> iterable(String yaml) {
        List<Object> documents = new java.util.ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(yaml).forEach(documents::add);
        return documents;
    }

    private Run expectRejected(byte[] content) throws IOException {
        return expectRejected(Files.write(dir.resolve("hostile.netspec"), content));
    }

    /** Exit 1, located diagnostics, no stack trace, nothing on stdout, the previous output unchanged. */
    private Run expectRejected(Path spec) throws IOException {
        Path out = dir.resolve("out");
        Path previous = Files.writeString(dir.resolve("previous.netspec"), PREVIOUS_SPEC);
        assertThat(netc("compile", previous.toString(), "-o", out.toString()).exit())
                .isZero();
        Map<String, String> before = OutputTree.snapshot(dir);

        Run run = netc("compile", spec.toString(), "-o", out.toString());
        assertThat(run.exit()).as(run.err()).isEqualTo(1);
        assertThat(run.err())
                .containsPattern("--> [^\\s]+:\\d+:\\d+")
                .doesNotContain("\tat ")
                .doesNotContain("Exception")
                .doesNotContain("NS9001");
        assertThat(run.out()).isEmpty();
        assertThat(run.err().chars().filter(c -> c < 0x20 && c != '\n' || c == 0x7f || c >= 0x80 && c <= 0x9f))
                .as("control characters of the input on the terminal")
                .isEmpty();
        assertThat(OutputTree.snapshot(dir)).isEqualTo(before);

        Path fresh = dir.resolve("never-created");
        assertThat(netc("compile", spec.toString(), "-o", fresh.toString()).exit())
                .isEqualTo(1);
        assertThat(fresh).doesNotExist();
        return run;
    }

    private Run netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Netc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
