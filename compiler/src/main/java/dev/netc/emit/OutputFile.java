package dev.netc.emit;

import java.util.Optional;

/**
 * One file netc writes, relative to the output folder.
 *
 * @param secret true when the content holds a secret: the file is written with mode 0600
 * @param serverManifest its name in RKE2's manifests folder, when the servers' cloud-configs also
 *     place it there, so that RKE2 applies it to the cluster
 */
public record OutputFile(String path, String content, boolean secret, Optional<String> serverManifest) {

    /** A file that only goes into the output folder. */
    public OutputFile(String path, String content, boolean secret) {
        this(path, content, secret, Optional.empty());
    }

    /**
     * A manifest that the servers also place in RKE2's manifests folder, under {@code name} (where
     * every manifest is 0600: the servers' cloud-configs say so).
     */
    static OutputFile manifest(String path, String content, boolean secret, String name) {
        return new OutputFile(path, content, secret, Optional.of(name));
    }
}
