package dev.netc.model;

import dev.netc.source.Span;
import java.util.List;
import java.util.Objects;
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
        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof TierPort that
                    && Objects.equals(name, that.name)
                    && Objects.equals(range, that.range);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(name) + Objects.hashCode(range);
        }
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof Tier that
                && Objects.equals(namespace, that.namespace)
                && Objects.equals(name, that.name)
                && Objects.equals(pods, that.pods)
                && Objects.equals(ports, that.ports)
                && isolateIngress == that.isolateIngress
                && isolateEgress == that.isolateEgress
                && Objects.equals(span, that.span)
                && Objects.equals(isolation, that.isolation);
    }

    @Override
    public int hashCode() {
        return 31
                        * (31
                                        * (31
                                                        * (31
                                                                        * (31
                                                                                        * (31
                                                                                                        * (31
                                                                                                                        * Objects
                                                                                                                                .hashCode(
                                                                                                                                        namespace)
                                                                                                                + Objects
                                                                                                                        .hashCode(
                                                                                                                                name))
                                                                                                + Objects.hashCode(
                                                                                                        pods))
                                                                                + Objects.hashCode(ports))
                                                                + Boolean.hashCode(isolateIngress))
                                                + Boolean.hashCode(isolateEgress))
                                + Objects.hashCode(span))
                + Objects.hashCode(isolation);
    }
}
