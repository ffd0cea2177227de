package dev.netc.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** CIDR parsing: canonical ranges only; host bits are reported with the range probably meant. */
class CidrTest {

    @ParameterizedTest
    @CsvSource({
        "10.42.0.0/16, 10.42.0.0/16",
        "0.0.0.0/0, 0.0.0.0/0",
        "10.0.1.10/32, 10.0.1.10/32",
        "::/0, ::/0",
        "fd00:42::/56, fd00:42::/56",
        "2001:DB8::/32, 2001:db8::/32",
        "2001:0db8:0000::/48, 2001:db8::/48",
        "fd00::1/128, fd00::1/128",
    })
    void parsesCanonicalRanges(String text, String canonical) {
        assertThat(ok(text)).hasToString(canonical);
    }

    @ParameterizedTest
    @CsvSource({
        "10.42.0.1/16, 10.42.0.0/16",
        "10.0.1.10/24, 10.0.1.0/24",
        "192.168.1.129/25, 192.168.1.128/25",
        "255.255.255.255/1, 128.0.0.0/1",
        "1.2.3.4/0, 0.0.0.0/0",
        "fd00:42::1/56, fd00:42::/56",
        "2001:db8::ffff/112, 2001:db8::/112",
    })
    void reportsHostBitsWithTheMaskedRange(String text, String masked) {
        Cidr.ParseResult result = Cidr.parse(text);

        assertThat(result).isInstanceOf(Cidr.ParseResult.HostBitsSet.class);
        assertThat(((Cidr.ParseResult.HostBitsSet) result).masked()).hasToString(masked);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "10.0.0.0",
                "10.0.0.0/",
                "10.0.0.0/33",
                "10.0.0.0/-1",
                "10.0.0.0/08",
                "10.0.0.0/0x8",
                "10.0.0.0/8/8",
                "10.0.0.0/ 8",
                "10.0.0.0/1000",
                "010.0.0.0/8",
                "10.0.0/8",
                "/8",
                "::/129",
                "fd00::/064",
                "fd00:::/8",
                "fd00::/"
            })
    void rejectsMalformedRanges(String text) {
        assertThat(Cidr.parse(text)).as(text).isInstanceOf(Cidr.ParseResult.Invalid.class);
    }

    @Test
    void explainsWhyARangeIsInvalid() {
        assertThat(reason("10.0.0.0")).contains("prefix length");
        assertThat(reason("10.0.0.300/24")).contains("`10.0.0.300` is not an IP address");
        assertThat(reason("10.0.0.0/33")).contains("from 0 to 32");
        assertThat(reason("fd00::/129")).contains("from 0 to 128");
    }

    @Test
    void masksAnAddressToAPrefix() {
        IpAddress ip = IpAddress.parse("10.1.2.3").orElseThrow();

        assertThat(Cidr.of(ip, 0)).hasToString("0.0.0.0/0");
        assertThat(Cidr.of(ip, 8)).hasToString("10.0.0.0/8");
        assertThat(Cidr.of(ip, 31)).hasToString("10.1.2.2/31");
        assertThat(Cidr.of(ip, 32)).hasToString("10.1.2.3/32");
        assertThat(Cidr.host(IpAddress.parse("fd00::7").orElseThrow())).hasToString("fd00::7/128");
    }

    @Test
    void knowsItsFirstAndLastAddress() {
        Cidr cidr = ok("10.43.0.0/16");

        assertThat(cidr.first()).isEqualTo(BigInteger.valueOf(0x0A2B0000L));
        assertThat(cidr.last()).isEqualTo(BigInteger.valueOf(0x0A2BFFFFL));
        assertThat(ok("0.0.0.0/0").last()).isEqualTo(BigInteger.valueOf(0xFFFFFFFFL));
        assertThat(ok("::/0").last()).isEqualTo(BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
    }

    @Test
    void containsAddressesOfItsFamilyOnly() {
        Cidr cidr = ok("10.43.0.0/16");

        assertThat(cidr.contains(ip("10.43.0.0"))).isTrue();
        assertThat(cidr.contains(ip("10.43.255.255"))).isTrue();
        assertThat(cidr.contains(ip("10.44.0.0"))).isFalse();
        assertThat(cidr.contains(ip("10.42.255.255"))).isFalse();
        assertThat(ok("::/0").contains(ip("10.43.0.1"))).isFalse();
        assertThat(ok("0.0.0.0/0").contains(ip("::1"))).isFalse();
    }

    @Test
    void coversRangesInsideIt() {
        assertThat(ok("10.0.0.0/8").covers(ok("10.42.0.0/16"))).isTrue();
        assertThat(ok("10.0.0.0/8").covers(ok("10.0.0.0/8"))).isTrue();
        assertThat(ok("10.42.0.0/16").covers(ok("10.0.0.0/8"))).isFalse();
        assertThat(ok("10.0.0.0/8").covers(ok("11.0.0.0/16"))).isFalse();
        assertThat(ok("0.0.0.0/0").covers(ok("::/0"))).isFalse();
        assertThat(ok("fd00::/8").covers(ok("fd00:42::/56"))).isTrue();
        assertThat(ok("10.0.0.0/24").covers(ok("10.0.0.255/32"))).isTrue();
        assertThat(ok("10.0.0.0/24").covers(ok("10.0.1.0/32"))).isFalse();
    }

    @Test
    void overlapsWhenOneCoversTheOther() {
        assertThat(ok("10.0.0.0/8").overlaps(ok("10.42.0.0/16"))).isTrue();
        assertThat(ok("10.42.0.0/16").overlaps(ok("10.0.0.0/8"))).isTrue();
        assertThat(ok("10.42.0.0/16").overlaps(ok("10.43.0.0/16"))).isFalse();
        assertThat(ok("10.42.0.0/15").overlaps(ok("10.43.0.0/16"))).isTrue();
        assertThat(ok("192.168.0.0/16").overlaps(ok("fd00::/8"))).isFalse();
    }

    @Test
    void sortsByAddressThenPrefix() {
        assertThat(ok("10.0.0.0/8")).isLessThan(ok("10.0.0.0/16"));
        assertThat(ok("10.0.0.0/16")).isLessThan(ok("10.1.0.0/16"));
        assertThat(ok("255.0.0.0/8")).isLessThan(ok("::/0"));
    }

    private static Cidr ok(String text) {
        Cidr.ParseResult result = Cidr.parse(text);
        assertThat(result).as(text).isInstanceOf(Cidr.ParseResult.Ok.class);
        return ((Cidr.ParseResult.Ok) result).cidr();
    }

    private static String reason(String text) {
        Cidr.ParseResult result = Cidr.parse(text);
        assertThat(result).as(text).isInstanceOf(Cidr.ParseResult.Invalid.class);
        return ((Cidr.ParseResult.Invalid) result).reason();
    }

    private static IpAddress ip(String text) {
        return IpAddress.parse(text).orElseThrow();
    }
}
