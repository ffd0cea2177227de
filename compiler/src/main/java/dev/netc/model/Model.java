package dev.netc.model;

import java.util.List;
import java.util.Optional;

/**
 * Everything a spec means once names are resolved and values checked: the input of the
 * emitters. Lists keep declaration order, which is what reaches the output.
 */
public record Model(Optional<Cluster> cluster, List<Namespace> namespaces, List<Flow> flows) {
    /** The model of a spec that could not be analysed. */
    public static final Model EMPTY = new Model(Optional.empty(), List.of(), List.of());

    public Model {
        namespaces = List.copyOf(namespaces);
        flows = List.copyOf(flows);
    }
}
