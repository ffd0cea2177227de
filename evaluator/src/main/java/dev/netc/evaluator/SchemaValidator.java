package dev.netc.evaluator;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Checks a document against the bundled strict JSON schema for {@code networking.k8s.io/v1}
 * NetworkPolicy: field names (unknown fields are rejected, as the API server's strict field
 * validation does), JSON types and enums. It checks no value rules; {@link ApiServerValidator}
 * does, and includes these findings.
 *
 * <p>Every finding has rule {@code T7}: the API server rejects such an object while decoding it.
 */
public final class SchemaValidator {

    private static final String SCHEMA_RESOURCE = "networkpolicy-networking-v1.schema.json";

    private SchemaValidator() {}

    /** Loaded once: parsing the schema costs far more than validating against it. */
    private static final class Holder {
        static final Schema SCHEMA = load();

        private static Schema load() {
            try (InputStream in = SchemaValidator.class.getResourceAsStream(SCHEMA_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(SCHEMA_RESOURCE + " missing from the classpath");
                }
                ObjectNode schema = (ObjectNode) JsonMapper.shared().readTree(in);
                // "$schema" is the unversioned "http://json-schema.org/schema#", which the library
                // would try to fetch as a dialect; the file follows Draft 4, so say that instead
                schema.remove("$schema");
                return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4)
                        .getSchema(schema);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The schema violations of one document (as loaded by {@link KubeYaml}). */
    public static List<Violation> validate(Map<String, ?> document) {
        List<Violation> violations = new ArrayList<>();
        for (Error error : Holder.SCHEMA.validate(toJson(document))) {
            String path = path(error);
            // worded as the API server's strict decoding reports it
            String message = "additionalProperties".equals(error.getKeyword())
                    ? "strict decoding error: unknown field \"" + path + "\""
                    : error.getMessage();
            violations.add(new Violation(path, "T7", message));
        }
        return violations;
    }

    /**
     * The path of the offending field. For an unknown or missing property the schema reports the
     * enclosing object; the property is appended so the path names the field itself.
     */
    private static String path(Error error) {
        StringBuilder path = new StringBuilder();
        NodePath location = error.getInstanceLocation();
        for (int i = 0; i < location.getNameCount(); i++) {
            append(path, location.getElement(i));
        }
        String keyword = error.getKeyword();
        if (error.getProperty() != null && ("additionalProperties".equals(keyword) || "required".equals(keyword))) {
            append(path, error.getProperty());
        }
        return path.length() == 0 ? "<root>" : path.toString();
    }

    private static void append(StringBuilder path, Object element) {
        if (element instanceof Integer index) {
            path.append('[').append(index).append(']');
        } else {
            if (path.length() > 0) {
                path.append('.');
            }
            path.append(element);
        }
    }

    /** Builds the JSON tree by hand so every YAML scalar type maps to its JSON counterpart. */
    private static JsonNode toJson(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null) {
            return nodes.nullNode();
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, item) -> object.set(String.valueOf(key), toJson(item)));
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(item -> array.add(toJson(item)));
            return array;
        }
        if (value instanceof String string) {
            return nodes.stringNode(string);
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof BigInteger) {
            return nodes.numberNode(new BigInteger(value.toString()));
        }
        if (value instanceof BigDecimal decimal) {
            return nodes.numberNode(decimal);
        }
        if (value instanceof Number number) {
            // Double and Float, including YAML's .nan and .inf, which BigDecimal cannot hold
            return nodes.numberNode(number.doubleValue());
        }
        // anything else (a YAML timestamp or binary) has no JSON form; its text still type-checks as a string
        return nodes.stringNode(value.toString());
    }
}
