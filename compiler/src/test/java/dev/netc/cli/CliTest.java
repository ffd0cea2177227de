package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

/** The command line: exit codes, atomic output, file modes, the output manifest. */
class CliTest extends CommandLineFixture {
    private static final String POLICY_ONLY = """
            namespace app {
              isolate ingress
              tier web { pods app=web; port http 80/tcp }
              allow app -> web:http
            }
            """;

    @Test
    void compileWritesTheOutputAndExitsZero() throws IOException {
        Path output = dir.resolve("out");
        assertThat(netc("compile", spec("a.netspec", POLICY_ONLY).toString(), "-o", output.toString()))
                .isEqualTo(0);
        assertThat(output.resolve("policies/app.yaml")).exists();
        assertThat(Files.readString(output.resolve(OutputWriter.MANIFEST))).isEqualTo("policies/app.yaml\n");
    }

    @Test
    void inputErrorsExitOneAndLeaveTheOutputFolderUntouched() throws IOException {
        Path output = dir.resolve("out");
        netc("compile", spec("a.netspec", POLICY_ONLY).toString(), "-o", output.toString());
        String before = Files.readString(output.resolve("policies/app.yaml"));
        Path broken =
                spec("a.netspec", POLICY_ONLY.replace("tier web", "tier web2").replace("port http", "port htp"));
        assertThat(netc("compile", broken.toString(), "-o", output.toString())).isEqualTo(1);
        assertThat(Files.readString(output.resolve("policies/app.yaml"))).isEqualTo(before);
        assertThat(err.toString())
                .contains("error[NS1001]")
                .contains("a.netspec:")
                .doesNotContain("Exception");
        try (var listing = Files.list(dir)) {
            assertThat(listing.map(p -> p.getFileName().toString())).noneMatch(n -> n.contains(".netc-staging-"));
        }
    }

    @Test
    void anOutputFolderThatCannotBeWrittenIsADiagnosticNotAStackTrace() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("out"), "a file");
        assertThat(netc("compile", spec("a.netspec", POLICY_ONLY).toString(), "-o", notAFolder.toString()))
                .isEqualTo(1);
        assertThat(err.toString())
                .contains("error[NS0012]: cannot write the output folder")
                .contains("already exists")
                .doesNotContain("Exception")
                .doesNotContain("\tat ");
        assertThat(notAFolder).hasContent("a file");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(netc("compile")).isEqualTo(2);
        assertThat(netc("frobnicate")).isEqualTo(2);
    }

    @Test
    void helpAndVersion() {
        assertThat(netc("--help")).isEqualTo(0);
        assertThat(out.toString()).contains("compile").contains("Exit codes");
        assertThat(netc("--version")).isEqualTo(0);
        assertThat(out.toString()).contains("netc 0.1.0");
    }

    @Test
    void filesTheLastRunWroteAreRemovedButForeignFilesAreKept() throws IOException {
        Path output = dir.resolve("out");
        Path spec = spec("a.netspec", POLICY_ONLY + "namespace shop { isolate egress }\n");
        netc("compile", spec.toString(), "-o", output.toString());
        assertThat(output.resolve("policies/shop.yaml")).exists();
        Files.writeString(output.resolve("README.txt"), "mine");
        spec("a.netspec", POLICY_ONLY);
        assertThat(netc("compile", spec.toString(), "-o", output.toString())).isEqualTo(0);
        assertThat(output.resolve("policies/shop.yaml")).doesNotExist();
        assertThat(output.resolve("README.txt")).hasContent("mine");
    }

    @Test
    void nodeFilesHoldingTheTokenAreOwnerOnly() throws IOException {
        Path output = dir.resolve("out");
        Path spec = spec("c.netspec", """
                network lan { cidr 10.0.1.0/24 }
                cluster c {
                  token file("token.txt")
                  node cp-1 { role init; interface eth0 10.0.1.10 on lan }
                }
                """);
        Files.writeString(dir.resolve("token.txt"), "K10-very-secret\n");
        assertThat(netc("compile", spec.toString(), "-o", output.toString())).isEqualTo(0);
        Path node = output.resolve("nodes/cp-1.yaml");
        assertThat(Files.getPosixFilePermissions(node)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(Files.readString(node)).contains("cluster_token: \"K10-very-secret\"");
        assertThat(err.toString() + out).doesNotContain("K10-very-secret");
    }
}
