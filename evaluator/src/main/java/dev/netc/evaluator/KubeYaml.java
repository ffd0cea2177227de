package dev.netc.evaluator;

import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Loads multi-document Kubernetes YAML into plain maps and lists, the form that
 * {@link ApiServerValidator}, {@link SchemaValidator} and {@link Manifests} read.
 */
public final class KubeYaml {

    private KubeYaml() {}

    /**
     * Loads every non-empty document of a YAML stream.
     *
     * <p>Duplicate keys are an error, as the API server's strict decoding makes them (T7). Map
     * keys that YAML reads as numbers or booleans become strings, as {@code sigs.k8s.io/yaml}
     * turns them into JSON object keys. Scalars follow the YAML 1.2 core schema, so a bare
     * {@code y} or {@code yes} is a string here although kubectl (YAML 1.1) reads it as a boolean.
     *
     * @throws IllegalArgumentException if a document is not a mapping
     * @throws org.snakeyaml.engine.v2.exceptions.YamlEngineException if the text is not valid YAML
     */
    public static List<Map<String, Object>> loadAll(Reader yaml) {
        return documents(load().loadAllFromReader(yaml));
    }

    /**
     * {@link #loadAll(Reader)} for text in memory. Text of the plainest kind, as netc writes
     * its policies, is read by {@link BlockYaml} to the same maps without snakeyaml.
     */
    public static List<Map<String, Object>> loadAll(String yaml) {
        return BlockYaml.read(yaml).orElseGet(() -> loadAllWithSnakeyaml(yaml));
    }

    /** Every document as snakeyaml reads it: what {@link BlockYaml} must agree with. */
    static List<Map<String, Object>> loadAllWithSnakeyaml(String yaml) {
        return documents(load().loadAllFromString(yaml));
    }

    private static Load load() {
        return new Load(LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .build());
    }

    private static List<Map<String, Object>> documents(Iterable<Object> loaded) {
        List<Map<String, Object>> documents = new ArrayList<>();
        int index = 0;
        for (Object document : loaded) {
            if (document instanceof Map<?, ?> map) {
                documents.add(stringKeys(map));
            } else if (document != null) {
                throw new IllegalArgumentException("YAML document " + index + " is not a mapping");
            }
            index++;
        }
        return documents;
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), normalize(value)));
        return result;
    }

    private static Object normalize(Object value) {
        if (value instanceof Map<?, ?> map) {
            return stringKeys(map);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            list.forEach(item -> result.add(normalize(item)));
            return result;
        }
        return value;
    }
}
