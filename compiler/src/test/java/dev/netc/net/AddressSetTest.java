package dev.netc.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * {@link AddressSet}: sets combine exactly, and {@link AddressSet#blocks()} says each set as
 * ipBlocks whose union is the set, each exception strictly inside its block.
 */
class AddressSetTest {
    private static Cidr cidr(String text) {
        return ((Cidr.ParseResult.Ok) Cidr.parse(text)).cidr();
    }

    private static List<Cidr> cidrs(String... texts) {
        return List.of(texts).stream().map(AddressSetTest::cidr).toList();
    }

    private static AddressSet set(String... texts) {
        return AddressSet.of(cidrs(texts));
    }

    private static Map<String, List<String>> blocks(AddressSet set) {
        Map<String, List<String>> blocks = new LinkedHashMap<>();
        set.blocks()
                .forEach((cidr, except) -> blocks.put(
                        cidr.toString(), except.stream().map(Cidr::toString).toList()));
        return blocks;
    }

    @Test
    void coveredDuplicateAndNestedRangesAreDropped() {
        assertThat(set(
                                "10.1.2.0/24",
                                "192.168.0.0/16",
                                "10.0.0.0/8",
                                "10.1.0.0/16",
                                "192.168.0.0/16",
                                "172.16.0.0/12",
                                "fd00::/8",
                                "fd00:1::/32",
                                "2001:db8::/32")
                        .blocks()
                        .keySet())
                .containsExactlyElementsOf(
                        cidrs("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "2001:db8::/32", "fd00::/8"));
    }

    @Test
    void aFlatExternalIsOneBlockPerIncludedRangeWithTheExceptionsInsideIt() {
        // std/networks' internet, with the default pod and service ranges inside 10.0.0.0/8
        AddressSet internet = set("0.0.0.0/0", "::/0")
                .minus(set(
                        "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "10.42.0.0/16", "10.43.0.0/16"));
        assertThat(blocks(internet))
                .isEqualTo(Map.of(
                        "0.0.0.0/0", List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"),
                        "::/0", List.of("fc00::/7")));
        assertThat(internet.blocks().keySet()).containsExactly(cidr("0.0.0.0/0"), cidr("::/0"));
    }

    @Test
    void aRangeExceptedFromAnExceptionIsABlockOfItsOwn() {
        AddressSet office = set("10.1.0.0/16").minus(set("10.1.7.0/24"));
        AddressSet lan = set("10.0.0.0/8").minus(office);
        assertThat(blocks(lan))
                .containsExactly(Map.entry("10.0.0.0/8", List.of("10.1.0.0/16")), Map.entry("10.1.7.0/24", List.of()));
    }

    @Test
    void aRangeThatItsExceptionsCoverIsNoBlock() {
        AddressSet halves = set("10.0.0.0/8").minus(set("10.0.0.0/9", "10.128.0.0/9"));
        assertThat(halves.isEmpty()).isTrue();
        assertThat(halves.blocks()).isEmpty();
        assertThat(halves.union(set("10.1.0.0/16")).blocks()).containsOnlyKeys(cidr("10.1.0.0/16"));
        assertThat(set("10.0.0.0/16").minus(set("10.0.0.0/8")).isEmpty()).isTrue();
    }

    @Test
    void overlapsIsWhetherARangeSharesAnAddress() {
        AddressSet set = set("10.0.0.0/8").minus(set("10.1.0.0/16"));
        assertThat(set.overlaps(cidr("10.1.0.0/16"))).isFalse();
        assertThat(set.overlaps(cidr("10.1.2.0/24"))).isFalse();
        assertThat(set.overlaps(cidr("10.0.0.0/15"))).isTrue();
        assertThat(set.overlaps(cidr("0.0.0.0/0"))).isTrue();
        assertThat(set.overlaps(cidr("11.0.0.0/8"))).isFalse();
        assertThat(set.overlaps(cidr("::/0"))).isFalse();
    }

    /** Random unions, differences and intersections of nested and disjoint ranges, against a set of every address. */
    @Test
    void agreesWithEveryAddressOnRandomExpressions() {
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            // ranges of the 256 addresses 10.0.0.0/24, nested often
            List<AddressSet> sets = new ArrayList<>();
            List<Predicate<IpAddress>> truth = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                List<Cidr> ranges = new ArrayList<>();
                for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                    ranges.add(Cidr.of(address(random.nextInt(256)), 24 + random.nextInt(9)));
                }
                sets.add(AddressSet.of(ranges));
                truth.add(ip -> ranges.stream().anyMatch(r -> r.contains(ip)));
            }
            StringBuilder expression = new StringBuilder("s0");
            AddressSet set = sets.get(0);
            Predicate<IpAddress> expected = truth.get(0);
            for (int i = 1; i < sets.size(); i++) {
                Predicate<IpAddress> other = truth.get(i);
                switch (random.nextInt(3)) {
                    case 0 -> {
                        set = set.union(sets.get(i));
                        expected = expected.or(other);
                        expression.append(" | s").append(i);
                    }
                    case 1 -> {
                        set = set.minus(sets.get(i));
                        expected = expected.and(other.negate());
                        expression.append(" - s").append(i);
                    }
                    default -> {
                        set = set.intersection(sets.get(i));
                        expected = expected.and(other);
                        expression.append(" & s").append(i);
                    }
                }
            }
            String what = "round " + round + ": " + expression + " of " + sets + " = " + set;
            boolean any = false;
            for (int host = 0; host < 256; host++) {
                IpAddress ip = address(host);
                boolean member = expected.test(ip);
                any |= member;
                assertThat(set.contains(ip)).as("%s contains %s", what, ip).isEqualTo(member);
                assertThat(inBlocks(set, ip)).as("%s: blocks hold %s", what, ip).isEqualTo(member);
            }
            assertThat(set.isEmpty()).as(what).isEqualTo(!any);
            set.blocks().forEach((block, except) -> {
                assertThat(except).as(what).allMatch(e -> block.covers(e) && e.prefix() > block.prefix());
                assertThat(except).as(what).isSortedAccordingTo(Cidr::compareTo);
            });
            assertThat(List.copyOf(set.blocks().keySet())).as(what).isSortedAccordingTo(Cidr::compareTo);
        }
    }

    @Test
    void ofKeepsTheRangesThatNoOtherCoversOnRandomRanges() {
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
            assertThat(AddressSet.of(input).blocks().keySet())
                    .as("round %d: %s", round, input)
                    .containsExactlyElementsOf(expected);
        }
    }

    private static boolean inBlocks(AddressSet set, IpAddress ip) {
        return set.blocks().entrySet().stream()
                .anyMatch(b -> b.getKey().contains(ip) && b.getValue().stream().noneMatch(e -> e.contains(ip)));
    }

    private static IpAddress address(int host) {
        return new IpAddress(IpAddress.Family.V4, BigInteger.valueOf(0x0a000000L + host));
    }
}
