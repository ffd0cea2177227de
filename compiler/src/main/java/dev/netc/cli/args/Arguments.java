package dev.netc.cli.args;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed command line: the values given for each option and positional parameter, already
 * checked against their declarations (see {@link ArgumentParser}), so reading them cannot fail.
 * Values are kept by the option's long name and the parameter's label: hashing the declarations,
 * records, would link their generated {@code hashCode} at every start for nothing.
 */
public final class Arguments {
    private final Map<String, List<String>> options;
    private final Map<String, List<String>> positionals;

    /**
     * @param options     the values of each option given, by {@link Option#name()}
     * @param positionals the arguments each positional parameter took, by {@link Positional#label()}
     */
    Arguments(Map<String, List<String>> options, Map<String, List<String>> positionals) {
        this.options = copy(options);
        this.positionals = copy(positionals);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> values) {
        Map<String, List<String>> copy = new HashMap<>();
        for (Map.Entry<String, List<String>> entry : values.entrySet()) {
            copy.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return Map.copyOf(copy);
    }

    /** Whether the option was given. */
    public boolean has(Option option) {
        return options.containsKey(option.name());
    }

    /** The option's value (the last one when it was repeated), else its default; null when it has neither. */
    public String value(Option option) {
        List<String> values = options.get(option.name());
        return values == null ? option.defaultValue() : values.get(values.size() - 1);
    }

    /** Every value given for the option, in order. */
    public List<String> values(Option option) {
        return options.getOrDefault(option.name(), List.of());
    }

    public Path path(Option option) {
        String value = value(option);
        return value == null ? null : Path.of(value);
    }

    /** A {@link ValueType#COUNT} or {@link ValueType#INTEGER} option's value; null when it has none. */
    public Integer integer(Option option) {
        String value = value(option);
        return value == null ? null : Integer.valueOf(value);
    }

    /** A repeatable {@link ValueType#NAME_VALUE} option's pairs; a name given twice keeps its last value. */
    public Map<String, String> pairs(Option option) {
        Map<String, String> pairs = new LinkedHashMap<>();
        for (String value : values(option)) {
            int equals = value.indexOf('=');
            pairs.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return pairs;
    }

    /** The arguments the positional parameter took, in order. */
    public List<String> positional(Positional parameter) {
        return positionals.getOrDefault(parameter.label(), List.of());
    }

    /** The arguments the positional parameter took, as paths. */
    public List<Path> paths(Positional parameter) {
        List<Path> paths = new ArrayList<>();
        for (String value : positional(parameter)) {
            paths.add(Path.of(value));
        }
        return paths;
    }
}
