package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** {@code netc fmt}: printing, -w, --check, --diff, standard input, and files with syntax errors. */
class FmtCommandTest extends CommandLineFixture {
    private static final String MESSY = "network lan{cidr 10.0.1.0/24;mtu 1500}\n";
    private static final String TIDY = "network lan { cidr 10.0.1.0/24; mtu 1500 }\n";
    private static final String BROKEN = "network lan { cidr 10.0.1.0/24\n";

    @Test
    void printsTheFormattedTextAndLeavesTheFileAlone() throws IOException {
        Path file = spec("a.netspec", MESSY);
        assertThat(netc("fmt", file.toString())).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(TIDY);
        assertThat(Files.readString(file)).isEqualTo(MESSY);
    }

    @Test
    void writeRewritesOnlyFilesThatChangeAndKeepsTheirMode() throws IOException {
        Path messy = spec("a.netspec", MESSY);
        Files.setPosixFilePermissions(messy, PosixFilePermissions.fromString("rw-r-----"));
        Path tidy = spec("b.netspec", TIDY);
        Files.setLastModifiedTime(tidy, java.nio.file.attribute.FileTime.fromMillis(0));
        assertThat(netc("fmt", "-w", dir.toString())).isEqualTo(0);
        assertThat(Files.readString(messy)).isEqualTo(TIDY);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(messy)))
                .isEqualTo("rw-r-----");
        assertThat(Files.getLastModifiedTime(tidy).toMillis())
                .as("an unchanged file is not rewritten")
                .isZero();
        assertThat(out.toString().lines()).as("the files changed are named").containsExactly(messy.toString());
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("a.netspec", "b.netspec");
        }
    }

    @Test
    void writeThroughASymbolicLinkKeepsTheLink() throws IOException {
        Path target = spec("real/a.netspec", MESSY);
        Path link = Files.createSymbolicLink(dir.resolve("link.netspec"), target);
        assertThat(netc("fmt", "-w", link.toString())).isEqualTo(0);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(target)).isEqualTo(TIDY);
    }

    @Test
    void checkListsFilesThatWouldChangeAndExitsThree() throws IOException {
        Path messy = spec("sub/a.netspec", MESSY);
        spec("b.netspec", TIDY);
        assertThat(netc("fmt", "--check", dir.toString())).isEqualTo(Netc.STALE);
        assertThat(out.toString().lines()).containsExactly(messy.toString());
        assertThat(Files.readString(messy)).isEqualTo(MESSY);
    }

    @Test
    void checkOfFormattedFilesExitsZero() throws IOException {
        assertThat(netc("fmt", "--check", spec("b.netspec", TIDY).toString())).isEqualTo(0);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aFileWithSyntaxErrorsIsReportedAndLeftUntouched() throws IOException {
        Path broken = spec("broken.netspec", BROKEN);
        Path messy = spec("messy.netspec", MESSY);
        assertThat(netc("fmt", "-w", broken.toString(), messy.toString())).isEqualTo(Netc.INPUT_ERRORS);
        assertThat(Files.readString(broken)).isEqualTo(BROKEN);
        assertThat(Files.readString(messy))
                .as("other files are still formatted")
                .isEqualTo(TIDY);
        assertThat(err.toString())
                .contains("error[NS0007]")
                .contains("broken.netspec:2:1")
                .doesNotContain("Exception");
    }

    @Test
    void dashReadsStandardInputAndWritesStandardOutput() {
        assertThat(fmtStdin(MESSY, "fmt", "-")).isEqualTo(0);
        assertThat(out.toString()).isEqualTo(TIDY);
        assertThat(fmtStdin(MESSY, "fmt", "--check", "-")).isEqualTo(Netc.STALE);
        assertThat(out.toString()).endsWith("<stdin>\n");
    }

    @Test
    void usageErrors() throws IOException {
        assertThat(fmtStdin(MESSY, "fmt", "-w", "-")).isEqualTo(Netc.USAGE);
        assertThat(netc("fmt", "-w", "--check", spec("a.netspec", MESSY).toString()))
                .isEqualTo(Netc.USAGE);
        assertThat(netc("fmt")).isEqualTo(Netc.USAGE);
    }

    @Test
    void diffShowsWhatFormattingChangesAsAUnifiedDiff() throws IOException {
        Path messy = spec("a.netspec", "// a site\n" + MESSY);
        Path tidy = spec("b.netspec", TIDY);
        assertThat(netc("fmt", "--diff", messy.toString(), tidy.toString())).isZero();
        assertThat(out.toString())
                .isEqualTo("--- a/" + messy + "\n+++ b/" + messy + "\n@@ -1,2 +1,2 @@\n // a site\n-" + MESSY + "+"
                        + TIDY);
        assertThat(Files.readString(messy)).as("--diff alone changes nothing").isEqualTo("// a site\n" + MESSY);

        out.getBuffer().setLength(0);
        assertThat(netc("fmt", "--check", "--diff", messy.toString(), tidy.toString()))
                .isEqualTo(Netc.STALE);
        assertThat(out.toString()).startsWith("--- a/" + messy).doesNotContain(tidy.toString());

        out.getBuffer().setLength(0);
        assertThat(netc("fmt", "-w", "--diff", messy.toString())).isZero();
        assertThat(out.toString()).startsWith("--- a/" + messy);
        assertThat(Files.readString(messy)).isEqualTo("// a site\n" + TIDY);
    }

    @Test
    void aMissingPathIsAnInputError() {
        assertThat(netc("fmt", dir.resolve("nothing.netspec").toString())).isEqualTo(Netc.INPUT_ERRORS);
        assertThat(err.toString())
                .contains("error[NS0020]: `" + dir.resolve("nothing.netspec") + "`: no such file or folder");
    }

    private int fmtStdin(String input, String... args) {
        InputStream saved = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return netc(args);
        } finally {
            System.setIn(saved);
        }
    }
}
