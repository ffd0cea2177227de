package dev.netc.cli.args;

import java.util.List;

/**
 * One option of a command, as declared: its names ({@code -o}, {@code --output}), and for an
 * option that takes a value its label ({@code DIR}) and the kind of value. An option without a
 * label is a flag. Build one with {@link #flag} or {@link #value} and the {@code with...} methods.
 *
 * @param names        the short and long names, the short one first when there is one
 * @param label        what the value is called in help ({@code DIR}); null for a flag
 * @param type         what the value must be; checked when the command line is parsed
 * @param description  one sentence for the help page
 * @param required     whether the command cannot run without it
 * @param repeatable   whether it may be given more than once (all values are kept)
 * @param defaultValue the value when it is not given; null for none
 * @param choices      the only values allowed (matched ignoring case); empty for any
 */
public record Option(
        List<String> names,
        String label,
        ValueType type,
        String description,
        boolean required,
        boolean repeatable,
        String defaultValue,
        List<String> choices) {
    public Option {
        names = List.copyOf(names);
        choices = List.copyOf(choices);
    }

    /** An option that is present or not. */
    public static Option flag(String description, String... names) {
        return new Option(List.of(names), null, ValueType.TEXT, description, false, false, null, List.of());
    }

    /** An option followed by a value of {@code type}, written {@code LABEL} in help. */
    public static Option value(String label, ValueType type, String description, String... names) {
        return new Option(List.of(names), label, type, description, false, false, null, List.of());
    }

    public Option withRequired() {
        return new Option(names, label, type, description, true, repeatable, defaultValue, choices);
    }

    public Option withRepeats() {
        return new Option(names, label, type, description, required, true, defaultValue, choices);
    }

    public Option withDefault(String value) {
        return new Option(names, label, type, description, required, repeatable, value, choices);
    }

    public Option withChoices(String... values) {
        return new Option(names, label, type, description, required, repeatable, defaultValue, List.of(values));
    }

    public boolean takesValue() {
        return label != null;
    }

    /** The name used in messages: the long one. */
    public String name() {
        return names.get(names.size() - 1);
    }
}
