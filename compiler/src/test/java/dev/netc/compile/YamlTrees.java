package dev.netc.compile;

import java.util.List;
import java.util.Map;

/** The maps and lists of loaded YAML, as tests walk them. */
public final class YamlTrees {
    private YamlTrees() {}

    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
