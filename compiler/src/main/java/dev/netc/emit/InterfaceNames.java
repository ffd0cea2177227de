package dev.netc.emit;

import dev.netc.model.Cluster;
import dev.netc.model.Network;
import dev.netc.model.Node;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** The names the nodes give their interface on a network, which CNI charts take as a name or a regex. */
final class InterfaceNames {
    private InterfaceNames() {}

    /** Each node's first interface on the network, each name once, in node order. */
    static Set<String> on(Cluster cluster, Network network) {
        Set<String> names = new LinkedHashSet<>();
        for (Node node : cluster.nodes()) {
            node.interfaces().stream()
                    .filter(i -> i.network().name().equals(network.name()))
                    .map(Node.Interface::name)
                    .findFirst()
                    .ifPresent(names::add);
        }
        return names;
    }

    /** {@code ^(eth1|enp3s0)$}: one cluster-wide value for names that differ per node. */
    static String regex(Set<String> names) {
        return "^("
                + String.join(
                        "|",
                        names.stream()
                                .map(Pattern::quote)
                                .map(InterfaceNames::plain)
                                .toList()) + ")$";
    }

    /** Interface names are letters, digits and a few marks; write them without \Q...\E where possible. */
    private static String plain(String quoted) {
        String name = quoted.substring(2, quoted.length() - 2);
        return name.matches("[A-Za-z0-9_-]+") ? name : quoted;
    }
}
