package dev.netc.model;

import java.util.Objects;

/** A port or inclusive port range of one protocol; 1 to 65535 is every port of the protocol. */
public record PortRange(Protocol protocol, int first, int last) implements FlowPort {
    public static final int MAX_PORT = 65535;

    public static PortRange single(Protocol protocol, int port) {
        return new PortRange(protocol, port, port);
    }

    /** {@code tcp} in a flow: every port of the protocol. */
    public static PortRange all(Protocol protocol) {
        return new PortRange(protocol, 1, MAX_PORT);
    }

    public boolean isSingle() {
        return first == last;
    }

    /** Every port of its protocol: written as the protocol alone, which needs no {@code endPort}. */
    public boolean isAll() {
        return first == 1 && last == MAX_PORT;
    }

    @Override
    public <R> R accept(FlowPort.Visitor<R> visitor) {
        return visitor.numbers(this);
    }

    public boolean covers(PortRange other) {
        return protocol == other.protocol && first <= other.first && other.last <= last;
    }

    @Override
    public String toString() {
        if (isAll()) {
            return protocol.lowerCase();
        }
        return (isSingle() ? String.valueOf(first) : first + "-" + last) + "/" + protocol.lowerCase();
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof PortRange that
                && Objects.equals(protocol, that.protocol)
                && first == that.first
                && last == that.last;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Objects.hashCode(protocol) + Integer.hashCode(first)) + Integer.hashCode(last);
    }
}
