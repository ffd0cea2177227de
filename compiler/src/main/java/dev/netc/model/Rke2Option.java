package dev.netc.model;

import java.util.List;

/**
 * A raw RKE2 config key from an {@code rke2 { }} block, already checked against the catalogue.
 *
 * @param value a String, Long, Boolean or List of String, as the key's type requires
 * @param serverOnly true for keys RKE2 only accepts on servers
 */
public record Rke2Option(String key, Object value, boolean serverOnly) {
    public Rke2Option {
        if (value instanceof List<?> list) {
            value = List.copyOf(list);
        }
    }
}
