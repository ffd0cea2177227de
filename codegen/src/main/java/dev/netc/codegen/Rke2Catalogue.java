package dev.netc.codegen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The RKE2 key catalogue as read from its two TSV files, validated and sorted by key name.
 *
 * <p>{@code type} and {@code scope} of a {@link Key} hold the names of the constants of
 * {@code Rke2Key.ValueType} and {@code Rke2Key.Scope} (in the compiler module) that the TSV words map to.
 */
record Rke2Catalogue(List<Key> keys, List<Dropped> dropped) {

    static final List<String> KEYS_HEADER = List.of("key", "type", "scope", "default", "description");
    static final List<String> DROPPED_HEADER = List.of("key", "reason");

    /** TSV word → constant of {@code Rke2Key.ValueType}. */
    static final Map<String, String> TYPES = Map.of(
            "bool", "BOOL",
            "int", "INT",
            "duration", "DURATION",
            "string", "STRING",
            "string-list", "STRING_LIST");

    /** TSV word → constant of {@code Rke2Key.Scope}. */
    static final Map<String, String> SCOPES = Map.of("server", "SERVER", "both", "BOTH");

    private static final Pattern KEY_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");
    /** Dropped names also cover non-keys seen in the wild, such as {@code provider_options}. */
    private static final Pattern DROPPED_NAME = Pattern.compile("[a-z][a-z0-9]*([-_][a-z0-9]+)*");

    record Key(String name, String type, String scope, String defaultValue, String description) {}

    record Dropped(String name, String reason) {}

    Rke2Catalogue {
        keys = List.copyOf(keys);
        dropped = List.copyOf(dropped);
    }

    static Rke2Catalogue load(Path keysTsv, Path droppedTsv) throws IOException {
        Map<String, TsvReader.Row> keyRows = new HashMap<>();
        List<Key> keys = new ArrayList<>();
        for (TsvReader.Row row : TsvReader.read(keysTsv, KEYS_HEADER)) {
            String name = name(row, KEY_NAME, "'-'", keyRows);
            String type = word(row, 1, "type", TYPES);
            String scope = word(row, 2, "scope", SCOPES);
            String description = nonEmpty(row, 4, "description");
            keys.add(new Key(name, type, scope, row.field(3), description));
        }

        Map<String, TsvReader.Row> droppedRows = new HashMap<>();
        List<Dropped> dropped = new ArrayList<>();
        for (TsvReader.Row row : TsvReader.read(droppedTsv, DROPPED_HEADER)) {
            String name = name(row, DROPPED_NAME, "'-' or '_'", droppedRows);
            TsvReader.Row keyRow = keyRows.get(name);
            if (keyRow != null) {
                throw row.error("'" + name + "' is listed as dropped but is a config key at " + keyRow.where());
            }
            dropped.add(new Dropped(name, nonEmpty(row, 1, "reason")));
        }

        keys.sort(Comparator.comparing(Key::name));
        dropped.sort(Comparator.comparing(Dropped::name));
        return new Rke2Catalogue(keys, dropped);
    }

    private static String name(TsvReader.Row row, Pattern pattern, String joiners, Map<String, TsvReader.Row> seen) {
        String name = row.field(0);
        if (!pattern.matcher(name).matches()) {
            throw row.error("bad key '" + name + "': expected lower-case words joined by " + joiners);
        }
        TsvReader.Row first = seen.putIfAbsent(name, row);
        if (first != null) {
            throw row.error("duplicate key '" + name + "', first listed at " + first.where());
        }
        return name;
    }

    private static String word(TsvReader.Row row, int index, String column, Map<String, String> allowed) {
        String value = row.field(index);
        String constant = allowed.get(value);
        if (constant == null) {
            throw row.error("unknown " + column + " '" + value + "' for key '" + row.field(0) + "'; expected one of "
                    + allowed.keySet().stream().sorted().toList());
        }
        return constant;
    }

    private static String nonEmpty(TsvReader.Row row, int index, String column) {
        String value = row.field(index);
        if (value.isEmpty()) {
            throw row.error("empty " + column + " for key '" + row.field(0) + "'");
        }
        return value;
    }
}
