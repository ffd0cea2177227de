package dev.netc.evaluator;

import java.util.Map;
import java.util.Objects;

/**
 * A pod of the universe.
 *
 * @param namespace  its namespace
 * @param name       its name, unique in the namespace
 * @param labels     its labels, which pod selectors test
 * @param ip         its pod IP, which ipBlock peers test (Calico semantics)
 * @param namedPorts its container port names, which named ports in policies resolve against
 */
public record Pod(
        String namespace, String name, Map<String, String> labels, IpAddress ip, Map<String, NamedPort> namedPorts)
        implements Endpoint {

    public Pod {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ip, "ip");
        labels = Map.copyOf(labels);
        namedPorts = Map.copyOf(namedPorts);
    }

    @Override
    public String displayName() {
        return namespace + "/" + name;
    }
}
