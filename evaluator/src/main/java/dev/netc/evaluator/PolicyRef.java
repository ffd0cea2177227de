package dev.netc.evaluator;

/**
 * Names a NetworkPolicy in explanations.
 *
 * @param namespace the policy's namespace
 * @param name      the policy's name
 */
public record PolicyRef(String namespace, String name) {

    @Override
    public String toString() {
        return namespace + "/" + name;
    }
}
