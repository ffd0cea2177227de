package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Address and CIDR parsing, canonical text and containment. */
class IpAddressTest {

    @ParameterizedTest
    @CsvSource({
        "10.42.1.10, 10.42.1.10",
        "0.0.0.0, 0.0.0.0",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:0db8::0001, 2001:db8::1",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "2001:0:0:1:0:0:0:1, 2001:0:0:1::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "::ffff:10.0.0.1, 10.0.0.1",
        "::10.0.0.1, ::a00:1",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221"
    })
    void parsesAndPrintsCanonically(String text, String canonical) {
        assertThat(IpAddress.parse(text)).hasToString(canonical);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "10.0.0",
                "10.0.0.256",
                "010.0.0.1",
                "10.0.0.1/8",
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                "1:2:3:4:5:6:7:8::",
                "::g",
                "12345::",
                "fe80::1%eth0",
                ":1::",
                "1::2:",
                "::1.2.3",
                "1.2.3.4::",
                "host.example"
            })
    void rejectsWhatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> IpAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource({
        "10.0.0.1/8, 10.0.0.0/8",
        "010.0.0.0/08, 10.0.0.0/8",
        "0.0.0.0/0, 0.0.0.0/0",
        "2001:DB8::1/32, 2001:db8::/32",
        "::ffff:10.0.0.0/104, 10.0.0.0/8",
        "::/0, ::/0"
    })
    void cidrsAreMaskedForMatching(String text, String canonical) {
        assertThat(Cidr.parse(text)).hasToString(canonical);
    }

    @Test
    void containmentIsPerFamily() {
        Cidr all = Cidr.parse("0.0.0.0/0");

        assertThat(all.contains(IpAddress.parse("192.0.2.1"))).isTrue();
        assertThat(all.contains(IpAddress.parse("2001:db8::1"))).isFalse();
        assertThat(Cidr.parse("::/0").contains(IpAddress.parse("2001:db8::1"))).isTrue();
        assertThat(Cidr.parse("10.42.3.16/28").contains(IpAddress.parse("10.42.3.31")))
                .isTrue();
        assertThat(Cidr.parse("10.42.3.16/28").contains(IpAddress.parse("10.42.3.32")))
                .isFalse();
        assertThat(Cidr.parse("2001:db8::/127").contains(IpAddress.parse("2001:db8::1")))
                .isTrue();
        assertThat(Cidr.parse("2001:db8::/127").contains(IpAddress.parse("2001:db8::2")))
                .isFalse();
    }

    @Test
    void strictSubsetNeedsALongerPrefixInside() {
        Cidr eight = Cidr.parse("10.0.0.0/8");

        assertThat(eight.strictlyContains(Cidr.parse("10.1.0.0/16"))).isTrue();
        assertThat(eight.strictlyContains(eight)).isFalse();
        assertThat(eight.strictlyContains(Cidr.parse("11.0.0.0/16"))).isFalse();
        assertThat(Cidr.parse("10.0.0.0/16").strictlyContains(eight)).isFalse();
        assertThat(Cidr.parse("::/0").strictlyContains(Cidr.parse("0.0.0.0/1"))).isFalse();
    }

    @Test
    void aCidrRecordMayNotHaveHostBits() {
        assertThatThrownBy(() -> new Cidr(IpAddress.parse("10.0.0.1"), 8)).isInstanceOf(IllegalArgumentException.class);
    }
}
