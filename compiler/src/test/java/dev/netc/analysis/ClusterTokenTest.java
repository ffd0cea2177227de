package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.OutputFile;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cluster token as it reaches every node: read bounded, from regular files only, trimmed of
 * the white space k3s would trim when it reads it back (and said so), refused when what is left
 * cannot be a token. No diagnostic shows it.
 */
class ClusterTokenTest {
    @TempDir
    Path dir;

    private static String spec(String token) {
        return """
                network lan { cidr 10.0.1.0/24 }
                cluster c {
                  token %s
                  node cp-1 { role init; interface eth0 10.0.1.10 on lan }
                }
                """.formatted(token);
    }

    private static Compiler.Result fromEnv(String value) {
        return InMemorySpec.compile(spec("env(\"T\")"), Map.of("T", value));
    }

    private Compiler.Result fromFile(Path file) {
        return InMemorySpec.compile(spec("file(\"" + file.toAbsolutePath() + "\")"), Map.of());
    }

    private Compiler.Result fromFile(String content) throws IOException {
        return fromFile(Files.writeString(dir.resolve("token.txt"), content, StandardCharsets.UTF_8));
    }

    private static List<String> codes(Compiler.Result result) {
        return result.diagnostics().stream().map(d -> d.code().name()).toList();
    }

    private static String message(Compiler.Result result) {
        return result.diagnostics().stream().map(Diagnostic::message).reduce("", String::concat);
    }

    private static String nodeFile(Compiler.Result result) {
        return result.files().stream()
                .filter(f -> f.path().equals("nodes/cp-1.yaml"))
                .map(OutputFile::content)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aTokenOfWhiteSpaceOnlyIsRefused() throws IOException {
        assertThat(codes(fromEnv("   "))).containsExactly("NS2014");
        assertThat(message(fromEnv(" \t "))).contains("is only white space");
        assertThat(codes(fromFile("\n\n"))).containsExactly("NS2014");
    }

    @Test
    void aLineBreakOrControlCharacterInsideIsRefusedWithoutShowingTheToken() throws IOException {
        Compiler.Result twoLines = fromEnv("K10first\nK10second");
        assertThat(codes(twoLines)).containsExactly("NS2014");
        assertThat(message(twoLines)).contains("U+000A").doesNotContain("K10first");
        assertThat(codes(fromEnv("K10ab\u007fcd"))).containsExactly("NS2014");
        assertThat(codes(fromEnv("K10ab\u2028cd"))).containsExactly("NS2014");
        assertThat(codes(fromEnv("K10 ab"))).containsExactly("NS2014");
        assertThat(message(fromFile("K10one\nK10two\n"))).contains("the file holds more than a token");
    }

    /** k3s reads a token back from <data-dir>/token trimmed: netc writes it trimmed, and says so. */
    @Test
    void whiteSpaceAtTheEndsIsTrimmedAndReported() throws IOException {
        Compiler.Result trailing = fromEnv("K10token\n");
        assertThat(codes(trailing)).containsExactly("NS2030");
        assertThat(trailing.diagnostics().get(0).message()).contains("U+000A").doesNotContain("K10token");
        assertThat(nodeFile(trailing)).contains("cluster_token: \"K10token\"\n");

        Compiler.Result padded = fromFile("  K10token \n");
        assertThat(codes(padded)).containsExactly("NS2030");
        assertThat(nodeFile(padded)).contains("cluster_token: \"K10token\"\n");
    }

    /** A file's one final line end, LF or CRLF, is how files end: removed without a word. */
    @Test
    void aFilesFinalLineEndGoesWithoutSaying() throws IOException {
        for (String content : List.of("K10token\n", "K10token\r\n", "K10token")) {
            Compiler.Result result = fromFile(content);
            assertThat(result.diagnostics()).as(content).isEmpty();
            assertThat(nodeFile(result)).contains("cluster_token: \"K10token\"\n");
        }
    }

    @Test
    void aFileLargerThanATokenIsRefusedUnread() throws IOException {
        Path huge = dir.resolve("huge.txt");
        try (RandomAccessFile file = new RandomAccessFile(huge.toFile(), "rw")) {
            file.setLength(15L * 1024 * 1024);
        }
        Compiler.Result result = fromFile(huge);
        assertThat(codes(result)).containsExactly("NS2014");
        assertThat(message(result)).contains("more than 65536 bytes");
    }

    @Test
    void onlyRegularFilesAreRead() {
        assertThat(message(fromFile(dir))).contains("is not a regular file");
        Path zero = Path.of("/dev/zero");
        assumeTrue(Files.exists(zero));
        assertThat(codes(fromFile(zero))).containsExactly("NS2014");
        assertThat(message(fromFile(zero))).contains("is not a regular file");
    }

    /** /proc files claim a size of 0 and hold far more than a token: the environment of the CI job here. */
    @Test
    void theProcessEnvironmentIsNoToken() {
        Path environ = Path.of("/proc/self/environ");
        assumeTrue(Files.isReadable(environ));
        Compiler.Result result = fromFile(environ);
        assertThat(codes(result)).containsExactly("NS2014");
        assertThat(result.files()).isEmpty();
    }

    @Test
    void aTokenWithATemplateIsRefusedAtTheToken() {
        Compiler.Result result = fromEnv("K10ab{{cd");
        assertThat(result.diagnostics()).singleElement().satisfies(d -> {
            assertThat(d.code()).isEqualTo(Code.NS4012);
            assertThat(d.primary()).isNotNull();
            assertThat(d.primary().text()).isEqualTo("env(\"T\")");
            assertThat(d.message() + d.notes()).doesNotContain("K10ab");
        });
    }
}
