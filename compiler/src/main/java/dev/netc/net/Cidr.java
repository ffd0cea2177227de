package dev.netc.net;

import java.math.BigInteger;
import java.util.Objects;
import java.util.Optional;

/** An address range {@code address/prefix}; {@link #parse} refuses host bits set beyond the prefix. */
public record Cidr(IpAddress address, int prefix) implements Comparable<Cidr> {

    /** Why a text is not a canonical CIDR. */
    public sealed interface ParseResult {
        record Ok(Cidr cidr) implements ParseResult {}

        record Invalid(String reason) implements ParseResult {}

        /** Valid except that bits beyond the prefix are set; {@code masked} is what was probably meant. */
        record HostBitsSet(Cidr masked) implements ParseResult {}
    }

    public static ParseResult parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new ParseResult.Invalid("a CIDR needs a prefix length, such as `/24`");
        }
        Optional<IpAddress> address = IpAddress.parse(text.substring(0, slash));
        if (address.isEmpty()) {
            return new ParseResult.Invalid("`" + text.substring(0, slash) + "` is not an IP address");
        }
        String prefixText = text.substring(slash + 1);
        int bits = address.get().family().bits();
        if (prefixText.isEmpty()
                || prefixText.length() > 3
                || !IpAddress.isDigits(prefixText)
                || (prefixText.length() > 1 && prefixText.charAt(0) == '0')
                || Integer.parseInt(prefixText) > bits) {
            return new ParseResult.Invalid("the prefix length must be a number from 0 to " + bits);
        }
        Cidr masked = of(address.get(), Integer.parseInt(prefixText));
        return masked.address().equals(address.get())
                ? new ParseResult.Ok(masked)
                : new ParseResult.HostBitsSet(masked);
    }

    /** The range of {@code prefix} bits containing {@code address} (host bits cleared). */
    public static Cidr of(IpAddress address, int prefix) {
        int bits = address.family().bits();
        BigInteger mask = BigInteger.ONE
                .shiftLeft(bits)
                .subtract(BigInteger.ONE)
                .xor(BigInteger.ONE.shiftLeft(bits - prefix).subtract(BigInteger.ONE));
        return new Cidr(new IpAddress(address.family(), address.value().and(mask)), prefix);
    }

    /** A single address as a /32 or /128. */
    public static Cidr host(IpAddress address) {
        return new Cidr(address, address.family().bits());
    }

    public IpAddress.Family family() {
        return address.family();
    }

    public BigInteger first() {
        return address.value();
    }

    public BigInteger last() {
        return address.value()
                .add(BigInteger.ONE.shiftLeft(family().bits() - prefix))
                .subtract(BigInteger.ONE);
    }

    public boolean contains(IpAddress ip) {
        return ip.family() == family()
                && ip.value().compareTo(first()) >= 0
                && ip.value().compareTo(last()) <= 0;
    }

    /** True when {@code other} lies entirely inside this range (equal ranges included). */
    public boolean covers(Cidr other) {
        return other.family() == family() && other.prefix >= prefix && contains(other.address);
    }

    public boolean overlaps(Cidr other) {
        return covers(other) || other.covers(this);
    }

    @Override
    public String toString() {
        return address + "/" + prefix;
    }

    @Override
    public int compareTo(Cidr other) {
        int byAddress = address.compareTo(other.address);
        return byAddress != 0 ? byAddress : Integer.compare(prefix, other.prefix);
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr that && Objects.equals(address, that.address) && prefix == that.prefix;
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(address) + Integer.hashCode(prefix);
    }
}
