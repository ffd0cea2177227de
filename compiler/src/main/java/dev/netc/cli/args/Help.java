package dev.netc.cli.args;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The help page of a command, and its one-line synopsis for usage errors; wrapped at 80 columns. */
public final class Help {
    private static final int WIDTH = 80;
    /** Where descriptions start in the lists of parameters and options. */
    private static final int DESCRIPTION_COLUMN = 26;

    private static final String PARAGRAPH = "";

    private Help() {}

    /**
     * {@code Usage: netc compile [OPTIONS] -o DIR PATH...}: the required options and the positional
     * parameters; {@code invocation} is how the command is called ({@code netc compile}).
     */
    public static String synopsis(String invocation, Command command) {
        StringBuilder line = new StringBuilder("Usage: ").append(invocation).append(" [OPTIONS]");
        for (Option option : command.options()) {
            if (option.required()) {
                line.append(' ').append(option.names().get(0)).append(' ').append(option.label());
            }
        }
        for (Positional parameter : command.positionals()) {
            line.append(' ').append(parameter.synopsis());
        }
        return line.toString();
    }

    /**
     * The whole page: synopsis, description, parameters, options (by name), {@code commands} when
     * there are any (name and summary, for the program's own page) and the exit codes.
     */
    public static String page(String invocation, Command command, List<Command> commands) {
        List<String> lines = new ArrayList<>();
        lines.add(synopsis(invocation, command));
        for (String paragraph : command.description()) {
            lines.addAll(wrap(paragraph, "", ""));
        }
        if (!command.positionals().isEmpty()) {
            lines.add(PARAGRAPH);
            lines.add("Parameters:");
            for (Positional parameter : command.positionals()) {
                lines.addAll(entry("      " + parameter.synopsis(), parameter.description()));
            }
        }
        lines.add(PARAGRAPH);
        lines.add("Options:");
        List<Option> options = new ArrayList<>(command.allOptions());
        options.sort(Comparator.comparing(Help::sortKey));
        for (Option option : options) {
            lines.addAll(entry(names(option), option.description()));
        }
        if (!commands.isEmpty()) {
            lines.add(PARAGRAPH);
            lines.add("Commands:");
            for (Command each : commands) {
                lines.addAll(entry("  " + each.name(), each.description().get(0)));
            }
        }
        lines.add(PARAGRAPH);
        lines.add("Exit codes:");
        for (ExitCode exit : command.exitCodes()) {
            String code = String.valueOf(exit.code());
            lines.addAll(wrap(exit.meaning(), "  " + code + " ".repeat(5 - code.length()), " ".repeat(7)));
        }
        StringBuilder page = new StringBuilder();
        for (String line : lines) {
            page.append(line).append('\n');
        }
        return page.toString();
    }

    /** {@code  -o, --output DIR} or {@code       --batch}: short names in their own column. */
    private static String names(Option option) {
        String first = option.names().get(0);
        boolean hasShort = !first.startsWith("--");
        String text = (hasShort ? "  " : "      ") + String.join(", ", option.names());
        return option.takesValue() ? text + " " + option.label() : text;
    }

    /** Options in the order of their long names, as `--help` readers look them up. */
    private static String sortKey(Option option) {
        return option.name().replace("-", "");
    }

    /** The left column, then the description wrapped beside it (below it when the left column is too wide). */
    private static List<String> entry(String left, String description) {
        String indent = " ".repeat(DESCRIPTION_COLUMN);
        if (left.length() + 2 > DESCRIPTION_COLUMN) {
            List<String> lines = new ArrayList<>();
            lines.add(left);
            lines.addAll(wrap(description, indent, indent));
            return lines;
        }
        return wrap(description, left + " ".repeat(DESCRIPTION_COLUMN - left.length()), indent);
    }

    /** {@code text} in lines of at most {@link #WIDTH}, the first after {@code first}, the others after {@code rest}. */
    static List<String> wrap(String text, String first, String rest) {
        List<String> lines = new ArrayList<>();
        if (text.isEmpty()) {
            lines.add(first.stripTrailing());
            return lines;
        }
        StringBuilder line = new StringBuilder(first);
        boolean empty = true;
        for (String word : text.split(" ")) {
            if (!empty && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(rest);
                empty = true;
            }
            if (!empty) {
                line.append(' ');
            }
            line.append(word);
            empty = false;
        }
        lines.add(line.toString());
        return lines;
    }
}
