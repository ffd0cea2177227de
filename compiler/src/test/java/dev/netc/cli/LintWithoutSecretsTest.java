package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.examples.Examples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A pull request from a fork has no secrets: every command but {@code compile} checks the
 * token's reference without its value, so the examples check with no token set. Each run is
 * a process of its own, without {@code CLUSTER_TOKEN} in its environment.
 */
class LintWithoutSecretsTest extends CommandLineFixture {
    private static final Map<String, String> NO_TOKEN = new HashMap<>();

    static {
        NO_TOKEN.put("CLUSTER_TOKEN", null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"check SPEC", "check --format sarif SPEC", "graph SPEC", "diff SPEC SPEC"})
    void everyExampleChecksWithNoTokenSet(String command) {
        NetcProcess.Result run = eachExample(command.split(" "));
        assertThat(run.err()).doesNotContain("NS2014").doesNotContain("error[");
        assertThat(exits(run)).hasSize(Examples.all().size()).allMatch(line -> line.endsWith(" exit 0"));
    }

    @Test
    void everyExampleAnswersAQueryWithNoTokenSet() {
        NetcProcess.Result run = eachExample("query", "SPEC", "kube-system.kube-dns -> 203.0.113.10:443");
        assertThat(run.err()).doesNotContain("NS2014");
        assertThat(exits(run)).hasSize(Examples.all().size()).noneMatch(line -> line.endsWith(" exit 2"));
    }

    /** Writing the node files needs the value: compile still reports the unset variable. */
    @Test
    void compileStillNeedsTheToken() {
        NetcProcess.Result run = eachExample("compile", "SPEC", "-o", "OUT");
        List<String> exits = exits(run);
        assertThat(exits).contains("edge-site exit 1", "basic exit 1");
        assertThat(run.err())
                .contains("error[NS2014]: cannot read the cluster token: environment variable `CLUSTER_TOKEN`");
    }

    /** A token file that is not there (it lives on the build machine) is not needed either. */
    @Test
    void aMissingTokenFileIsNotNeededToCheck() throws IOException {
        Path spec = edgeSiteWithToken("file(\"/run/secrets/not-here\")");
        assertThat(netc("check", spec.toString())).as(err.toString()).isZero();
        assertThat(netc("compile", spec.toString(), "-o", dir.resolve("out").toString()))
                .isEqualTo(1);
        assertThat(err.toString()).contains("error[NS2014]").contains("no file `/run/secrets/not-here`");
    }

    /** The reference is still checked: a token that is not `env(...)` or `file(...)` is an error. */
    @Test
    void aMalformedReferenceIsStillAnError() throws IOException {
        Path spec = edgeSiteWithToken("vault(\"CLUSTER_TOKEN\")");
        assertThat(netc("check", spec.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error[NS1001]: no function named `vault`");
    }

    /** The edge-site example with another token reference. */
    private Path edgeSiteWithToken(String reference) throws IOException {
        return spec(
                "site.netspec",
                Files.readString(Examples.DIR.resolve("edge-site.netspec"))
                        .replace("env(\"CLUSTER_TOKEN\")", reference));
    }

    private NetcProcess.Result eachExample(String... command) {
        List<String> args = new ArrayList<>(List.of(dir.resolve("outputs").toString()));
        args.addAll(List.of(command));
        // in the module folder, where the tests find the examples
        return NetcProcess.run(
                EachExample.class, Path.of("").toAbsolutePath(), NO_TOKEN, List.of(), args.toArray(String[]::new));
    }

    private static List<String> exits(NetcProcess.Result run) {
        return run.out()
                .lines()
                .filter(line -> line.matches("[a-z0-9-]+ exit \\d+"))
                .toList();
    }
}
