package dev.netc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.cli.Netc;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the README shows is what netc does: its sample error is netc's output, its tour is a
 * clean, formatted spec that reads its token as the examples do, its exit codes are netc's,
 * and a newcomer has exactly two commands, the second the one CI runs.
 */
class ReadmeTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("```(\\w*)\\n(.*?)```", Pattern.DOTALL);

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    @Test
    void theSampleErrorIsWhatNetcPrints() throws IOException {
        String sample = blocks("").get(0);
        Matcher where = Pattern.compile("--> (\\S+):(\\d+):\\d+").matcher(sample);
        assertThat(where.find()).isTrue();
        Path example = ROOT.resolve(where.group(1));
        List<String> lines = Files.readAllLines(example);
        int line = Integer.parseInt(where.group(2));
        assertThat(lines).as("%s has the line the sample points at", example).hasSizeGreaterThanOrEqualTo(line);
        // the sample's typo, made in a copy of the example
        lines.set(line - 1, lines.get(line - 1).replace("backend:api", "backnd:api"));
        Path copy = Files.write(dir.resolve("copy.netspec"), lines);
        Run run = netc("check", copy.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err().replace(copy.toString(), where.group(1))).isEqualTo(sample);
    }

    @Test
    void theTourIsACleanFormattedSpecThatReadsItsTokenAsTheExamplesDo() throws IOException {
        String tour = blocks("netspec").get(0);
        assertThat(tour).contains("env(\"CLUSTER_TOKEN\")");
        Path spec = Files.writeString(dir.resolve("tour.netspec"), tour);
        Run check = netc("check", spec.toString());
        assertThat(check.exit()).isZero();
        assertThat(check.err()).as("no diagnostic, not even a warning").isEmpty();
        Run fmt = netc("fmt", "--check", spec.toString());
        assertThat(fmt.exit()).as(netc("fmt", "--diff", spec.toString()).out()).isZero();
    }

    @Test
    void theExitCodesAreNetcs() throws IOException {
        String help = netc("--help").out();
        String readme = readme();
        Matcher stale = Pattern.compile("\\n  3 +(.+)\\n").matcher(help);
        assertThat(stale.find()).isTrue();
        assertThat(readme.replace('\n', ' ').replace("`", "")).contains("3 " + stale.group(1));
    }

    @Test
    void aNewcomerHasTwoCommandsAndCiRunsTheSecond() throws IOException {
        String readme = readme();
        String fresh = readme.substring(readme.indexOf("## On a fresh machine"), readme.indexOf("## A short tour"));
        List<String> commands = FENCE.matcher(fresh)
                .results()
                .filter(m -> m.group(1).equals("sh"))
                .map(m -> m.group(2).strip())
                .toList();
        assertThat(commands).hasSize(2);
        assertThat(Files.readString(ROOT.resolve(".ci/run"))).contains(commands.get(1));
    }

    @Test
    void theCiIntegrationsAreMentioned() throws IOException {
        assertThat(readme())
                .contains("action.yml")
                .contains("--format junit")
                .contains("--format gitlab")
                .contains(".pre-commit-hooks.yaml")
                .contains("install.sh");
    }

    private static String readme() throws IOException {
        return Files.readString(ROOT.resolve("README.md"));
    }

    /** The README's fenced blocks of that language ("" for none), in order. */
    private static List<String> blocks(String language) throws IOException {
        return FENCE.matcher(readme())
                .results()
                .filter(m -> m.group(1).equals(language))
                .map(m -> m.group(2))
                .toList();
    }

    private static Run netc(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Netc.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }
}
