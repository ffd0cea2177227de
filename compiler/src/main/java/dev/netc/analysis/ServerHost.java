package dev.netc.analysis;

import dev.netc.model.Node;
import dev.netc.model.Role;
import dev.netc.net.IpAddress;
import java.util.List;
import java.util.Optional;

/**
 * What can stand as provider-rke2's {@code control_plane_host}: joining nodes dial
 * {@code https://HOST:9345} and the servers put HOST in their certificate (server-address.tsv,
 * read from k3s, Go's net package and k3s's certificate code).
 */
final class ServerHost {
    private ServerHost() {}

    /** Why the host cannot be the control-plane host, if it cannot. */
    static Optional<String> problem(String host, List<Node> nodes) {
        if (host.isEmpty()) {
            return Optional.of("it is empty: joining nodes would dial `https://:9345`, which is themselves");
        }
        if (host.contains("://")) {
            return Optional.of("it has a scheme; the provider adds `https://`");
        }
        Optional<IpAddress> ip = IpAddress.parse(host);
        if (ip.isPresent()) {
            return address(ip.get(), nodes);
        }
        if (host.indexOf(':') >= 0) {
            return Optional.of(
                    host.matches(".*:\\d+$")
                            ? "it has a port; the provider adds `:9345`"
                            : "an IPv6 address: the provider writes `https://" + host
                                    + ":9345` without brackets, which Go refuses");
        }
        if (isDigitsAndDots(host)) {
            return Optional.of("it is not an IPv4 address Go accepts (no leading zeros, four numbers up to 255), so Go "
                    + "takes it for a name, and its resolver refuses all-numeric names");
        }
        return hostName(host);
    }

    /**
     * {@code server vip ADDRESS}: an IPv4 address that moves between the servers (kube-vip,
     * keepalived). It must belong to no node: a node holding it for good would take every join,
     * and the init node first of all would answer while it is down.
     */
    static Optional<String> floatingProblem(String host, List<Node> nodes) {
        Optional<IpAddress> ip = IpAddress.parse(host).filter(a -> a.family() == IpAddress.Family.V4);
        if (ip.isEmpty()) {
            return Optional.of("a floating join address is an IPv4 address; for a name, write `server NAME`");
        }
        Optional<String> problem = address(ip.get(), List.of());
        if (problem.isPresent()) {
            return problem;
        }
        return nodes.stream()
                .filter(n -> n.interfaces().stream().anyMatch(i -> i.addresses().contains(ip.get())))
                .findFirst()
                .map(n -> "it is an address of node `" + n.name() + "`: a floating address belongs to no node");
    }

    private static Optional<String> address(IpAddress ip, List<Node> nodes) {
        if (ip.family() == IpAddress.Family.V6) {
            return Optional.of("the provider writes `https://" + ip + ":9345` without brackets around an IPv6 address");
        }
        if (ip.isLoopback() || ip.isUnspecified()) {
            return Optional.of("it means the machine itself: every node would dial itself and never join");
        }
        return nodes.stream()
                .filter(n -> n.role() != Role.INIT && n.nodeIps().contains(ip))
                .findFirst()
                .map(n ->
                        "it is the address of node `" + n.name() + "`, which would join itself; it must reach the init "
                                + "node (or a VIP or name in front of the servers)");
    }

    /**
     * An RFC 1123 host name: labels of letters, digits and inner hyphens. k3s drops a name with a
     * trailing dot from the certificate, so joining servers fail to verify it; underscores work in
     * k3s and Go but not in every resolver on the way, so netc refuses them too.
     */
    private static Optional<String> hostName(String host) {
        if (host.endsWith(".")) {
            return Optional.of(
                    "a trailing dot: k3s drops the name from the certificate, and joining servers cannot verify it");
        }
        if (host.length() > 253) {
            return Optional.of("host names have at most 253 characters");
        }
        for (String label : host.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) {
                return Optional.of(
                        "not a host name: labels of 1 to 63 letters, digits and inner hyphens, separated by dots");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                    return Optional.of("not a host name: `" + c + "` is not a letter, digit or hyphen");
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isDigitsAndDots(String host) {
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.')) {
                return false;
            }
        }
        return true;
    }
}
