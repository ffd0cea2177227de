package dev.netc.evaluator;

import java.util.Objects;

/**
 * The answer for one connection, with the reasons from both sides. The connection is allowed
 * only if the source's egress side and the destination's ingress side both allow it.
 *
 * @param source      where the connection starts
 * @param destination where it goes
 * @param port        the destination port
 * @param protocol    the protocol
 * @param egress      what the source's egress policies decided
 * @param ingress     what the destination's ingress policies decided
 */
public record Verdict(
        Endpoint source, Endpoint destination, int port, Protocol protocol, SideVerdict egress, SideVerdict ingress) {

    public Verdict {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(egress, "egress");
        Objects.requireNonNull(ingress, "ingress");
    }

    /** Whether the connection is allowed. */
    public boolean allowed() {
        return egress.allowed() && ingress.allowed();
    }

    /** A few lines for people: the connection, the outcome, then one line per side. */
    public String explain() {
        return source.displayName() + " -> " + destination.displayName() + " " + protocol + "/" + port + ": "
                + (allowed() ? "ALLOWED" : "DENIED") + "\n  " + egress.explain() + "\n  " + ingress.explain();
    }

    @Override
    public String toString() {
        return explain();
    }
}
