package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.cli.args.Command;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.Positional;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The declarations of netc's commands: parsed values are kept by an option's long name and a
 * parameter's label, so two options of one command sharing a name would read each other's values.
 */
class CommandsTest {
    @Test
    void everyCommandsOptionNamesAndParameterLabelsAreDistinct() {
        for (Commands entry : Commands.values()) {
            Command command = entry.command();
            List<String> names = new ArrayList<>();
            for (Option option : command.allOptions()) {
                names.addAll(option.names());
            }
            assertThat(names)
                    .as(command.name())
                    .doesNotHaveDuplicates()
                    .allMatch(name -> name.matches("-[a-zA-Z]|--[a-z][a-z-]*"));
            assertThat(command.positionals().stream().map(Positional::label))
                    .as(command.name())
                    .doesNotHaveDuplicates();
        }
    }

    @Test
    void commandsAreFoundByTheirOwnName() {
        for (Commands entry : Commands.values()) {
            assertThat(Commands.named(entry.command().name())).isSameAs(entry);
        }
        assertThat(Commands.named("help")).isNull();
        assertThat(Commands.named("Compile")).isNull();
    }
}
