package dev.netc.emit;

import dev.netc.model.Flow;
import dev.netc.model.Peer;
import dev.netc.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The flows of a model by the pods their ends cover, built once so that the flows of one tier
 * or one namespace are found without scanning every flow: emitting stays linear in flows plus
 * tiers. Every list keeps declaration order, which is the order rules are written in.
 */
final class FlowIndex {
    /** Which end of a flow to look at. */
    enum End {
        FROM(Flow::from),
        TO(Flow::to);

        private final Function<Flow, Peer> peer;

        End(Function<Flow, Peer> peer) {
            this.peer = peer;
        }
    }

    /** A tier as a map key: the {@link Tier} record's own equality would hash its whole content. */
    private record TierKey(String namespace, String tier) {
        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof TierKey that
                    && Objects.equals(namespace, that.namespace)
                    && Objects.equals(tier, that.tier);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(namespace) + Objects.hashCode(tier);
        }
    }

    private final List<Flow> flows;
    private final Map<End, Map<Object, List<Integer>>> byEnd = new HashMap<>();

    FlowIndex(List<Flow> flows) {
        this.flows = flows;
        for (End end : End.values()) {
            Map<Object, List<Integer>> index = new HashMap<>();
            for (int i = 0; i < flows.size(); i++) {
                Object key = key(end.peer.apply(flows.get(i)));
                if (key != null) {
                    index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                }
            }
            byEnd.put(end, index);
        }
    }

    /** Flows whose end is the whole namespace: {@code ns}, {@code ns.*} or {@code *}. */
    List<Flow> wholeNamespace(End end, String namespace) {
        return inOrder(lists(end, new Peer.NamespacePeer(namespace), new Peer.AllNamespaces()));
    }

    /**
     * Flows whose end is the tier; with {@code wholeNamespaceToo}, also those whose end is its
     * whole namespace.
     */
    List<Flow> tier(End end, Tier tier, boolean wholeNamespaceToo) {
        Object tierKey = new TierKey(tier.namespace(), tier.name());
        return inOrder(
                wholeNamespaceToo
                        ? lists(end, tierKey, new Peer.NamespacePeer(tier.namespace()), new Peer.AllNamespaces())
                        : lists(end, tierKey));
    }

    private List<List<Integer>> lists(End end, Object... keys) {
        List<List<Integer>> lists = new ArrayList<>();
        for (Object key : keys) {
            lists.add(byEnd.get(end).getOrDefault(key, List.of()));
        }
        return lists;
    }

    private List<Flow> inOrder(List<List<Integer>> lists) {
        List<Integer> indices = new ArrayList<>();
        lists.forEach(indices::addAll);
        if (lists.stream().filter(l -> !l.isEmpty()).count() > 1) {
            indices.sort(null);
        }
        return indices.stream().map(flows::get).toList();
    }

    /** The pods a flow end covers, as a key; null for addresses, which cover no pods of their own. */
    private static Object key(Peer peer) {
        return peer.accept(new Peer.Visitor<>() {
            @Override
            public Object tier(Peer.TierPeer t) {
                return new TierKey(t.tier().namespace(), t.tier().name());
            }

            @Override
            public Object namespace(Peer.NamespacePeer namespace) {
                return namespace;
            }

            @Override
            public Object allNamespaces(Peer.AllNamespaces all) {
                return all;
            }

            @Override
            public Object addresses(Peer.Addresses addresses) {
                return null;
            }
        });
    }
}
