package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.compile.InMemorySpec;
import dev.netc.emit.OutputFile;
import dev.netc.examples.Examples;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * WireGuard's pre-shared key ({@code psk} in a {@code canal} or {@code flannel} block) reaches
 * flannel in the form each chart prints it, is a secret like the token (shown nowhere, in files
 * of mode 0600 only), and is needed only by the command that writes those files.
 */
class PresharedKeyTest {
    /** 32 bytes in standard base64, as `wg genpsk` prints a key. */
    private static final String KEY = "yAnz5TF+lXXJte14tji3zlMNq+hd2rYUIgJBgB3fBmk=";

    private static final Load YAML = new Load(LoadSettings.builder().build());

    @TempDir
    Path dir;

    /**
     * rke2-canal prints flannel.psk raw into net-conf.json (rke2-canal-values.tsv): the value holds
     * its own JSON quotes, so that the JSON flannel reads has exactly the key.
     */
    @Test
    void canalGetsTheKeyInTheJsonQuotesItsChartDoesNotAdd() {
        OutputFile config = chartConfig("canal { on data; backend wireguard; psk env(\"WG_PSK\") }", "rke2-canal");

        Object psk = flannelValues(config).get("psk");
        assertThat(psk).isEqualTo('"' + KEY + '"');
        String netConf = "{\"Backend\": {\"Type\": \"wireguard\", \"PSK\": " + psk + "}}";
        assertThat(YAML.loadFromString(netConf)) // JSON is YAML: what flanneld's json.Unmarshal gets
                .isEqualTo(Map.of("Backend", Map.of("Type", "wireguard", "PSK", KEY)));
        assertThat(config.secret()).isTrue();
    }

    /** rke2-flannel quotes the value itself (cni-chart-values.tsv): the plain key. */
    @Test
    void flannelGetsThePlainKey() {
        OutputFile config =
                chartConfig("cni flannel; flannel { on data; backend wireguard; psk env(\"WG_PSK\") }", "rke2-flannel");

        assertThat(flannelValues(config)).containsEntry("psk", KEY);
        assertThat(config.secret()).isTrue();
    }

    @Test
    void chartsWithoutAKeyStayPublic() {
        assertThat(chartConfig("canal { on data; backend wireguard }", "rke2-canal")
                        .secret())
                .isFalse();
    }

    /**
     * From a file (`wg genpsk > wg.psk` ends it with a newline), through every command that shows
     * or writes something: the key is in the servers' node files and the chart's manifest, both
     * 0600, and nowhere else, even pasted into a comment of a line a warning shows.
     */
    @Test
    void theKeyShowsOnlyInTheFilesThatCarryIt() throws IOException {
        Path spec = edgeSiteWithKey();
        Files.writeString(spec.resolveSibling("wg.psk"), KEY + "\n");
        for (List<String> command : List.of(
                List.of("check", spec.toString()),
                List.of("check", "--format", "sarif", spec.toString()),
                List.of("compile", spec.toString(), "-o", dir.resolve("out").toString()),
                List.of("graph", spec.toString()),
                List.of("diff", spec.toString(), spec.toString()))) {
            Run run = run(command);
            assertThat(run.exit()).as("%s: %s", command, run.err()).isZero();
            assertThat(run.out() + run.err()).as("%s", command).doesNotContain(KEY);
            if (command.equals(List.of("check", spec.toString()))) {
                assertThat(run.err()).contains("warning[NS4017]").contains("// ********");
            }
        }
        Path manifest = dir.resolve("out/manifests/rke2-canal-config.yaml");
        assertThat(manifest).content().contains(KEY);
        try (Stream<Path> files = Files.walk(dir.resolve("out"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = Files.readString(file, StandardCharsets.UTF_8);
                boolean carries = file.equals(manifest)
                        || file.getParent().getFileName().toString().equals("nodes");
                if (carries) {
                    assertThat(Files.getPosixFilePermissions(file))
                            .as("%s", file)
                            .isEqualTo(PosixFilePermissions.fromString("rw-------"));
                } else {
                    assertThat(content).as("%s", file).doesNotContain(KEY);
                }
            }
        }
        assertThat(dir.resolve("out/nodes/cp-1.yaml")).content().contains(KEY);
        assertThat(dir.resolve("out/nodes/edge-1.yaml")).content().doesNotContain(KEY); // agents apply no manifest
    }

    /** Only writing the files needs the key: a pull request from a fork, without secrets, is checked. */
    @Test
    void onlyCompileNeedsTheKeyFile() throws IOException {
        Path spec = edgeSiteWithKey();

        assertThat(run(List.of("check", spec.toString())).exit()).isZero();
        Run compile =
                run(List.of("compile", spec.toString(), "-o", dir.resolve("out").toString()));
        assertThat(compile.exit()).isEqualTo(1);
        assertThat(compile.err()).contains("error[NS2014]: cannot read the WireGuard pre-shared key: no file `");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private Path edgeSiteWithKey() throws IOException {
        String text = Files.readString(Examples.DIR.resolve("edge-site.netspec"))
                .replace("env(\"CLUSTER_TOKEN\")", "file(\"token.txt\")")
                .replace(
                        "canal { on data; backend vxlan }",
                        "canal { on data; backend wireguard; psk file(\"wg.psk\") }")
                .replace("// deprecated from Kubernetes 1.35", "// " + KEY);
        assertThat(text).contains("psk file").contains("// " + KEY);
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("token.txt"), "K10token\n");
        return Files.writeString(project.resolve("edge-site.netspec"), text);
    }

    private static OutputFile chartConfig(String clusterBody, String chart) {
        Compiler.Result result = InMemorySpec.compile(
                "network data { cidr 192.168.1.0/24; mtu 1500 }\n"
                        + "cluster { token env(\"T\"); " + clusterBody + "\n"
                        + "  node cp { role init; interface eth0 192.168.1.10 on data } }\n",
                Map.of("T", "token", "WG_PSK", KEY));
        assertThat(result.diagnostics()).noneMatch(d -> d.isError());
        return result.files().stream()
                .filter(f -> f.path().equals("manifests/" + chart + "-config.yaml"))
                .findFirst()
                .orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> flannelValues(OutputFile config) {
        Map<String, Object> object = (Map<String, Object>) YAML.loadFromString(config.content());
        String valuesContent = (String) ((Map<String, Object>) object.get("spec")).get("valuesContent");
        return (Map<String, Object>) ((Map<String, Object>) YAML.loadFromString(valuesContent)).get("flannel");
    }

    private record Run(int exit, String out, String err) {}

    private static Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Netc.run(args.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
