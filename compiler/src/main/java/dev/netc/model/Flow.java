package dev.netc.model;

import dev.netc.source.Span;
import java.util.List;

/**
 * One allowed connection kind: from one peer to another on some ports. An {@code allow} with
 * lists on either side becomes one flow per pair.
 *
 * @param ports empty means every port and protocol
 * @param sides the sides that get a rule (when they are isolated)
 */
public record Flow(Peer from, Peer to, List<FlowPort> ports, Span span, Sides sides) {
    public Flow {
        ports = List.copyOf(ports);
    }
}
