package dev.netc.evaluator;

import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The cluster that policies are evaluated against: namespaces with labels, and pods with labels,
 * IPs and named ports. Immutable; build one with {@link #builder()}.
 */
public final class Universe {

    private final Map<String, Namespace> namespaces;
    private final Map<String, Pod> podsByKey;

    private Universe(Map<String, Namespace> namespaces, Map<String, Pod> podsByKey) {
        this.namespaces = Collections.unmodifiableMap(new LinkedHashMap<>(namespaces));
        this.podsByKey = Collections.unmodifiableMap(new LinkedHashMap<>(podsByKey));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The namespace of that name, if the universe has it. */
    public Optional<Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.get(name));
    }

    /** All namespaces, in the order they were added. */
    public Collection<Namespace> namespaces() {
        return namespaces.values();
    }

    /** The pod {@code namespace/name}, if the universe has it. */
    public Optional<Pod> pod(String namespace, String name) {
        return Optional.ofNullable(podsByKey.get(namespace + "/" + name));
    }

    /**
     * The pod named {@code namespace/name}.
     *
     * @throws IllegalArgumentException if there is no such pod
     */
    public Pod pod(String qualifiedName) {
        Pod pod = podsByKey.get(qualifiedName);
        if (pod == null) {
            throw new IllegalArgumentException("no pod " + qualifiedName + " in the universe");
        }
        return pod;
    }

    /** All pods, in the order they were added. */
    public Collection<Pod> pods() {
        return podsByKey.values();
    }

    /** Collects namespaces and pods; pod and namespace names must be unique. */
    public static final class Builder {

        private final Map<String, Namespace> namespaces = new LinkedHashMap<>();
        private final Map<String, Pod> pods = new LinkedHashMap<>();
        private final Set<String> explicitNamespaces = new HashSet<>();

        private Builder() {}

        /**
         * Adds a namespace. A namespace first seen through one of its pods is implied with only
         * its name label; adding it afterwards supplies its labels.
         *
         * @throws IllegalArgumentException if a namespace of that name was added explicitly already
         */
        public Builder namespace(Namespace namespace) {
            if (!explicitNamespaces.add(namespace.name())) {
                throw new IllegalArgumentException("namespace " + namespace.name() + " added twice");
            }
            namespaces.put(namespace.name(), namespace);
            return this;
        }

        /** Adds a namespace with these labels (the name label is implied). */
        public Builder namespace(String name, Map<String, String> labels) {
            return namespace(new Namespace(name, labels));
        }

        /**
         * Adds a pod; its namespace is implied if not added yet.
         *
         * @throws IllegalArgumentException if a pod of that namespace and name exists already
         */
        public Builder pod(Pod pod) {
            String key = pod.namespace() + "/" + pod.name();
            if (pods.putIfAbsent(key, pod) != null) {
                throw new IllegalArgumentException("pod " + key + " added twice");
            }
            namespaces.putIfAbsent(pod.namespace(), Namespace.named(pod.namespace()));
            return this;
        }

        /** Adds several pods. */
        public Builder pods(Collection<Pod> toAdd) {
            toAdd.forEach(this::pod);
            return this;
        }

        public Universe build() {
            return new Universe(namespaces, pods);
        }
    }
}
