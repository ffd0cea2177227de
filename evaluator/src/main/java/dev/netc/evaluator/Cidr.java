package dev.netc.evaluator;

/**
 * An IP network: a masked address and a prefix length.
 *
 * @param network      the network address (no bits set beyond the prefix)
 * @param prefixLength number of leading bits that are fixed
 */
public record Cidr(IpAddress network, int prefixLength) {

    public Cidr {
        if (!network.masked(prefixLength).equals(network)) {
            throw new IllegalArgumentException("host bits set in " + network + "/" + prefixLength);
        }
    }

    /**
     * Parses CIDR text the way the API server's legacy parser reads it for matching: host bits are
     * masked off ({@code 10.0.0.1/8} is {@code 10.0.0.0/8}) and leading zeros read as decimal.
     * An IPv4-mapped IPv6 CIDR of prefix 96 or more becomes the IPv4 CIDR it covers, as Go's
     * {@code IPNet.Contains} treats it. Use {@link ApiServerValidator} to reject such text.
     *
     * @throws IllegalArgumentException if the text is not a CIDR
     */
    public static Cidr parse(String text) {
        IpText.ParsedCidr parsed = IpText.parseCidr(text);
        IpAddress address = parsed.address();
        int prefix = parsed.prefixLength();
        if (address.isIpv4Mapped() && prefix >= 96) {
            address = address.unmapped();
            prefix -= 96;
        }
        return new Cidr(address.masked(prefix), prefix);
    }

    /** Whether {@code address} lies in this network; addresses of the other family never do. */
    public boolean contains(IpAddress address) {
        return address.family() == network.family()
                && address.masked(prefixLength).equals(network);
    }

    /** Whether {@code other} is a strict subset: inside this network with a longer prefix. */
    public boolean strictlyContains(Cidr other) {
        return contains(other.network) && other.prefixLength > prefixLength;
    }

    @Override
    public String toString() {
        return network + "/" + prefixLength;
    }
}
