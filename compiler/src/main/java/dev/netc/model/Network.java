package dev.netc.model;

import dev.netc.net.Cidr;
import dev.netc.source.Span;
import java.util.List;
import java.util.OptionalInt;

/**
 * A physical (underlay) network that node interfaces sit on.
 *
 * @param span its `cidr` property (its block when that is missing)
 */
public record Network(String name, List<Cidr> cidrs, OptionalInt mtu, Span span) {
    public Network {
        cidrs = List.copyOf(cidrs);
    }
}
