package dev.netc.model;

import dev.netc.net.IpAddress;
import dev.netc.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * One machine of the cluster.
 *
 * @param nodeIps the addresses RKE2 registers the node with: those of the interface on the
 *     network Canal uses, else of the first interface
 */
public record Node(
        String name,
        Role role,
        List<Interface> interfaces,
        List<IpAddress> nodeIps,
        List<IpAddress> externalIps,
        Optional<IpAddress> bindAddress,
        List<Rke2Option> rke2,
        Span span) {

    public Node {
        interfaces = List.copyOf(interfaces);
        nodeIps = List.copyOf(nodeIps);
        externalIps = List.copyOf(externalIps);
        rke2 = List.copyOf(rke2);
    }

    /** A network interface of a node: {@code interface eth1 192.168.1.50 on data}. */
    public record Interface(String name, List<IpAddress> addresses, Network network) {
        public Interface {
            addresses = List.copyOf(addresses);
        }
    }
}
