package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code netc import} from the command line: where the spec and the verdict go, and the exit codes. */
class ImportCommandTest extends CommandLineFixture {
    private static final String POLICIES = """
            apiVersion: v1
            kind: Namespace
            metadata: {name: shop, labels: {team: shop}}
            ---
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata: {name: web, namespace: shop}
            spec:
              podSelector: {matchLabels: {app: web}}
              ingress:
              - from: [{podSelector: {matchLabels: {app: api}}}]
                ports: [{port: 8080}]
            """;

    @Test
    void aFolderIsImportedIntoTheFileAndProvedEquivalent() throws Exception {
        spec("policies/shop.yaml", POLICIES);
        spec("policies/notes.txt", "not YAML, not read");
        Path output = dir.resolve("shop.netspec");

        assertThat(netc("import", dir.resolve("policies").toString(), "-o", output.toString()))
                .isEqualTo(Netc.OK);

        assertThat(out.toString()).startsWith("equivalent: 1 policies, ");
        assertThat(err.toString()).isEmpty();
        String spec = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(spec)
                .contains("namespace shop {", "labels team=shop", "tier web { pods app=web; isolate ingress }")
                .contains("allow ingress api -> web:8080/tcp");
        // the file is a spec netc takes as it is
        assertThat(netc("fmt", "--check", output.toString())).isEqualTo(Netc.OK);
        assertThat(netc("check", output.toString())).isEqualTo(Netc.OK);
    }

    @Test
    void withoutAnOutputFileTheSpecGoesToStandardOutputAndTheVerdictToStandardError() throws Exception {
        Path yaml = spec("shop.yaml", POLICIES);

        assertThat(netc("import", yaml.toString())).isEqualTo(Netc.OK);

        assertThat(out.toString()).startsWith("// Imported by `netc import`").contains("namespace shop {");
        assertThat(err.toString()).startsWith("equivalent: ");
    }

    @Test
    void badInputIsADiagnosticWithFileAndLineAndExitsWithOne() throws Exception {
        Path yaml = spec("broken.yaml", POLICIES + "---\nkind: NetworkPolicy\nkind: Namespace\n");

        assertThat(netc(
                        "import",
                        yaml.toString(),
                        "-o",
                        dir.resolve("out.netspec").toString()))
                .isEqualTo(ImportCommand.DIFFERENT);

        assertThat(err.toString())
                .contains("error[NS1050]: cannot read ")
                .contains("broken.yaml:15:1")
                .contains("found duplicate key kind")
                .doesNotContain("Exception");
        assertThat(out.toString()).startsWith("equivalent, for what could be read: 1 policies");
    }

    @Test
    void aMissingInputIsReported() {
        assertThat(netc("import", dir.resolve("nowhere.yaml").toString())).isEqualTo(ImportCommand.DIFFERENT);
        assertThat(err.toString()).contains("NS0020").contains("no such file or folder");
    }
}
