package dev.netc.evaluator;

import java.util.Arrays;
import java.util.Optional;

/**
 * Parser for IP address and CIDR text, shared by the evaluator (which, like the API server's
 * legacy parser, accepts sloppy text and masks it) and the validator (which reports the
 * sloppiness that strict validation, KEP-4858, rejects). Hand-written rather than
 * {@link java.net.InetAddress} because that class resolves host names and accepts forms
 * Go does not.
 */
final class IpText {

    private IpText() {}

    /** A parsed address and whether any IPv4 octet had a leading zero. */
    record Parsed(IpAddress address, boolean leadingZeros) {}

    /** A parsed CIDR, unmasked, with the flaws that strict validation rejects. */
    record ParsedCidr(IpAddress address, int prefixLength, boolean leadingZeros) {

        boolean hostBitsSet() {
            return !address.masked(prefixLength).equals(address);
        }
    }

    static ParsedCidr parseCidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("not a CIDR (no prefix length): " + text);
        }
        Parsed address = parseAddress(text.substring(0, slash));
        String prefix = text.substring(slash + 1);
        // up to 9 digits keeps parseInt safe; more than 3 can only be leading zeros or too large
        if (prefix.isEmpty() || prefix.length() > 9 || !prefix.chars().allMatch(IpText::isDigit)) {
            throw new IllegalArgumentException("not a CIDR (bad prefix length): " + text);
        }
        int length = Integer.parseInt(prefix);
        if (length > address.address().family().bits()) {
            throw new IllegalArgumentException("not a CIDR (prefix length too large): " + text);
        }
        boolean prefixLeadingZero = prefix.length() > 1 && prefix.charAt(0) == '0';
        return new ParsedCidr(address.address(), length, address.leadingZeros() || prefixLeadingZero);
    }

    static Parsed parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        return parseIpv4(text).orElseThrow(() -> new IllegalArgumentException("not an IP address: " + text));
    }

    private static Optional<Parsed> parseIpv4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        boolean leadingZeros = false;
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(IpText::isDigit)) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            leadingZeros |= part.length() > 1 && part.charAt(0) == '0';
            value = (value << 8) | octet;
        }
        return Optional.of(new Parsed(new IpAddress(IpAddress.Family.IPV4, 0, value), leadingZeros));
    }

    private static Parsed parseIpv6(String text) {
        int ellipsis = text.indexOf("::");
        if (ellipsis >= 0 && text.indexOf("::", ellipsis + 1) >= 0) {
            throw new IllegalArgumentException("more than one '::' in " + text);
        }
        Groups head = groups(ellipsis >= 0 ? text.substring(0, ellipsis) : text, ellipsis < 0, text);
        Groups tail = ellipsis >= 0 ? groups(text.substring(ellipsis + 2), true, text) : Groups.NONE;
        int total = head.values().length + tail.values().length;
        if (ellipsis < 0 ? total != 8 : total > 7) {
            // "::" must stand for at least one group, as in Go's parser
            throw new IllegalArgumentException("wrong number of groups in " + text);
        }
        int[] all = new int[8];
        System.arraycopy(head.values(), 0, all, 0, head.values().length);
        System.arraycopy(tail.values(), 0, all, 8 - tail.values().length, tail.values().length);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 4; i++) {
            high = (high << 16) | all[i];
            low = (low << 16) | all[i + 4];
        }
        return new Parsed(new IpAddress(IpAddress.Family.IPV6, high, low), head.leadingZeros() || tail.leadingZeros());
    }

    /** 16-bit groups read from one side of "::", and whether an IPv4 tail had leading zeros. */
    private record Groups(int[] values, boolean leadingZeros) {
        static final Groups NONE = new Groups(new int[0], false);
    }

    /**
     * Reads colon-separated hex groups; an IPv4 tail (allowed only at the end of the address)
     * fills two groups.
     */
    private static Groups groups(String part, boolean mayEndWithIpv4, String text) {
        if (part.isEmpty()) {
            return Groups.NONE;
        }
        String[] pieces = part.split(":", -1);
        int[] values = new int[8];
        int count = 0;
        boolean leadingZeros = false;
        for (int i = 0; i < pieces.length; i++) {
            String piece = pieces[i];
            if (count >= 8) {
                throw new IllegalArgumentException("too many groups in " + text);
            }
            if (piece.indexOf('.') >= 0 && i == pieces.length - 1 && mayEndWithIpv4 && count <= 6) {
                Parsed ipv4 =
                        parseIpv4(piece).orElseThrow(() -> new IllegalArgumentException("bad IPv4 tail in " + text));
                leadingZeros = ipv4.leadingZeros();
                values[count++] = (int) (ipv4.address().low() >>> 16);
                values[count++] = (int) (ipv4.address().low() & 0xFFFF);
                continue;
            }
            if (piece.isEmpty() || piece.length() > 4 || !piece.chars().allMatch(IpText::isHex)) {
                throw new IllegalArgumentException("bad group '" + piece + "' in " + text);
            }
            values[count++] = Integer.parseInt(piece, 16);
        }
        return new Groups(Arrays.copyOf(values, count), leadingZeros);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHex(int c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
