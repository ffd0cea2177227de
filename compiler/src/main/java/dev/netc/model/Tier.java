package dev.netc.model;

import dev.netc.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * A group of pods in one namespace, chosen by labels, with the ports it serves.
 *
 * @param isolation the tier's own {@code isolate} statement, when there is one
 */
public record Tier(
        String namespace,
        String name,
        LabelSelector pods,
        List<TierPort> ports,
        boolean isolateIngress,
        boolean isolateEgress,
        Span span,
        Optional<Span> isolation) {

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
