package dev.netc.cli.args;

import dev.netc.analysis.Suggest;
import dev.netc.diagnostics.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a command's arguments as its {@link Command} declares them. Options may come anywhere
 * among the positional arguments, as {@code --name value}, {@code --name=value}, {@code -n value}
 * or {@code -n=value}; {@code --} makes every later argument positional, and a lone {@code -}
 * (standard input) is always positional. When help or version is asked for, missing required
 * options and parameters are not errors.
 */
public final class ArgumentParser {
    private ArgumentParser() {}

    public static Arguments parse(Command command, List<String> arguments) throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (optionsEnded || !argument.startsWith("-") || argument.equals("-")) {
                positional.add(argument);
                continue;
            }
            if (argument.equals("--")) {
                optionsEnded = true;
                continue;
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            Option option = command.option(name);
            if (option == null) {
                throw new UsageException(
                        "unknown option `" + name + "`",
                        Suggest.didYouMeanHelp(name, command.optionNames()).orElse(null));
            }
            String value = null;
            if (option.takesValue()) {
                if (equals >= 0) {
                    value = argument.substring(equals + 1);
                } else if (i + 1 < arguments.size() && !isOptionName(command, arguments.get(i + 1))) {
                    value = arguments.get(++i);
                } else {
                    throw new UsageException("`" + name + "` needs a value: " + option.label());
                }
                value = checked(option, name, value);
            } else if (equals >= 0) {
                throw new UsageException("`" + name + "` takes no value");
            }
            List<String> values = options.get(option.name());
            if (values == null) {
                values = new ArrayList<>();
                options.put(option.name(), values);
            } else if (!option.repeatable()) {
                throw new UsageException("`" + name + "` is given twice");
            }
            values.add(value == null ? "" : value);
        }
        boolean helpOrVersion = options.containsKey(Command.HELP.name()) || options.containsKey(Command.VERSION.name());
        Map<String, List<String>> parameters = assign(command, positional, helpOrVersion);
        if (!helpOrVersion) {
            for (Option option : command.options()) {
                if (option.required() && !options.containsKey(option.name())) {
                    throw new UsageException("missing option `" + option.name() + " " + option.label() + "`");
                }
            }
        }
        return new Arguments(options, parameters);
    }

    /** Whether the argument names an option of the command, and so cannot be the value of the one before it. */
    private static boolean isOptionName(Command command, String argument) {
        int equals = argument.indexOf('=');
        return command.option(equals < 0 ? argument : argument.substring(0, equals)) != null;
    }

    /**
     * The value, in the spelling of the choice it matches; a usage error when it is not of the
     * option's type. {@code name} is the option's name as it was written.
     */
    private static String checked(Option option, String name, String value) throws UsageException {
        if (!option.choices().isEmpty()) {
            for (String choice : option.choices()) {
                if (choice.equalsIgnoreCase(value)) {
                    return choice;
                }
            }
            throw new UsageException("unknown " + option.label().toLowerCase(Locale.ROOT) + " `" + value + "`: use "
                    + Messages.either(option.choices()));
        }
        String problem = option.type().problem(value).orElse(null);
        if (problem != null) {
            throw new UsageException("`" + name + "`: " + problem);
        }
        return value;
    }

    /**
     * The positional arguments shared out in order: each parameter takes as many as it can while
     * leaving the later ones their minimum. With too few, the first parameter left short is missing.
     */
    private static Map<String, List<String>> assign(Command command, List<String> arguments, boolean lenient)
            throws UsageException {
        List<Positional> parameters = command.positionals();
        int needed = 0;
        for (Positional parameter : parameters) {
            needed += parameter.min();
        }
        Map<String, List<String>> assigned = new LinkedHashMap<>();
        int next = 0;
        for (Positional parameter : parameters) {
            needed -= parameter.min();
            int available = arguments.size() - next;
            int take = Math.min(parameter.max(), Math.max(available - needed, Math.min(available, parameter.min())));
            if (take < parameter.min() && !lenient) {
                throw new UsageException("missing " + parameter.label() + ": " + parameter.description());
            }
            List<String> values = arguments.subList(next, next + take);
            for (String value : values) {
                String problem = parameter.type().problem(value).orElse(null);
                if (problem != null) {
                    throw new UsageException(problem);
                }
            }
            assigned.put(parameter.label(), values);
            next += take;
        }
        if (next < arguments.size() && !lenient) {
            throw new UsageException("unexpected argument `" + arguments.get(next) + "`");
        }
        return assigned;
    }
}
