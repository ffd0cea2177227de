package dev.netc.evaluator;

import java.util.List;

/**
 * One ingress or egress rule. A connection matches when it matches one of the peers and one of
 * the ports; an empty peer list means every source or destination (external ones included) and
 * an empty port list means every port of every protocol.
 *
 * @param peers the {@code from} (ingress) or {@code to} (egress) list
 * @param ports the {@code ports} list
 */
public record Rule(List<Peer> peers, List<PolicyPort> ports) {

    public Rule {
        peers = List.copyOf(peers);
        ports = List.copyOf(ports);
    }

    /**
     * Whether this rule admits the connection.
     *
     * @param other           the remote endpoint (source for ingress, destination for egress)
     * @param destination     the connection's destination, on which named ports resolve
     * @param policyNamespace the namespace of the policy holding this rule
     */
    boolean admits(
            Endpoint other,
            Endpoint destination,
            int port,
            Protocol protocol,
            String policyNamespace,
            Universe universe) {
        boolean peerMatches =
                peers.isEmpty() || peers.stream().anyMatch(peer -> peer.matches(other, policyNamespace, universe));
        return peerMatches
                && (ports.isEmpty() || ports.stream().anyMatch(entry -> entry.matches(port, protocol, destination)));
    }
}
