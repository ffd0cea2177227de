package dev.netc.model;

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
}
