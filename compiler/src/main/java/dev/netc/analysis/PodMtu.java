package dev.netc.analysis;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.model.Network;
import dev.netc.source.Span;
import java.util.Optional;

/**
 * The least MTU the pods' families need of the device a CNI creates with the MTU it derives from
 * the underlay's (the underlay's minus the tunnel's header): below it the kernel refuses the device,
 * or turns the family off on it, so no pod gets a network.
 */
final class PodMtu {
    /** The smallest MTU IPv4 allows (RFC 791). */
    static final int IPV4_MIN = 68;
    /** The smallest MTU IPv6 allows on a link (RFC 8200). */
    static final int IPV6_MIN = 1280;

    private PodMtu() {}

    /** The least MTU a family of the pods needs that {@code mtu} falls below, or 0 when it fits. */
    static int belowMinimum(int mtu, boolean ipv6) {
        if (mtu < IPV4_MIN) {
            return IPV4_MIN;
        }
        return ipv6 && mtu < IPV6_MIN ? IPV6_MIN : 0;
    }

    /**
     * NS4014 when the MTU derived from {@code underlay} leaves a family of the pods too little.
     *
     * @param block where the CNI is configured
     * @param tunnel the encapsulation, as the message names it ({@code vxlan over IPv6})
     * @param device what creates the device with the derived MTU, for the note
     */
    static Optional<Diagnostic> derivedTooSmall(
            Span block, Network underlay, int overhead, String tunnel, String device, boolean ipv6) {
        if (underlay.mtu().isEmpty()) {
            return Optional.empty();
        }
        int carried = underlay.mtu().getAsInt();
        int derived = carried - overhead;
        int minimum = belowMinimum(derived, ipv6);
        if (minimum == 0) {
            return Optional.empty();
        }
        return Optional.of(Diagnostic.of(
                        Code.NS4014,
                        block,
                        derived,
                        (minimum == IPV4_MIN ? "IPv4" : "IPv6") + " needs at least " + minimum + " bytes, and " + tunnel
                                + " takes " + overhead + " of the " + carried + " the underlay carries")
                .withSecondary(underlay.span(), "the underlay network")
                .withNote(device + " creates its device with that MTU: below the minimum the kernel refuses it, or "
                        + "turns the family off on it")
                .withHelp("raise the underlay network's `mtu`, or use a backend with less overhead"));
    }
}
