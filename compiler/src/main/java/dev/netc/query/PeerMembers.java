package dev.netc.query;

import dev.netc.evaluator.IpAddress;
import dev.netc.evaluator.LabelSelector;
import dev.netc.evaluator.Namespace;
import dev.netc.evaluator.Peer;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.Rule;
import dev.netc.evaluator.Universe;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which endpoints the peers of a rule match, as ascending endpoint indices: each distinct peer
 * is matched once against the endpoints it can match at all, instead of every rule against
 * every endpoint of every pair. The final word on each endpoint is the evaluator's own
 * {@link Peer#matches}; the indexes only skip endpoints that it would refuse anyway:
 *
 * <ul>
 *   <li>a peer with a namespace selector matches pods of the namespaces it selects, found by one
 *       of its {@code matchLabels} (every namespace is tried when it has none);
 *   <li>a peer with only a pod selector matches pods of the policy's own namespace;
 *   <li>an {@code ipBlock} matches the endpoints whose address lies in its CIDR, found by a
 *       binary search of the endpoints sorted by address.
 * </ul>
 */
final class PeerMembers {
    /** What a rule without peers matches: every endpoint. Compared by identity. */
    static final int[] EVERYONE = new int[0];

    private final List<NamedEndpoint> endpoints;
    private final Universe universe;
    /** The pods of each namespace, ascending. */
    private final Map<String, int[]> podsByNamespace = new LinkedHashMap<>();
    /** The namespaces with pods, by each of their labels ({@code key=value}). */
    private final Map<String, List<String>> namespacesByLabel = new HashMap<>();
    /** Endpoint indices in address order. */
    private final int[] byAddress;

    private final Map<List<Object>, int[]> peers = new HashMap<>();
    private final Map<List<Object>, int[]> rules = new HashMap<>();

    PeerMembers(List<NamedEndpoint> endpoints, Universe universe) {
        this.endpoints = endpoints;
        this.universe = universe;
        Map<String, List<Integer>> pods = new LinkedHashMap<>();
        for (int i = 0; i < endpoints.size(); i++) {
            if (endpoints.get(i).endpoint() instanceof Pod pod) {
                pods.computeIfAbsent(pod.namespace(), n -> new ArrayList<>()).add(i);
            }
        }
        pods.forEach((namespace, indices) -> {
            podsByNamespace.put(
                    namespace, indices.stream().mapToInt(Integer::intValue).toArray());
            labels(namespace)
                    .forEach((key, value) -> namespacesByLabel
                            .computeIfAbsent(key + "=" + value, k -> new ArrayList<>())
                            .add(namespace));
        });
        byAddress = sortedByAddress(endpoints);
    }

    /**
     * The endpoints a rule of a policy in {@code namespace} matches on its other side, ascending;
     * {@link #EVERYONE} for a rule without peers.
     */
    int[] of(Rule rule, String namespace) {
        if (rule.peers().isEmpty()) {
            return EVERYONE;
        }
        return rules.computeIfAbsent(List.of(rule.peers(), namespace), key -> {
            int[] union = new int[0];
            for (Peer peer : rule.peers()) {
                union = union(union, of(peer, namespace));
            }
            return union;
        });
    }

    private int[] of(Peer peer, String namespace) {
        // only a selector peer without a namespace selector depends on the policy's namespace
        boolean local = peer instanceof Peer.SelectorPeer selector
                && selector.namespaceSelector().isEmpty();
        List<Object> key = local ? List.of(peer, namespace) : List.of(peer);
        return peers.computeIfAbsent(key, k -> candidates(peer, namespace));
    }

    private int[] candidates(Peer peer, String namespace) {
        List<Integer> matched = new ArrayList<>();
        if (peer instanceof Peer.SelectorPeer selector) {
            List<String> namespaces =
                    selector.namespaceSelector().map(this::namespaces).orElse(List.of(namespace));
            for (String candidate : namespaces) {
                for (int i : podsByNamespace.getOrDefault(candidate, new int[0])) {
                    if (peer.matches(endpoints.get(i).endpoint(), namespace, universe)) {
                        matched.add(i);
                    }
                }
            }
        } else if (peer instanceof Peer.IpBlockPeer block) {
            int from = firstAtLeast(block.cidr().network());
            for (int k = from; k < byAddress.length && block.cidr().contains(address(byAddress[k])); k++) {
                if (peer.matches(endpoints.get(byAddress[k]).endpoint(), namespace, universe)) {
                    matched.add(byAddress[k]);
                }
            }
        }
        return matched.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** The namespaces with pods that a namespace selector selects. */
    private List<String> namespaces(LabelSelector selector) {
        List<String> candidates = selector.matchLabels().isEmpty()
                ? List.copyOf(podsByNamespace.keySet())
                : selector.matchLabels().entrySet().stream()
                        .map(e -> namespacesByLabel.getOrDefault(e.getKey() + "=" + e.getValue(), List.of()))
                        .min((a, b) -> Integer.compare(a.size(), b.size()))
                        .orElseThrow();
        return candidates.stream().filter(n -> selector.matches(labels(n))).toList();
    }

    /** A namespace's labels as the evaluator's selector peers read them. */
    private Map<String, String> labels(String namespace) {
        return universe.namespace(namespace)
                .orElseGet(() -> Namespace.named(namespace))
                .labels();
    }

    private IpAddress address(int endpoint) {
        return endpoints.get(endpoint).endpoint().ip();
    }

    /** The first position in {@link #byAddress} whose address is not below {@code ip}. */
    private int firstAtLeast(IpAddress ip) {
        int low = 0;
        int high = byAddress.length;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (compare(address(byAddress[middle]), ip) < 0) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static int[] sortedByAddress(List<NamedEndpoint> endpoints) {
        Integer[] order = new Integer[endpoints.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(
                order,
                (a, b) -> compare(
                        endpoints.get(a).endpoint().ip(),
                        endpoints.get(b).endpoint().ip()));
        return Arrays.stream(order).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Addresses ordered by family, then as unsigned numbers: the addresses of a CIDR are
     * consecutive in this order, from its network address on.
     */
    private static int compare(IpAddress a, IpAddress b) {
        int family = a.family().compareTo(b.family());
        if (family != 0) {
            return family;
        }
        int high = Long.compareUnsigned(a.high(), b.high());
        return high != 0 ? high : Long.compareUnsigned(a.low(), b.low());
    }

    /** The union of two ascending index arrays, ascending and without repeats. */
    static int[] union(int[] a, int[] b) {
        int[] result = new int[a.length + b.length];
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length || j < b.length) {
            int next = j >= b.length || i < a.length && a[i] <= b[j] ? a[i] : b[j];
            if (i < a.length && a[i] == next) {
                i++;
            }
            if (j < b.length && b[j] == next) {
                j++;
            }
            result[n++] = next;
        }
        return Arrays.copyOf(result, n);
    }
}
