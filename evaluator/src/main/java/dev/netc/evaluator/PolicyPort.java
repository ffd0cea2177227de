package dev.netc.evaluator;

import java.util.Objects;

/** One element of a rule's {@code ports} list, after defaulting the protocol to TCP. */
public sealed interface PolicyPort permits PolicyPort.AllPorts, PolicyPort.PortRange, PolicyPort.NamedPortRef {

    /** The protocol this entry admits; it never admits another. */
    Protocol protocol();

    /**
     * Whether a connection to {@code port}/{@code protocol} on {@code destination} is admitted.
     * The destination matters for named ports, which resolve on the destination pod for ingress
     * and egress rules alike.
     */
    boolean matches(int port, Protocol protocol, Endpoint destination);

    /**
     * {@code {protocol: P}} without a port: every port of that protocol.
     *
     * @param protocol the protocol admitted
     */
    record AllPorts(Protocol protocol) implements PolicyPort {

        public AllPorts {
            Objects.requireNonNull(protocol, "protocol");
        }

        @Override
        public boolean matches(int port, Protocol protocol, Endpoint destination) {
            return this.protocol == protocol;
        }
    }

    /**
     * A numeric port, or a range {@code port..endPort} (inclusive) when {@code endPort} is given.
     *
     * @param protocol the protocol admitted
     * @param first    the first port admitted
     * @param last     the last port admitted ({@code first} for a single port)
     */
    record PortRange(Protocol protocol, int first, int last) implements PolicyPort {

        public PortRange {
            Objects.requireNonNull(protocol, "protocol");
            if (first < 1 || last > 65535 || last < first) {
                throw new IllegalArgumentException("bad port range " + first + ".." + last);
            }
        }

        @Override
        public boolean matches(int port, Protocol protocol, Endpoint destination) {
            return this.protocol == protocol && port >= first && port <= last;
        }
    }

    /**
     * A named port: whatever port the destination pod gives that name. It matches nothing on a
     * pod without that name, on a pod whose port of that name has another protocol, and on an
     * external destination.
     *
     * @param protocol the protocol admitted
     * @param name     the container port name
     */
    record NamedPortRef(Protocol protocol, String name) implements PolicyPort {

        public NamedPortRef {
            Objects.requireNonNull(protocol, "protocol");
            Objects.requireNonNull(name, "name");
        }

        @Override
        public boolean matches(int port, Protocol protocol, Endpoint destination) {
            if (this.protocol != protocol || !(destination instanceof Pod pod)) {
                return false;
            }
            NamedPort named = pod.namedPorts().get(name);
            return named != null && named.protocol() == protocol && named.port() == port;
        }
    }
}
