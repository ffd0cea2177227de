package dev.netc.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The CI integrations, run here without their platforms: the GitHub Action's steps by
 * {@link LocalActionRunner}, the pre-commit hooks' entries, the GitLab CI example's script.
 * Each runs the distribution's netc on a small repository, with a spec that is clean and one
 * that has an error.
 */
class ActionTest {
    private static final String CLEAN = """
            network lan { cidr 10.0.1.0/24 }
            cluster edge {
              token env("CLUSTER_TOKEN")
              node cp-1 { role init; interface eth0 10.0.1.10 on lan }
            }
            namespace app { isolate ingress }
            """;
    private static final String BROKEN = CLEAN.replace("isolate ingress", "allow app -> web:http");

    @TempDir
    Path dir;

    /** A clean spec in a sub-folder: checked without a token, findings uploaded, then compiled with it. */
    @Test
    void theActionChecksUploadsAndCompilesACleanSpec() throws IOException {
        Path workspace = repository("infra/site.netspec", CLEAN);
        LocalActionRunner runner = runner(workspace, Map.of("CLUSTER_TOKEN", "K10-action-test"));
        List<LocalActionRunner.Step> steps =
                runner.run(Map.of("working-directory", "infra", "paths", "site.netspec", "output", "out"));
        assertThat(runner.failed()).as("%s", steps).isFalse();
        assertThat(step(steps, "Install netc").out()).contains("installed netc " + Tools.VERSION);
        LocalActionRunner.Step upload = step(steps, "Upload the findings to code scanning");
        assertThat(upload.ran()).isTrue();
        assertThat(upload.uses()).startsWith("github/codeql-action/upload-sarif@");
        assertThat(JsonParser.parseString(Files.readString(Path.of(upload.with().get("sarif_file"))))
                        .getAsJsonObject()
                        .get("version")
                        .getAsString())
                .isEqualTo("2.1.0");
        assertThat(step(steps, "Fail on the findings").ran()).isFalse();
        assertThat(step(steps, "Compile").exit()).isZero();
        assertThat(workspace.resolve("infra/out/nodes/cp-1.yaml")).exists();
    }

    /**
     * A spec with an error, checked without a token as a fork's pull request is: annotations
     * name the file from the repository root, the SARIF is uploaded all the same, the job fails,
     * nothing is compiled.
     */
    @Test
    void theActionAnnotatesUploadsAndFailsOnAnError() throws IOException {
        Path workspace = repository("infra/site.netspec", BROKEN);
        LocalActionRunner runner = runner(workspace, Map.of());
        List<LocalActionRunner.Step> steps =
                runner.run(Map.of("working-directory", "infra", "paths", "site.netspec", "output", "out"));
        assertThat(runner.failed()).isTrue();
        LocalActionRunner.Step check = step(steps, "Check");
        assertThat(check.out()).contains("::error file=infra/site.netspec,line=6,");
        LocalActionRunner.Step upload = step(steps, "Upload the findings to code scanning");
        assertThat(upload.ran()).isTrue();
        assertThat(Files.readString(Path.of(upload.with().get("sarif_file"))))
                .contains("\"uri\": \"infra/site.netspec\"")
                .contains("\"ruleId\": \"NS1001\"");
        assertThat(step(steps, "Fail on the findings").exit()).isEqualTo(1);
        assertThat(step(steps, "Compile").ran()).isFalse();
        assertThat(workspace.resolve("infra/out")).doesNotExist();
    }

