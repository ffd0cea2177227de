package dev.netc.rke2;

import java.util.Objects;

/**
 * One key RKE2 accepts in {@code /etc/rancher/rke2/config.yaml}. All keys are in the generated
 * {@code Rke2KeyCatalogue} (built from {@code src/main/catalogue/rke2-config-keys.tsv}).
 *
 * @param name the key as written in config.yaml, e.g. {@code cluster-cidr}
 * @param type the kind of value RKE2 expects
 * @param scope which node roles accept the key
 * @param defaultValue RKE2's default, as text for people (not always a parseable value: it may
 *     describe a computed default, e.g. {@code (hostname)}); empty if there is none
 * @param description one line saying what the key does
 */
public record Rke2Key(String name, ValueType type, Scope scope, String defaultValue, String description) {

    /** The kind of value of a key. Each item of a {@link #STRING_LIST} becomes one repeated flag. */
    public enum ValueType {
        BOOL,
        INT,
        /** A Go duration such as {@code 5m0s}. */
        DURATION,
        STRING,
        STRING_LIST
    }

    /** Where a key is valid. There are no agent-only keys: every agent flag exists on servers too. */
    public enum Scope {
        /** Valid on server nodes only; an agent skips it with a warning ("Unknown flag ... skipping"). */
        SERVER,
        /** Valid on servers and agents. */
        BOTH
    }

    public Rke2Key {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(defaultValue, "defaultValue");
        Objects.requireNonNull(description, "description");
    }

    /**
     * Whether RKE2 honours this key on a node of the given role.
     *
     * @param serverNode true for a server (Kairos role {@code init} or {@code controlplane}), false for an
     *     agent ({@code worker})
     */
    public boolean allowedOn(boolean serverNode) {
        return serverNode || scope == Scope.BOTH;
    }
}
