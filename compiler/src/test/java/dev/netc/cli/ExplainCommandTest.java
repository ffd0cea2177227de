package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Explanation;
import org.junit.jupiter.api.Test;

/** {@code netc explain}: a code's page as terminal text, the ways to name a code, unknown codes, {@code --list}. */
class ExplainCommandTest extends CommandLineFixture {
    /** Runs `netc explain ARGS` with empty output buffers, so each call's output can be compared. */
    private int explain(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        String[] command = new String[args.length + 1];
        command[0] = "explain";
        System.arraycopy(args, 0, command, 1, args.length);
        return netc(command);
    }

    @Test
    void printsThePageTitleTextAndBothExamplesWithoutMarkdownSyntax() {
        assertThat(explain("NS2003")).isEqualTo(Netc.OK);
        assertThat(out.toString())
                .startsWith("NS2003: host bits set in a CIDR\n===")
                .contains("Severity: error")
                .contains("Wrong\n-----\n")
                .contains("    pods 10.42.0.1/16\n")
                .contains("Right\n-----\n")
                .contains("    pods 10.42.0.0/16\n")
                .doesNotContain("```")
                .doesNotContain("## ")
                .doesNotContain("](");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void acceptsLowerCaseAndTheBareNumber() {
        explain("NS4009");
        String upper = out.toString();
        assertThat(upper).contains("wireguard-native");
        assertThat(explain("ns4009")).isEqualTo(Netc.OK);
        assertThat(out.toString()).isEqualTo(upper);
        assertThat(explain("4009")).isEqualTo(Netc.OK);
        assertThat(out.toString()).isEqualTo(upper);
    }

    @Test
    void anUnknownCodeIsAUsageErrorWithSuggestions() {
        assertThat(explain("NS2104")).isEqualTo(Netc.USAGE);
        assertThat(err.toString())
                .contains("`NS2104` is not a diagnostic code")
                .contains("did you mean one of `NS2004`, `NS2014`")
                .contains("netc explain --list");
        assertThat(out.toString()).isEmpty();

        assertThat(explain("3002")).isEqualTo(Netc.USAGE);
        assertThat(err.toString()).contains("`3002` is not a diagnostic code").contains("`NS2002`");
    }

    @Test
    void somethingUnlikeAnyCodeGetsOnlyTheListHint() {
        assertThat(explain("firewall")).isEqualTo(Netc.USAGE);
        assertThat(err.toString()).doesNotContain("did you mean").contains("netc explain --list");
    }

    @Test
    void neitherOrBothOfCodeAndListIsAUsageError() {
        assertThat(explain()).isEqualTo(Netc.USAGE);
        assertThat(err.toString()).contains("Usage: netc explain");
        assertThat(explain("--list", "NS2003")).isEqualTo(Netc.USAGE);
    }

    @Test
    void listPrintsEveryCodeWithSeverityAndTitleInOrder() {
        assertThat(explain("--list")).isEqualTo(Netc.OK);
        String[] lines = out.toString().split("\n");
        assertThat(lines).hasSize(Code.values().length);
        for (int i = 0; i < lines.length; i++) {
            Code code = Code.values()[i];
            assertThat(lines[i])
                    .matches(code + "  " + code.defaultSeverity().label() + " *  \\S.*")
                    .endsWith(Explanation.of(code).title());
        }
        assertThat(out.toString()).contains("NS2015  warning  cluster token written in the source\n");
    }

    @Test
    void theHelpListsTheCommand() {
        assertThat(netc("--help")).isEqualTo(Netc.OK);
        assertThat(out.toString()).contains("explain");
    }
}
