package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.net.Cidr;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link ExternalResolver#minimal}: the sorted ranges that no other range covers. */
class ExternalResolverTest {
    private static Cidr cidr(String text) {
        return ((Cidr.ParseResult.Ok) Cidr.parse(text)).cidr();
    }

    private static List<Cidr> cidrs(String... texts) {
        return List.of(texts).stream().map(ExternalResolverTest::cidr).toList();
    }

    @Test
    void coveredDuplicateAndNestedRangesAreDropped() {
        assertThat(ExternalResolver.minimal(cidrs("10.1.2.0/24", "192.168.0.0/16", "10.0.0.0/8", "10.1.0.0/16",
                "192.168.0.0/16", "172.16.0.0/12", "fd00::/8", "fd00:1::/32", "2001:db8::/32")))
                .containsExactlyElementsOf(cidrs("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "2001:db8::/32", "fd00::/8"));
    }

    @Test
    void agreesWithComparingEveryPairOnRandomRanges() {
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            List<Cidr> input = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                // few distinct addresses and prefixes, so that many ranges nest or repeat
                String address = "10." + random.nextInt(4) + "." + random.nextInt(4) * 64 + ".0";
                input.add(Cidr.of(cidr(address + "/32").address(), 8 + random.nextInt(17)));
            }
            List<Cidr> expected = new ArrayList<>();
            for (Cidr candidate : new TreeSet<>(input)) {
                if (input.stream().noneMatch(other -> !other.equals(candidate) && other.covers(candidate))) {
                    expected.add(candidate);
                }
            }
            assertThat(ExternalResolver.minimal(input)).as("round %d: %s", round, input).isEqualTo(expected);
        }
    }
}
