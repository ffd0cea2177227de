package dev.netc.model;

import dev.netc.source.Span;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A group of pods in one namespace, chosen by labels, with the ports it serves.
 *
 * @param isolation the tier's own {@code isolate} statement, when there is one
 * @param dns the tier's own {@code dns on} or {@code dns off}, when it says one (else its namespace's applies)
 * @param dnsSwitch that {@code dns} statement
 */
public record Tier(
        String namespace,
        String name,
        LabelSelector pods,
        List<TierPort> ports,
        boolean isolateIngress,
        boolean isolateEgress,
        Span span,
        Optional<Span> isolation,
        Optional<Boolean> dns,
        Optional<Span> dnsSwitch) {

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
                && Objects.equals(isolation, that.isolation)
                && Objects.equals(dns, that.dns)
                && Objects.equals(dnsSwitch, that.dnsSwitch);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hashCode(namespace);
        hash = 31 * hash + Objects.hashCode(name);
        hash = 31 * hash + Objects.hashCode(pods);
        hash = 31 * hash + Objects.hashCode(ports);
        hash = 31 * hash + Boolean.hashCode(isolateIngress);
        hash = 31 * hash + Boolean.hashCode(isolateEgress);
        hash = 31 * hash + Objects.hashCode(span);
        hash = 31 * hash + Objects.hashCode(isolation);
        hash = 31 * hash + Objects.hashCode(dns);
        return 31 * hash + Objects.hashCode(dnsSwitch);
    }
}
