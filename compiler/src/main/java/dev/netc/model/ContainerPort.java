package dev.netc.model;

import java.util.Objects;

/**
 * {@code http/tcp} in a flow: the destination pod's container port of that name and protocol,
 * written into the policy as the name ({@code port: http}) and resolved by Kubernetes on each pod,
 * so pods that number it differently are each matched on their own number.
 */
public record ContainerPort(String name, Protocol protocol) implements FlowPort {
    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.containerPort(this);
    }

    @Override
    public String toString() {
        return name + "/" + protocol.lowerCase();
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof ContainerPort that && Objects.equals(name, that.name) && protocol == that.protocol;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(name) + Objects.hashCode(protocol);
    }
}
