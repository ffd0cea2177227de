package dev.netc.evaluator;

import java.util.Locale;

/**
 * An IPv4 or IPv6 address as a value.
 *
 * <p>Stored as two longs rather than a byte array so that records using it get value equality.
 * IPv4 addresses use the low 32 bits of {@code low}; {@code high} is then 0.
 *
 * @param family the address family
 * @param high   the first 64 bits of an IPv6 address (0 for IPv4)
 * @param low    the last 64 bits of an IPv6 address, or the 32 bits of an IPv4 address
 */
public record IpAddress(Family family, long high, long low) {

    /** Address family, with its width in bits. */
    public enum Family {
        IPV4(32),
        IPV6(128);

        private final int bits;

        Family(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }
    }

    public IpAddress {
        if (family == Family.IPV4 && (high != 0 || (low >>> 32) != 0)) {
            throw new IllegalArgumentException("IPv4 address wider than 32 bits");
        }
    }

    /**
     * Parses an address literal: dotted-quad IPv4 without leading zeros, or IPv6 text (RFC 4291,
     * including an embedded IPv4 tail). Zones ({@code %eth0}) are rejected. An IPv4-mapped IPv6
     * address ({@code ::ffff:a.b.c.d}) is returned as the IPv4 address, as Go's {@code To4} does,
     * so that it is matched like the IPv4 address it denotes.
     *
     * @throws IllegalArgumentException if the text is not an address
     */
    public static IpAddress parse(String text) {
        IpText.Parsed parsed = IpText.parseAddress(text);
        if (parsed.leadingZeros()) {
            // 010.0.0.1 is octal to some parsers and decimal to others: refuse to guess
            throw new IllegalArgumentException("IPv4 octet with a leading zero: " + text);
        }
        return parsed.address().unmapped();
    }

    /** This address with every bit after the first {@code prefixLength} bits cleared. */
    IpAddress masked(int prefixLength) {
        if (prefixLength < 0 || prefixLength > family.bits) {
            throw new IllegalArgumentException("prefix length " + prefixLength + " out of range for " + family);
        }
        if (family == Family.IPV4) {
            return new IpAddress(family, 0, low & (0xFFFF_FFFFL << (32 - prefixLength)) & 0xFFFF_FFFFL);
        }
        if (prefixLength <= 64) {
            return new IpAddress(family, high & leadingOnes(prefixLength), 0);
        }
        return new IpAddress(family, high, low & leadingOnes(prefixLength - 64));
    }

    private static long leadingOnes(int count) {
        return count == 0 ? 0 : -1L << (64 - count);
    }

    /** Whether this is an IPv4-mapped IPv6 address ({@code ::ffff:0:0/96}). */
    boolean isIpv4Mapped() {
        return family == Family.IPV6 && high == 0 && (low >>> 32) == 0xFFFFL;
    }

    /** The IPv4 address an IPv4-mapped IPv6 address stands for; any other address unchanged. */
    IpAddress unmapped() {
        return isIpv4Mapped() ? new IpAddress(Family.IPV4, 0, low & 0xFFFF_FFFFL) : this;
    }

    /** Canonical text: dotted-quad IPv4, or RFC 5952 IPv6 (lower case, longest zero run as ::). */
    @Override
    public String toString() {
        if (family == Family.IPV4) {
            return ((low >>> 24) & 0xFF) + "." + ((low >>> 16) & 0xFF) + "." + ((low >>> 8) & 0xFF) + "."
                    + (low & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            long word = i < 4 ? high : low;
            groups[i] = (int) ((word >>> (48 - 16 * (i % 4))) & 0xFFFF);
        }
        // RFC 5952 4.2: compress the longest run of two or more zero groups, the first on a tie
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                out.append("::");
                i += bestLength - 1;
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
                out.append(':');
            }
            out.append(Integer.toHexString(groups[i]).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