    /** The hooks' entries, as pre-commit runs them: `fmt` on the files given, `check` on its args. */
    @Test
    @SuppressWarnings("unchecked")
    void thePreCommitHooksRunTheirEntries() throws IOException {
        List<Map<String, Object>> hooks =
                (List<Map<String, Object>>) new Load(LoadSettings.builder().build())
                        .loadFromString(Files.readString(Tools.ROOT.resolve(".pre-commit-hooks.yaml")));
        Path workspace = repository("site.netspec", CLEAN.replace("cidr 10.0.1.0/24", "cidr   10.0.1.0/24 ;"));
        Map<String, Tools.Run> runs = new java.util.HashMap<>();
        for (Map<String, Object> hook : hooks) {
            assertThat(hook.get("language")).isEqualTo("system");
            StringBuilder command = new StringBuilder(String.valueOf(hook.get("entry")));
            ((List<String>) hook.getOrDefault("args", List.of()))
                    .forEach(a -> command.append(' ').append(a));
            if (!Boolean.FALSE.equals(hook.get("pass_filenames"))) {
                command.append(" site.netspec");
            }
            runs.put(
                    String.valueOf(hook.get("id")),
                    Tools.run(workspace, withNetcOnPath(), "", List.of("bash", "-c", command.toString())));
        }
        assertThat(runs.keySet()).containsExactlyInAnyOrder("netc-fmt", "netc-check");
        assertThat(runs.get("netc-fmt").exit())
                .as("a file to format fails the hook")
                .isEqualTo(3);
        assertThat(runs.get("netc-fmt").out()).contains("-network lan { cidr   10.0.1.0/24 ; }");
        assertThat(runs.get("netc-check").exit())
                .as(runs.get("netc-check").err())
                .isZero();
    }

    /** The GitLab job's script, line by line in one shell as the runner runs it, with the release archive in the project. */
    @Test
    @SuppressWarnings("unchecked")
    void theGitlabExampleWritesItsReportsAndFailsOnAnError() throws IOException {
        Map<String, Object> job = (Map<String, Object>)
                ((Map<String, Object>) new Load(LoadSettings.builder().build())
                                .loadFromString(Files.readString(Tools.ROOT.resolve("docs/ci/gitlab-ci.yml"))))
                        .get("netc");
        for (String spec : List.of(CLEAN, BROKEN)) {
            Path project = repository("specs/site.netspec", spec);
            Files.copy(
                    Path.of("target", "netc-" + Tools.VERSION + ".tar.gz").toAbsolutePath(),
                    project.resolve("netc-" + Tools.VERSION + ".tar.gz"));
            StringBuilder script = new StringBuilder("set -e\nSPECS=specs/\n");
            for (String key : List.of("before_script", "script")) {
                ((List<String>) job.get(key))
                        .forEach(line -> script.append(line).append('\n'));
            }
            Tools.Run run = Tools.run(
                    project,
                    Map.of("CI_PROJECT_DIR", project.toString(), "CLUSTER_TOKEN", "K10-gitlab-test"),
                    "",
                    List.of("bash", "-c", script.toString()));
            assertThat(run.exit()).as(run.err()).isEqualTo(spec == CLEAN ? 0 : 1);
            Map<String, Object> reports =
                    (Map<String, Object>) ((Map<String, Object>) job.get("artifacts")).get("reports");
            String quality = Files.readString(project.resolve(String.valueOf(reports.get("codequality"))));
            assertThat(JsonParser.parseString(quality).getAsJsonArray()).hasSize(spec == CLEAN ? 0 : 1);
            assertThat(Files.readString(project.resolve(String.valueOf(reports.get("junit")))))
                    .contains("<testsuites");
            assertThat(project.resolve("out/nodes/cp-1.yaml").toFile().exists()).isEqualTo(spec == CLEAN);
        }
    }

    private Path repository(String file, String spec) throws IOException {
        Path workspace = Files.createTempDirectory(dir, "repository");
        Path path = workspace.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, spec);
        return workspace;
    }

    private LocalActionRunner runner(Path workspace, Map<String, String> environment) throws IOException {
        return new LocalActionRunner(Tools.ROOT, workspace, Files.createTempDirectory(dir, "runner-temp"), environment);
    }

    private static Map<String, String> withNetcOnPath() {
        return Map.of("PATH", Tools.HOME.resolve("bin") + ":" + System.getenv("PATH"));
    }

    private static LocalActionRunner.Step step(List<LocalActionRunner.Step> steps, String name) {
        return steps.stream()
                .filter(s -> s.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no step `" + name + "`"));
    }
}
