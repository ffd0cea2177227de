package dev.netc.cli.args;

/**
 * A positional parameter of a command: the arguments that are not options, in order.
 *
 * @param label       what it is called in help ({@code PATH})
 * @param type        what each argument must be; checked when the command line is parsed
 * @param min         how many arguments it needs at least
 * @param max         how many it takes at most ({@link Integer#MAX_VALUE} for no limit)
 * @param description one sentence for the help page
 */
public record Positional(String label, ValueType type, int min, int max, String description) {
    public static Positional one(String label, ValueType type, String description) {
        return new Positional(label, type, 1, 1, description);
    }

    public static Positional optional(String label, ValueType type, String description) {
        return new Positional(label, type, 0, 1, description);
    }

    public static Positional oneOrMore(String label, ValueType type, String description) {
        return new Positional(label, type, 1, Integer.MAX_VALUE, description);
    }

    /** As the synopsis writes it: {@code PATH...}, {@code [CODE]}, {@code QUERY}. */
    public String synopsis() {
        String repeated = max > 1 ? label + "..." : label;
        return min == 0 ? "[" + repeated + "]" : repeated;
    }
}
