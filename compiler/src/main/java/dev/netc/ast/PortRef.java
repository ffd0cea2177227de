package dev.netc.ast;

import dev.netc.source.Span;

/** A port as written in a flow or a port constant; each kind is handled through a {@link Visitor}. */
public sealed interface PortRef {
    Span span();

    <R> R accept(Visitor<R> visitor);

    /** One method per kind of port reference. */
    interface Visitor<R> {
        R literal(Literal port);

        R bare(Bare port);

        R named(Named port);

        R protocol(Protocol port);

        R containerPort(ContainerPort port);
    }

    /** {@code 80/tcp}, {@code 8000-8100/tcp}. */
    record Literal(String text, Span span) implements PortRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.literal(this);
        }
    }

    /** {@code 9090} without a protocol: always an error, kept to explain it. */
    record Bare(long number, Span span) implements PortRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bare(this);
        }
    }

    /** {@code http}: a port of the target tier or a port constant. */
    record Named(Name name) implements PortRef {
        public Span span() {
            return name.span();
        }

        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.named(this);
        }
    }

    /** {@code tcp}, {@code udp}, {@code sctp}: every port of the protocol. */
    record Protocol(String protocol, Span span) implements PortRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.protocol(this);
        }
    }

    /**
     * {@code http/tcp}: the destination pod's container port of that name, resolved by Kubernetes
     * on each pod (unlike {@code http}, a port of the target tier or a constant, which is a number).
     */
    record ContainerPort(Name name, String protocol, Span span) implements PortRef {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.containerPort(this);
        }
    }
}
