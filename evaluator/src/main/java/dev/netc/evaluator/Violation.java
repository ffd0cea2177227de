package dev.netc.evaluator;

import java.util.Objects;

/**
 * One reason the API server would reject (or, for warnings, warn about) an object.
 *
 * @param path    the field, in the API server's notation, such as {@code spec.ingress[0].from[1].ipBlock.except[0]}
 * @param rule    the id of the rule in the validation catalogue, such as {@code I5}
 * @param message what is wrong, worded after the API server's message
 */
public record Violation(String path, String rule, String message) {

    public Violation {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path + ": " + message + " [" + rule + "]";
    }
}
