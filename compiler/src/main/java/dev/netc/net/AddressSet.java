package dev.netc.net;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A set of addresses of either family, held exactly, as ranges each marked in or out: an
 * address belongs to the set when the smallest of the ranges that contains it is marked in, and
 * to no set when none does. Any two CIDRs are nested or disjoint, so the ranges form a forest
 * (a range's parent is the smallest range around it), and sets combine range by range: the
 * union, difference or intersection of two sets marks each range of either as the two sets
 * judge the addresses that lie in it and in no smaller range of either.
 *
 * <p>A set is kept without a range marked as its parent is (or, at the top, marked out): what
 * is left alternates, in at the top, then out inside it, then in again. That is what a
 * NetworkPolicy can say ({@link #blocks()}): each range marked in is an ipBlock, and the
 * ranges marked out just inside it are its exceptions, each strictly inside the block as the
 * API server requires; a range marked in inside an exception is a block of its own.
 */
public final class AddressSet {
    public static final AddressSet EMPTY = new AddressSet(new TreeMap<>());

    /** In address order, wider first on ties: a range comes before the ranges inside it. */
    private final TreeMap<Cidr, Boolean> ranges;

    private AddressSet(TreeMap<Cidr, Boolean> ranges) {
        this.ranges = ranges;
    }

    /** Every address of the ranges. */
    public static AddressSet of(Collection<Cidr> cidrs) {
        TreeMap<Cidr, Boolean> marked = new TreeMap<>();
        for (Cidr cidr : cidrs) {
            marked.put(cidr, true);
        }
        return normal(marked);
    }

    public AddressSet union(AddressSet other) {
        return combine(other, Operation.UNION);
    }

    public AddressSet minus(AddressSet other) {
        return combine(other, Operation.MINUS);
    }

    public AddressSet intersection(AddressSet other) {
        return combine(other, Operation.INTERSECTION);
    }

    /** Whether the set shares an address with the range. */
    public boolean overlaps(Cidr cidr) {
        return !intersection(of(List.of(cidr))).isEmpty();
    }

    public boolean contains(IpAddress ip) {
        boolean in = false;
        for (Map.Entry<Cidr, Boolean> range :
                ranges.headMap(Cidr.host(ip), true).entrySet()) {
            // in address order the ranges that contain the address come outermost first
            if (range.getKey().contains(ip)) {
                in = range.getValue();
            }
        }
        return in;
    }

    public boolean isEmpty() {
        return blocks().isEmpty();
    }

    /**
     * The set as ipBlocks, whose union it is: each block's range, in address order, with its
     * exceptions (in address order, each strictly inside it). A range whose exceptions leave
     * nothing of it is no block.
     */
    public Map<Cidr, List<Cidr>> blocks() {
        Map<Cidr, List<Cidr>> blocks = new LinkedHashMap<>();
        Deque<Cidr> around = new ArrayDeque<>();
        for (Map.Entry<Cidr, Boolean> range : ranges.entrySet()) {
            Cidr cidr = range.getKey();
            while (!around.isEmpty() && !around.peek().covers(cidr)) {
                around.pop();
            }
            if (range.getValue()) {
                blocks.put(cidr, new ArrayList<>());
            } else {
                blocks.get(around.peek()).add(cidr); // marks alternate: the range around an out range is in
            }
            around.push(cidr);
        }
        blocks.entrySet().removeIf(block -> covered(block.getKey(), block.getValue()));
        return blocks;
    }

    /** Whether disjoint ranges inside a range leave nothing of it. */
    private static boolean covered(Cidr cidr, List<Cidr> inside) {
        BigInteger left = size(cidr);
        for (Cidr part : inside) {
            left = left.subtract(size(part));
        }
        return left.signum() == 0;
    }

    private static BigInteger size(Cidr cidr) {
        return BigInteger.ONE.shiftLeft(cidr.family().bits() - cidr.prefix());
    }

    private enum Operation {
        UNION,
        MINUS,
        INTERSECTION;

        boolean apply(boolean a, boolean b) {
            return switch (this) {
                case UNION -> a || b;
                case MINUS -> a && !b;
                case INTERSECTION -> a && b;
            };
        }
    }

    private AddressSet combine(AddressSet other, Operation operation) {
        TreeSet<Cidr> all = new TreeSet<>(ranges.keySet());
        all.addAll(other.ranges.keySet());
        Deque<Cidr> aroundThis = new ArrayDeque<>();
        Deque<Cidr> aroundOther = new ArrayDeque<>();
        TreeMap<Cidr, Boolean> marked = new TreeMap<>();
        for (Cidr cidr : all) {
            marked.put(cidr, operation.apply(markAt(cidr, aroundThis), other.markAt(cidr, aroundOther)));
        }
        return normal(marked);
    }

    /**
     * How this set marks the addresses of {@code cidr} that lie in no smaller range: as the
     * smallest of its ranges that covers {@code cidr} does. Called for ranges in address order,
     * with {@code around} keeping this set's ranges around the last one asked about.
     */
    private boolean markAt(Cidr cidr, Deque<Cidr> around) {
        while (!around.isEmpty() && !around.peek().covers(cidr)) {
            around.pop();
        }
        if (ranges.containsKey(cidr)) {
            around.push(cidr);
        }
        return !around.isEmpty() && ranges.get(around.peek());
    }

    /** The same set without the ranges marked as the range around them is (or, at the top, marked out). */
    private static AddressSet normal(TreeMap<Cidr, Boolean> marked) {
        TreeMap<Cidr, Boolean> kept = new TreeMap<>();
        Deque<Cidr> around = new ArrayDeque<>();
        for (Map.Entry<Cidr, Boolean> range : marked.entrySet()) {
            Cidr cidr = range.getKey();
            while (!around.isEmpty() && !around.peek().covers(cidr)) {
                around.pop();
            }
            boolean outer = !around.isEmpty() && kept.get(around.peek());
            if (range.getValue() != outer) {
                kept.put(cidr, range.getValue());
                around.push(cidr);
            }
        }
        return new AddressSet(kept);
    }

    @Override
    public String toString() {
        return blocks().toString();
    }
}
