package dev.netc.query;

import dev.netc.evaluator.Endpoint;
import dev.netc.evaluator.NamedPort;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.PolicyPort;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ports a rule's {@code ports} list admits on a destination, as a {@link PortSet}: exactly
 * the ports {@link PolicyPort#matches} accepts, worked out from the entries rather than asked
 * port by port. A named port admits the port of that name on the destination pod, when its
 * protocol is the entry's; so a list with one depends on the destination, and a list without
 * is worked out once.
 */
final class RulePorts {
    private final Map<List<PolicyPort>, PortSet> fixed = new HashMap<>();

    /** The ports {@code entries} admit towards {@code destination}; every port when the list is empty. */
    PortSet of(List<PolicyPort> entries, Endpoint destination) {
        if (entries.isEmpty()) {
            return PortSet.ALL;
        }
        if (entries.stream().noneMatch(PolicyPort.NamedPortRef.class::isInstance)) {
            return fixed.computeIfAbsent(entries, e -> ports(e, destination));
        }
        return ports(entries, destination);
    }

    private static PortSet ports(List<PolicyPort> entries, Endpoint destination) {
        List<PortRange> ranges = new ArrayList<>();
        for (PolicyPort entry : entries) {
            Protocol protocol = Protocol.valueOf(entry.protocol().name());
            if (entry instanceof PolicyPort.AllPorts) {
                ranges.add(new PortRange(protocol, 1, PortSet.MAX_PORT));
            } else if (entry instanceof PolicyPort.PortRange range) {
                ranges.add(new PortRange(protocol, range.first(), range.last()));
            } else if (entry instanceof PolicyPort.NamedPortRef named && destination instanceof Pod pod) {
                NamedPort port = pod.namedPorts().get(named.name());
                if (port != null && port.protocol() == named.protocol()) {
                    ranges.add(PortRange.single(protocol, port.port()));
                }
            }
        }
        return PortSet.of(ranges);
    }
}
