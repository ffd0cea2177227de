package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the commands that compile take and say: standard input, inputs that are not there or
 * hold nothing, option values, the closing counts and hint, {@code --deny-warnings} and the
 * warnings accepted in the source.
 */
class InputsTest extends CommandLineFixture {
    private static final String CLEAN = "namespace app { isolate ingress }\n";
    private static final String ONE_ERROR = "namespace app {\n  allow app -> web:http\n}\n";
    /** A spec whose only diagnostic is a warning (NS2015, a token in the source). */
    private static final String ONE_WARNING = """
            network lan { cidr 10.0.1.0/24 }
            cluster edge {
              token "lab-token"
              node cp-1 { role init; interface eth0 10.0.1.10 on lan }
            }
            """;

    @Test
    void aDashReadsTheSpecFromStandardInput() throws Exception {
        assertThat(withStandardInput(CLEAN, "check", "-").exit()).isZero();
        NetcProcess.Result broken = withStandardInput(ONE_ERROR, "check", "-");
        assertThat(broken.exit()).isEqualTo(1);
        assertThat(broken.err()).contains("--> <stdin>:2:").contains("in 1 file");
        NetcProcess.Result sarif = withStandardInput(ONE_ERROR, "check", "--format", "sarif", "-");
        assertThat(sarif.out()).contains("\"uri\": \"%3Cstdin%3E\"");
    }

    @Test
    void aMissingInputSaysNoSuchFile() {
        assertThat(netc("check", dir.resolve("nothing.netspec").toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("error[NS0020]: `" + dir.resolve("nothing.netspec") + "`: no such file or folder")
                .doesNotContain("module");
    }

    @Test
    void aPatternTheShellFoundNothingForSaysSo() {
        assertThat(netc("check", dir + "/*.netspec")).isEqualTo(1);
        assertThat(err.toString())
                .contains("no such file or folder")
                .contains("the shell found no file for the pattern");
    }

    @Test
    void aFolderWithoutSpecsIsAnErrorAndCompileWritesNothing() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("specs"));
        Files.writeString(empty.resolve("README.md"), "not a spec\n");
        assertThat(netc("check", empty.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error[NS0020]").contains("the folder holds no .netspec file");
        assertThat(netc("compile", empty.toString(), "-o", dir.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(netc("fmt", "--check", empty.toString())).isEqualTo(1);
    }

    @Test
    void anUnknownColorIsAUsageError() throws IOException {
        assertThat(netc(
                        "check",
                        "--color",
                        "sometimes",
                        spec("a.netspec", CLEAN).toString()))
                .isEqualTo(Netc.USAGE);
        assertThat(err.toString()).contains("sometimes").contains("auto, always or never");
    }

    @Test
    void theCountsAreOfTheFilesReadInWordsThatAgree() throws IOException {
        spec("specs/a.netspec", ONE_ERROR);
        spec("specs/b.netspec", "namespace other { isolate ingress }\n");
        assertThat(netc("check", dir.resolve("specs").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error: aborting because of 1 error, 0 warnings in 2 files\n");
        err.getBuffer().setLength(0);
        assertThat(netc(
                        "check",
                        "--format",
                        "github",
                        dir.resolve("specs/a.netspec").toString()))
                .isEqualTo(1);
        assertThat(out.toString()).endsWith("netc: 1 error, 0 warnings in 1 file\n");
    }

    /** As rustc ends: which codes have an explanation, and how to read one. */
    @Test
    void aFailedRunEndsWithTheCommandThatExplainsItsErrors() throws IOException {
        assertThat(netc("check", spec("a.netspec", ONE_ERROR).toString())).isEqualTo(1);
        assertThat(err.toString()).endsWith("For more information about this error, try `netc explain NS1001`.\n");
        err.getBuffer().setLength(0);
        netc(
                "check",
                spec("b.netspec", ONE_ERROR + "namespace Bad_Name { isolate }\n")
                        .toString());
        assertThat(err.toString())
                .endsWith("Some errors have detailed explanations: NS1001, NS2008.\n"
                        + "For more information about an error, try `netc explain NS1001`.\n");
        err.getBuffer().setLength(0);
        assertThat(netc("check", spec("c.netspec", ONE_WARNING).toString())).isZero();
        assertThat(err.toString())
                .contains("warning[NS2015]")
                .doesNotContain("aborting")
                .doesNotContain("explain");
    }

    @Test
    void denyWarningsFailsOnAWarningAndCompileThenWritesNothing() throws IOException {
        Path spec = spec("a.netspec", ONE_WARNING);
        assertThat(netc("check", "--deny-warnings", spec.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("error: aborting because of 0 errors, 1 warning in 1 file (warnings are denied by"
                        + " --deny-warnings)")
                .contains("try `netc explain NS2015`");
        Path output = dir.resolve("out");
        assertThat(netc("compile", "--deny-warnings", spec.toString(), "-o", output.toString()))
                .isEqualTo(1);
        assertThat(output).doesNotExist();
        assertThat(netc("compile", spec.toString(), "-o", output.toString())).isZero();
        assertThat(output.resolve("nodes/cp-1.yaml")).exists();
    }

    /** A warning accepted where it is no longer fails the run; a stale acceptance is a warning of its own. */
    @Test
    void aWarningAcceptedInTheSourceDoesNotFailTheRun() throws IOException {
        Path spec = spec(
                "a.netspec",
                ONE_WARNING.replace("\"lab-token\"", "\"lab-token\" // netc:allow NS2015 a lab's throwaway token"));
        assertThat(netc("check", "--deny-warnings", spec.toString()))
                .as(err.toString())
                .isZero();
        assertThat(err.toString()).isEmpty();

        Path stale = spec(
                "b.netspec",
                ONE_WARNING.replace("\"lab-token\"", "env(\"T\") // netc:allow NS2015 a lab's throwaway token"));
        assertThat(netc("check", "--deny-warnings", stale.toString())).isEqualTo(1);
        assertThat(err.toString())
                .contains("warning[NS0021]: `netc:allow` comment allows nothing: no warning NS2015 starts on line 3");
    }

    private NetcProcess.Result withStandardInput(String text, String... args) throws Exception {
        Process process = NetcProcess.start(dir, Map.of(), List.of(), args);
        try (OutputStream in = process.getOutputStream()) {
            in.write(text.getBytes(StandardCharsets.UTF_8));
        }
        String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new NetcProcess.Result(process.exitValue(), stdout, stderr);
    }
}
