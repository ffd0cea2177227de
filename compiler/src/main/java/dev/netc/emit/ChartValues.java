package dev.netc.emit;

import dev.netc.yaml.Yaml;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Chart values by dotted path ({@code flannel.iface}), kept in the order they are put, as nested YAML. */
final class ChartValues {
    private final Map<String, Object> root = new LinkedHashMap<>();
    private boolean secret;

    /** Sets a value; a path seen before keeps its place. */
    @SuppressWarnings("unchecked")
    void put(String path, Node value) {
        Map<String, Object> map = root;
        String[] parts = path.split("\\.");
        for (int i = 0; i < parts.length - 1; i++) {
            map = (Map<String, Object>) map.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
        }
        map.put(parts[parts.length - 1], value);
    }

    /** Sets a value that is a secret: the file holding these values is then written 0600. */
    void putSecret(String path, Node value) {
        put(path, value);
        secret = true;
    }

    boolean holdsSecret() {
        return secret;
    }

    boolean isEmpty() {
        return root.isEmpty();
    }

    Node toYaml() {
        return toYaml(root);
    }

    @SuppressWarnings("unchecked")
    private static Node toYaml(Map<String, Object> map) {
        Yaml.MapBuilder builder = Yaml.map();
        map.forEach((key, value) ->
                builder.put(key, value instanceof Node node ? node : toYaml((Map<String, Object>) value)));
        return builder.build();
    }
}
