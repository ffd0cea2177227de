package dev.netc.query;

import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A set of ports of any protocols, kept canonical: ranges sorted by protocol and first port,
 * disjoint and not adjacent. Two sets with the same ports are equal and print the same.
 */
public record PortSet(List<PortRange> ranges) {
    public static final int MAX_PORT = 65535;
    // before the constants below, which use it
    private static final Comparator<PortRange> ORDER =
            Comparator.comparing(PortRange::protocol).thenComparingInt(PortRange::first);

    public static final PortSet NONE = new PortSet(List.of());
    public static final PortSet ALL = of(List.of(
            new PortRange(Protocol.TCP, 1, MAX_PORT),
            new PortRange(Protocol.UDP, 1, MAX_PORT),
            new PortRange(Protocol.SCTP, 1, MAX_PORT)));

    public PortSet {
        ranges = List.copyOf(ranges);
    }

    /** The union of any ranges, made canonical. */
    public static PortSet of(List<PortRange> ranges) {
        List<PortRange> sorted = new ArrayList<>(ranges);
        sorted.sort(ORDER);
        List<PortRange> merged = new ArrayList<>();
        for (PortRange range : sorted) {
            PortRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && last.protocol() == range.protocol() && range.first() <= last.last() + 1) {
                merged.set(
                        merged.size() - 1,
                        new PortRange(range.protocol(), last.first(), Math.max(last.last(), range.last())));
            } else {
                merged.add(range);
            }
        }
        return new PortSet(merged);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /** The ports in this set or in {@code other}. */
    public PortSet union(PortSet other) {
        if (other.isEmpty() || equals(other)) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<PortRange> both = new ArrayList<>(ranges);
        both.addAll(other.ranges);
        return of(both);
    }

    /** The ports in both this set and {@code other}. */
    public PortSet intersect(PortSet other) {
        if (isEmpty() || other.isEmpty()) {
            return NONE;
        }
        if (equals(other) || other.equals(ALL)) {
            return this;
        }
        List<PortRange> result = new ArrayList<>();
        for (PortRange range : ranges) {
            for (PortRange cut : other.ranges) {
                int first = Math.max(range.first(), cut.first());
                int last = Math.min(range.last(), cut.last());
                if (cut.protocol() == range.protocol() && first <= last) {
                    result.add(new PortRange(range.protocol(), first, last));
                }
            }
        }
        return of(result);
    }

    /** The ports of this set that are not in {@code other}. */
    public PortSet minus(PortSet other) {
        List<PortRange> result = new ArrayList<>();
        for (PortRange range : ranges) {
            int next = range.first();
            for (PortRange cut : other.ranges) {
                if (cut.protocol() != range.protocol() || cut.last() < next || cut.first() > range.last()) {
                    continue;
                }
                if (cut.first() > next) {
                    result.add(new PortRange(range.protocol(), next, cut.first() - 1));
                }
                next = Math.max(next, cut.last() + 1);
            }
            if (next <= range.last()) {
                result.add(new PortRange(range.protocol(), next, range.last()));
            }
        }
        return of(result);
    }

    /** The ranges as text, e.g. {@code 53/udp, 80/tcp, 8000-8100/tcp}, or {@code any} for every port of every protocol. */
    @Override
    public String toString() {
        if (equals(ALL)) {
            return "any";
        }
        return isEmpty() ? "none" : String.join(", ", texts());
    }

    /** Each range in the language's port syntax ({@code 80/tcp}, {@code 8000-8100/tcp}), TCP first. */
    public List<String> texts() {
        return ranges.stream().map(PortRange::toString).toList();
    }
}
