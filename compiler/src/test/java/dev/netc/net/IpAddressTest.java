package dev.netc.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.net.IpAddress.Family;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Parsing is as strict as the API server's; IPv6 text is canonical (RFC 5952). */
class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 0",
        "10.0.1.10, 167772426",
        "192.168.1.255, 3232236031",
        "255.255.255.255, 4294967295",
    })
    void parsesDottedDecimal(String text, long value) {
        IpAddress ip = IpAddress.parse(text).orElseThrow();

        assertThat(ip.family()).isEqualTo(Family.V4);
        assertThat(ip.value()).isEqualTo(BigInteger.valueOf(value));
        assertThat(ip).hasToString(text);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10",
                "10.0.1",
                "10.0.1.10.5",
                "10..1.10",
                ".10.0.1",
                "10.0.1.",
                "256.0.0.1",
                "10.0.1.300",
                "010.0.1.10",
                "10.0.1.01",
                "10.0.0.00",
                "1000.0.0.1",
                "+10.0.1.10",
                "10.0.1.-1",
                "10.0.1.1a",
                " 10.0.1.10",
                "10.0.1.10 ",
                "10.0.1.10/24",
                "0x0a.0.1.10"
            })
    void rejectsMalformedIpv4(String text) {
        assertThat(IpAddress.parse(text)).as(text).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        // input, canonical RFC 5952 text
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "2001:db8::1, 2001:db8::1",
        "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
        "2001:DB8::A, 2001:db8::a",
        "FD00:42::, fd00:42::",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "1:0:0:2:0:0:0:3, 1:0:0:2::3",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "0:0:1:0:0:0:0:0, 0:0:1::",
        "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
        "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
        "0:0:0:0:0:0:0:0, ::",
        "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    })
    void parsesIpv6AndFormatsItCanonically(String text, String canonical) {
        IpAddress ip = IpAddress.parse(text).orElseThrow();

        assertThat(ip.family()).isEqualTo(Family.V6);
        assertThat(ip).hasToString(canonical);
        assertThat(IpAddress.parse(canonical)).contains(ip);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                ":", ":::", "1:::2", "::1::", "2001:db8::1::2", "1:2:3:4:5:6:7", "1:2:3:4:5:6:7:8:9",
                        "1:2:3:4:5:6:7:8::",
                "12345::", "g::1", ":1::", "1::2:", "::ffff:10.0.0.1", "::10.0.0.1", "2001:db8::1/64", "fe80::1%eth0",
                "1:2:3:4:5:6:7:", ":2:3:4:5:6:7:8"
            })
    void rejectsMalformedIpv6(String text) {
        assertThat(IpAddress.parse(text)).as(text).isEmpty();
    }

    @Test
    void addsOffsets() {
        assertThat(IpAddress.parse("10.43.0.0").orElseThrow().plus(10)).hasToString("10.43.0.10");
        assertThat(IpAddress.parse("10.0.0.255").orElseThrow().plus(1)).hasToString("10.0.1.0");
        assertThat(IpAddress.parse("fd00:43::").orElseThrow().plus(10)).hasToString("fd00:43::a");
    }

    @Test
    void ordersIpv4BeforeIpv6AndThenByValue() {
        IpAddress low = IpAddress.parse("10.0.0.1").orElseThrow();
        IpAddress high = IpAddress.parse("10.0.0.2").orElseThrow();
        IpAddress v6 = IpAddress.parse("::1").orElseThrow();

        assertThat(low).isLessThan(high);
        assertThat(high).isLessThan(v6);
        assertThat(IpAddress.parse("::ffff:0:0").orElseThrow())
                .isNotEqualTo(IpAddress.parse("0.0.0.0").orElseThrow());
    }
}
