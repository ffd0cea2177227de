package dev.netc.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything a spec means once names are resolved and values checked: the input of the
 * emitters. Lists keep declaration order, which is what reaches the output.
 *
 * @param externals every declared external that resolves, whether a flow uses it or not: the
 *     address ranges {@code netc query} and {@code netc diff} may name
 * @param expectations what the emitted policies must allow and deny ({@code expect}), checked on
 *     the emitted YAML after emission; nothing is emitted from them
 */
public record Model(
        Optional<Cluster> cluster,
        List<Namespace> namespaces,
        List<Flow> flows,
        List<Peer.Addresses> externals,
        List<Expectation> expectations) {
    /** The model of a spec that could not be analysed. */
    public static final Model EMPTY = new Model(Optional.empty(), List.of(), List.of(), List.of(), List.of());

    public Model {
        namespaces = List.copyOf(namespaces);
        flows = List.copyOf(flows);
        externals = List.copyOf(externals);
        expectations = List.copyOf(expectations);
    }
}
