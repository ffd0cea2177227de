package dev.netc.model;

/**
 * A port a flow allows: numbers (one port, a range, or every port of a protocol) or the name of
 * a container port, which Kubernetes resolves on each destination pod. Code that treats each kind
 * in its own way does it through a {@link Visitor}.
 */
public sealed interface FlowPort permits PortRange, ContainerPort {
    Protocol protocol();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of flow port. */
    interface Visitor<R> {
        R numbers(PortRange range);

        R containerPort(ContainerPort port);
    }
}
