package dev.netc.query;

import dev.netc.evaluator.Endpoint;
import java.util.Optional;

/**
 * One end of a connection the commands reason about: a synthetic pod standing for a tier or
 * for a namespace's other pods, or an address standing for an external.
 *
 * @param name how the spec (and a query) names it: {@code app.web}, {@code app}, {@code internet}
 * @param namespace the namespace of a pod; empty for an address
 * @param endpoint what the evaluator sees
 */
public record NamedEndpoint(String name, Kind kind, Optional<String> namespace, Endpoint endpoint) {

    /** What an endpoint stands for. */
    public enum Kind {
        /** A pod of a tier. */
        TIER,
        /** A pod of a declared namespace that the namespace's tiers were not written for. */
        NAMESPACE,
        /** A pod of a namespace the spec does not declare. */
        OTHER_NAMESPACE,
        /** A pod that a flow end choosing namespaces by labels chooses ({@code namespaces team=a}). */
        CHOSEN,
        /** An address of an external or of an address range written in a flow. */
        EXTERNAL,
        /** An address outside every external of the spec. */
        OTHER_ADDRESS,
        /** An address given in a query. */
        ADDRESS;

        public boolean isPod() {
            return this == TIER || this == NAMESPACE || this == OTHER_NAMESPACE || this == CHOSEN;
        }
    }

    /** The name, and for a synthetic pod the pod it is evaluated as: {@code app.web (pod app/web, 10.42.0.2)}. */
    public String describe() {
        if (kind == Kind.ADDRESS) {
            return name;
        }
        String what = kind.isPod() ? "pod " + endpoint.displayName() + ", " : "";
        return name + " (" + what + endpoint.ip() + ")";
    }
}
