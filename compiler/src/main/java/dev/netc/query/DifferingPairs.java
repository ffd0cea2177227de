package dev.netc.query;

import java.util.ArrayList;
import java.util.List;

/**
 * The pairs of endpoints, by name, whose allowed ports differ between two versions'
 * connectivity, found without visiting every pair. A pair that neither version governs and
 * that is open in both (every port) is the same in both; so the pairs that can differ are those
 * a version governs with some port allowed, and those open in one version but not in the other.
 * The second kind are found from the endpoints whose side is open in one version only, so the
 * work follows the differences, not the square of the endpoints.
 */
public final class DifferingPairs {
    /** Two endpoint names, from and to. */
    public record Pair(String from, String to) {}

    private DifferingPairs() {}

    /** The pairs whose ports differ, in no particular order, each once. */
    public static List<Pair> of(Connectivity before, Connectivity after) {
        List<Pair> pairs = new ArrayList<>();
        governed(before, after, false, pairs);
        governed(after, before, true, pairs);
        openInOnly(before, after, pairs);
        openInOnly(after, before, pairs);
        return pairs;
    }

    /**
     * The pairs {@code one} governs with some port allowed whose ports differ in {@code other};
     * with {@code skipShared}, not those {@code other} governs too (already compared).
     */
    private static void governed(Connectivity one, Connectivity other, boolean skipShared, List<Pair> pairs) {
        List<NamedEndpoint> endpoints = one.endpoints();
        for (int from = 0; from < endpoints.size(); from++) {
            Integer otherFrom = other.index(endpoints.get(from).name());
            for (int to : one.governedTargets(from)) {
                String fromName = endpoints.get(from).name();
                String toName = endpoints.get(to).name();
                Integer otherTo = other.index(toName);
                if (skipShared && otherFrom != null && otherTo != null && other.governs(otherFrom, otherTo)) {
                    continue;
                }
                if (!one.ports(fromName, toName).equals(other.ports(fromName, toName))) {
                    pairs.add(new Pair(fromName, toName));
                }
            }
        }
    }

    /**
     * The pairs open in {@code one} (every port) that are not open in {@code other}, except those
     * {@code other} governs (compared already).
     */
    private static void openInOnly(Connectivity one, Connectivity other, List<Pair> pairs) {
        List<NamedEndpoint> endpoints = one.endpoints();
        List<Integer> openTo = new ArrayList<>();
        List<Integer> openToHereOnly = new ArrayList<>();
        for (int to = 0; to < endpoints.size(); to++) {
            if (one.openIngress(to)) {
                openTo.add(to);
                if (!sameOpenEnd(one, other, to, false)) {
                    openToHereOnly.add(to);
                }
            }
        }
        for (int from = 0; from < endpoints.size(); from++) {
            if (!one.openEgress(from)) {
                continue;
            }
            // a source open in both pairs openly with the same destinations in both, but those open here only
            for (int to : sameOpenEnd(one, other, from, true) ? openToHereOnly : openTo) {
                if (!one.open(from, to)) {
                    continue;
                }
                String fromName = endpoints.get(from).name();
                String toName = endpoints.get(to).name();
                Integer otherFrom = other.index(fromName);
                Integer otherTo = other.index(toName);
                if (otherFrom != null && otherTo != null && other.governs(otherFrom, otherTo)) {
                    continue;
                }
                if (!PortSet.ALL.equals(other.ports(fromName, toName))) {
                    pairs.add(new Pair(fromName, toName));
                }
            }
        }
    }

    /** Whether the endpoint is in the other version too, a pod there exactly when here, and open on the same side. */
    private static boolean sameOpenEnd(Connectivity one, Connectivity other, int endpoint, boolean egress) {
        Integer there = other.index(one.endpoints().get(endpoint).name());
        return there != null
                && other.isPod(there) == one.isPod(endpoint)
                && (egress ? other.openEgress(there) : other.openIngress(there));
    }
}
