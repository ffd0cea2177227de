package dev.netc.evaluator;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A namespace and its labels, which namespace selectors test.
 *
 * @param name   the namespace name
 * @param labels its labels, always including {@value #NAME_LABEL}{@code =<name>}
 */
public record Namespace(String name, Map<String, String> labels) {

    /** The label every namespace carries since Kubernetes 1.22 (KEP-2161); it cannot be changed. */
    public static final String NAME_LABEL = "kubernetes.io/metadata.name";

    /** Adds the implied name label, overriding any other value given for it, as the API server does. */
    public Namespace {
        Objects.requireNonNull(name, "name");
        Map<String, String> all = new HashMap<>(labels);
        all.put(NAME_LABEL, name);
        labels = Map.copyOf(all);
    }

    /** A namespace with only the implied name label. */
    public static Namespace named(String name) {
        return new Namespace(name, Map.of());
    }
}
