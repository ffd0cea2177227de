package dev.netc.cli.args;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command accepts, declared: its name, description, options, positional parameters and
 * exit codes. Every command also takes {@link #HELP} and {@link #VERSION}.
 *
 * @param name        the word that selects it ({@code compile})
 * @param description paragraphs for the help page; the first is its one-line summary
 * @param options     its options, shared groups included, without help and version
 * @param positionals its positional parameters, in order
 * @param exitCodes   every exit code it may return
 */
public record Command(
        String name,
        List<String> description,
        List<Option> options,
        List<Positional> positionals,
        List<ExitCode> exitCodes) {
    public static final Option HELP = Option.flag("Show this help message and exit.", "-h", "--help");
    public static final Option VERSION = Option.flag("Print version information and exit.", "-V", "--version");

    public Command {
        description = List.copyOf(description);
        options = List.copyOf(options);
        positionals = List.copyOf(positionals);
        exitCodes = List.copyOf(exitCodes);
    }

    /** A command with a description and nothing else yet. */
    public static Command named(String name, String... description) {
        return new Command(name, List.of(description), List.of(), List.of(), List.of());
    }

    /** This command with these groups of options added, in order. */
    @SafeVarargs
    public final Command withOptions(List<Option>... groups) {
        List<Option> all = new ArrayList<>(options);
        for (List<Option> group : groups) {
            all.addAll(group);
        }
        return new Command(name, description, all, positionals, exitCodes);
    }

    public Command withPositionals(Positional... parameters) {
        return new Command(name, description, options, List.of(parameters), exitCodes);
    }

    public Command withExitCodes(List<ExitCode> codes) {
        return new Command(name, description, options, positionals, codes);
    }

    /** Its options with help and version. */
    public List<Option> allOptions() {
        List<Option> all = new ArrayList<>(options);
        all.add(HELP);
        all.add(VERSION);
        return all;
    }

    /** The option of that name ({@code -o} or {@code --output}); null when there is none. */
    Option option(String optionName) {
        for (Option option : allOptions()) {
            if (option.names().contains(optionName)) {
                return option;
            }
        }
        return null;
    }

    /** Every name of every option, for did-you-mean. */
    List<String> optionNames() {
        return allOptions().stream().flatMap(option -> option.names().stream()).toList();
    }
}
