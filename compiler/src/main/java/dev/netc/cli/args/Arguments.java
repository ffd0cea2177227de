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
 */
public final class Arguments {
    private final Map<Option, List<String>> options;
    private final Map<Positional, List<String>> positionals;

    Arguments(Map<Option, List<String>> options, Map<Positional, List<String>> positionals) {
        this.options = copy(options);
        this.positionals = copy(positionals);
    }

    private static <K> Map<K, List<String>> copy(Map<K, List<String>> values) {
        Map<K, List<String>> copy = new HashMap<>();
        for (Map.Entry<K, List<String>> entry : values.entrySet()) {
            copy.put(entry.getKey(), List.copyOf(entry.getValue()));
        }
        return Map.copyOf(copy);
    }

    /** Whether the option was given. */
    public boolean has(Option option) {
        return options.containsKey(option);
    }

    /** The option's value (the last one when it was repeated), else its default; null when it has neither. */
    public String value(Option option) {
        List<String> values = options.get(option);
        return values == null ? option.defaultValue() : values.get(values.size() - 1);
    }

    /** Every value given for the option, in order. */
    public List<String> values(Option option) {
        return options.getOrDefault(option, List.of());
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
        return positionals.getOrDefault(parameter, List.of());
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
