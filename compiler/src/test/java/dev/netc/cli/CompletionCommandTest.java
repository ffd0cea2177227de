package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.cli.args.Command;
import dev.netc.cli.args.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code netc completion} and {@code netc(1)} are made from the commands' declarations: every
 * command and option is in each script and in the man page. (The shells parse and run the
 * scripts, and groff renders the page, in the distribution's tests.)
 */
class CompletionCommandTest extends CommandLineFixture {
    @Test
    void everyScriptHasEveryCommandAndOption() {
        for (String shell : List.of("bash", "zsh", "fish")) {
            out.getBuffer().setLength(0);
            assertThat(netc("completion", shell)).isZero();
            String script = out.toString();
            for (Command command : Netc.commands()) {
                assertThat(script).as("%s: %s", shell, command.name()).contains(command.name());
                for (Option option : command.allOptions()) {
                    String name = option.name();
                    assertThat(script)
                            .as("%s: %s %s", shell, command.name(), name)
                            .contains(shell.equals("fish") ? "-l " + name.substring(2) : name);
                }
            }
        }
    }

    @Test
    void anUnknownShellIsAUsageError() {
        assertThat(netc("completion", "tcsh")).isEqualTo(Netc.USAGE);
        assertThat(err.toString()).contains("unknown shell `tcsh`: use bash, zsh or fish");
    }

    @Test
    void theManPageHasEveryCommandAndOption() {
        String page = ManPage.page(Netc.commands());
        for (Command command : Netc.commands()) {
            assertThat(page).contains(".SS \"netc " + command.name());
            for (Option option : command.allOptions()) {
                assertThat(page).contains(option.name().replace("-", "\\-"));
            }
        }
    }
}
