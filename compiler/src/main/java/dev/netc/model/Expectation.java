package dev.netc.model;

import dev.netc.source.Span;
import java.util.List;

/**
 * What the emitted policies must allow ({@link Verdict#ALLOW}) or must not allow
 * ({@link Verdict#DENY}) from one peer to another: an {@code expect} statement with lists on
 * either side becomes one expectation per pair, as an {@code allow} becomes one flow per pair.
 *
 * @param ports empty means every port of every protocol
 * @param span the whole {@code expect} statement, where a failure is reported
 */
public record Expectation(Verdict verdict, Peer from, Peer to, List<FlowPort> ports, Span span) {
    public Expectation {
        ports = List.copyOf(ports);
    }

    /** Whether the connections must be allowed or denied. */
    public enum Verdict {
        /** Every connection of the expectation is allowed. */
        ALLOW,
        /** No connection of the expectation is allowed. */
        DENY;

        /** As the language writes it: {@code allow}, {@code deny}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
