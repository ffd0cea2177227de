package dev.netc.diagnostics.format;

import dev.netc.source.SourceFile;

/**
 * How the machine formats name files. Paths are relative to the working directory, as netc
 * shows them; a CI job that runs netc in a sub-folder of the repository gives that folder as
 * {@code prefix} ({@code --path-prefix}), so that code scanning, annotations and reports map
 * each path onto the repository. Absolute paths (files outside the working directory) are
 * left as they are.
 *
 * @param prefix prepended to every relative path, ending in {@code /} (empty for none)
 * @param anchor the file a diagnostic without a position (a problem of the invocation, such as
 *     a {@code --set} of an undeclared parameter) is reported at by the formats that need a
 *     file for every finding: GitHub's code scanning rejects a whole SARIF upload in which one
 *     result has no location. The first input, as shown; null when there is none.
 */
public record Locations(String prefix, String anchor) {
    /** Paths as netc shows them, and no anchor. */
    public static final Locations AS_SHOWN = new Locations("", null);

    public Locations {
        prefix = normalised(prefix);
    }

    /** The same, with {@code anchor} for the diagnostics without a position. */
    public Locations withAnchor(String anchor) {
        return new Locations(prefix, anchor);
    }

    /** The path of a file as the report writes it. */
    String path(SourceFile file) {
        return path(file.displayName());
    }

    /** A path as shown by netc, as the report writes it. */
    String path(String shown) {
        return shown.startsWith("/") ? shown : prefix + shown;
    }

    /** The anchor's path as the report writes it, or null. */
    String anchorPath() {
        return anchor == null ? null : path(anchor);
    }

    /** {@code infra}, {@code ./infra/} and {@code infra/} all mean {@code infra/}. */
    private static String normalised(String prefix) {
        String path = prefix.replace('\\', '/');
        while (path.startsWith("./")) {
            path = path.substring(2);
        }
        if (path.equals(".")) {
            return "";
        }
        return path.isEmpty() || path.endsWith("/") ? path : path + "/";
    }
}
