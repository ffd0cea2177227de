package dev.netc.model;

import java.util.Objects;

/** A port or inclusive port range of one protocol. */
public record PortRange(Protocol protocol, int first, int last) {

    public static PortRange single(Protocol protocol, int port) {
        return new PortRange(protocol, port, port);
    }

    public boolean isSingle() {
        return first == last;
    }

    public boolean covers(PortRange other) {
        return protocol == other.protocol && first <= other.first && other.last <= last;
    }

    @Override
    public String toString() {
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
