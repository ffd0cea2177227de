package dev.netc.model;

import dev.netc.source.Span;
import java.util.List;

/** A group of pods in one namespace, chosen by labels, with the ports it serves. */
public record Tier(
        String namespace,
        String name,
        LabelSelector pods,
        List<TierPort> ports,
        boolean isolateIngress,
        boolean isolateEgress,
        Span span) {

    public Tier {
        ports = List.copyOf(ports);
    }

    public String qualifiedName() {
        return namespace + "." + name;
    }

    /** A named port a tier serves: {@code port http 80/tcp}. */
    public record TierPort(String name, PortRange range) {
    }
}
