package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The help pages and usage errors of the command line, as a user sees them. */
class HelpTest extends CommandLineFixture {
    private static final List<String> COMMANDS =
            List.of("compile", "check", "query", "diff", "graph", "fmt", "lsp", "explain", "completion", "help");

    /**
     * Pins the whole page of a real command, reviewed by eye: the synopsis with the required
     * option and the parameters, the description, the parameters, the options of its three shared
     * groups and its own sorted by long name with their labels, wrapped at 80 columns beside the
     * names, and the exit codes.
     */
    @Test
    void compileHelpIsThePageReviewed() throws IOException {
        assertThat(netc("compile", "--help")).isEqualTo(Netc.OK);
        assertThat(out.toString()).isEqualTo(resource("compile-help.txt"));
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void everyWayOfAskingGivesTheSamePage() {
        netc("compile", "--help");
        String page = out.toString();
        out.getBuffer().setLength(0);
        netc("help", "compile");
        assertThat(out.toString()).isEqualTo(page);
        out.getBuffer().setLength(0);
        // asking for help needs nothing else: the required -o and PATH are not missing
        assertThat(netc("compile", "-h")).isEqualTo(Netc.OK);
        assertThat(out.toString()).isEqualTo(page);
    }

    @Test
    void everyPageListsItsExitCodesAndFitsEightyColumns() {
        for (String command : COMMANDS) {
            out.getBuffer().setLength(0);
            assertThat(netc(command, "--help")).isEqualTo(Netc.OK);
            String page = out.toString();
            assertThat(page)
                    .as(command)
                    .startsWith("Usage: netc " + command + " [OPTIONS]")
                    .contains("\nExit codes:\n")
                    .contains("  2    ")
                    .contains("  70   internal error");
            assertThat(page.lines()).as(command).allMatch(line -> line.length() <= 80);
        }
    }

    @Test
    void netcsOwnPageListsEveryCommand() {
        assertThat(netc("--help")).isEqualTo(Netc.OK);
        String page = out.toString();
        assertThat(page)
                .startsWith("Usage: netc [OPTIONS] COMMAND\n")
                .contains("  3    fmt --check found files that are not formatted");
        assertThat(COMMANDS).allMatch(command -> page.contains("\n  " + command + " "));
        out.getBuffer().setLength(0);
        assertThat(netc("help")).isEqualTo(Netc.OK);
        assertThat(out.toString()).isEqualTo(page);
    }

    @Test
    void versionFromNetcAndFromACommand() {
        assertThat(netc("-V")).isEqualTo(Netc.OK);
        assertThat(netc("check", "--version")).isEqualTo(Netc.OK);
        assertThat(out.toString()).matches("netc \\S+\nnetc \\S+\n");
    }

    @Test
    void aMisspeltCommandOrOptionIsAUsageErrorWithASuggestion() {
        assertThat(netc("compil", "a.netspec")).isEqualTo(Netc.USAGE);
        assertThat(err.toString())
                .startsWith("error: unknown command `compil`\n  = help: did you mean `compile`?\n")
                .contains("Try `netc --help`");
        err.getBuffer().setLength(0);
        assertThat(netc("check", "a.netspec", "--max-erors", "3")).isEqualTo(Netc.USAGE);
        assertThat(err.toString()).isEqualTo("""
                error: unknown option `--max-erors`
                  = help: did you mean `--max-errors`?
                Usage: netc check [OPTIONS] PATH...
                Try `netc check --help` for more information.
                """);
        err.getBuffer().setLength(0);
        assertThat(netc("help", "compil")).isEqualTo(Netc.USAGE);
        assertThat(err.toString()).contains("did you mean `compile`?");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void noCommandIsAUsageErrorNamingThem() {
        assertThat(netc()).isEqualTo(Netc.USAGE);
        assertThat(err.toString())
                .startsWith("error: missing COMMAND\n  = help: the commands are compile, check, query,");
    }

    @Test
    void aBadEnumValueListsTheAllowedOnes() {
        assertThat(netc("diff", "a", "b", "--format", "yaml")).isEqualTo(Netc.USAGE);
        assertThat(err.toString()).startsWith("error: unknown format `yaml`: use text or json\n");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HelpTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
