package dev.netc.net;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address. Parsing is strict in the way the Kubernetes API server's strict
 * validation is: no leading zeros in IPv4 octets, no IPv4-mapped IPv6 forms.
 */
public record IpAddress(Family family, BigInteger value) implements Comparable<IpAddress> {

    public enum Family {
        V4(32),
        V6(128);

        private final int bits;

        Family(int bits) {
            this.bits = bits;
        }

        public int bits() {
            return bits;
        }
    }

    public static Optional<IpAddress> parse(String text) {
        if (text.indexOf(':') >= 0) {
            return parseV6(text);
        }
        return parseV4(text);
    }

    private static Optional<IpAddress> parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        long value = 0;
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || !isDigits(part)
                    || (part.length() > 1 && part.charAt(0) == '0')) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(part);
            if (octet > 255) {
                return Optional.empty();
            }
            value = (value << 8) | octet;
        }
        return Optional.of(new IpAddress(Family.V4, BigInteger.valueOf(value)));
    }

    private static Optional<IpAddress> parseV6(String text) {
        int doubleColon = text.indexOf("::");
        if (doubleColon != text.lastIndexOf("::") || text.contains(":::") || text.contains(".")) {
            return Optional.empty();
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        String[] headGroups = head.isEmpty() ? new String[0] : head.split(":", -1);
        String[] tailGroups = tail.isEmpty() ? new String[0] : tail.split(":", -1);
        int count = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? count != 8 : count > 7) {
            return Optional.empty();
        }
        // groups after `::` are right-aligned; the zero run fills the gap
        int[] groups = new int[8];
        for (int i = 0; i < count; i++) {
            boolean inHead = i < headGroups.length;
            String group = inHead ? headGroups[i] : tailGroups[i - headGroups.length];
            if (!isHexGroup(group)) {
                return Optional.empty();
            }
            groups[inHead ? i : 8 - count + i] = Integer.parseInt(group, 16);
        }
        BigInteger value = BigInteger.ZERO;
        for (int group : groups) {
            value = value.shiftLeft(16).or(BigInteger.valueOf(group));
        }
        return Optional.of(new IpAddress(Family.V6, value));
    }

    private static boolean isHexGroup(String group) {
        if (group.isEmpty() || group.length() > 4) {
            return false;
        }
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (c >= 128 || Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Only ASCII digits (a loop, not {@code chars()}: an int stream's first use costs start-up time). */
    static boolean isDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The address {@code offset} places after this one (used for "10th address of services"). */
    /** {@code 0.0.0.0} or {@code ::}: every address of the machine, when listening. */
    public boolean isUnspecified() {
        return value.signum() == 0;
    }

    /** {@code 127.0.0.0/8} or {@code ::1}: the machine itself. */
    public boolean isLoopback() {
        return family == Family.V4 ? value.shiftRight(24).intValue() == 127 : value.equals(BigInteger.ONE);
    }

    public IpAddress plus(long offset) {
        return new IpAddress(family, value.add(BigInteger.valueOf(offset)));
    }

    /** Canonical text: dotted decimal, or RFC 5952 for IPv6 (lowercase, longest zero run compressed). */
    @Override
    public String toString() {
        if (family == Family.V4) {
            long v = value.longValue();
            return ((v >> 24) & 255) + "." + ((v >> 16) & 255) + "." + ((v >> 8) & 255) + "." + (v & 255);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = value.shiftRight(16 * (7 - i)).intValue() & 0xffff;
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; i++) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
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
            out.append(Integer.toHexString(groups[i]));
        }
        return out.toString();
    }

    @Override
    public int compareTo(IpAddress other) {
        int byFamily = family.compareTo(other.family);
        return byFamily != 0 ? byFamily : value.compareTo(other.value);
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof IpAddress that
                && Objects.equals(family, that.family)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(family) + Objects.hashCode(value);
    }
}
