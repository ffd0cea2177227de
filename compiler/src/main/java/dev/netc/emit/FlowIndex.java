package dev.netc.emit;

import dev.netc.model.Flow;
import dev.netc.model.LabelSelector;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.Sides;
import dev.netc.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The flows of a model by the pods their ends cover, built once so that the flows of one tier
 * or one namespace are found without scanning every flow: emitting stays linear in flows plus
 * tiers. Every list keeps declaration order, which is the order rules are written in.
 */
final class FlowIndex {
    /** Which end of a flow to look at. */
    enum End {
        FROM(Flow::from, Sides::egress),
        TO(Flow::to, Sides::ingress);

        private final Function<Flow, Peer> peer;
        /** Whether a flow writes a rule on this end's side: a one-sided flow leaves the other alone. */
        private final Predicate<Sides> written;

        End(Function<Flow, Peer> peer, Predicate<Sides> written) {
            this.peer = peer;
            this.written = written;
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

    /**
     * Pods chosen by a selector within one namespace, by a flow end that names no tier
     * ({@code namespaces team=a pods app=x}): they get policies of their own where isolated.
     */
    private record Selection(String namespace, LabelSelector pods) {
        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof Selection that
                    && Objects.equals(namespace, that.namespace)
                    && Objects.equals(pods, that.pods);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(namespace) + Objects.hashCode(pods);
        }
    }

    private final List<Namespace> namespaces;
    /** The pod selections of each namespace, in the order flows first name them. */
    private final Map<String, Set<LabelSelector>> selections = new HashMap<>();

    FlowIndex(List<Flow> flows, List<Namespace> namespaces) {
        this.flows = flows;
        this.namespaces = namespaces;
        for (End end : End.values()) {
            Map<Object, List<Integer>> index = new HashMap<>();
            for (int i = 0; i < flows.size(); i++) {
                if (!end.written.test(flows.get(i).sides())) {
                    continue;
                }
                for (Object key : keys(end.peer.apply(flows.get(i)))) {
                    index.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
                    if (key instanceof Selection selection) {
                        selections
                                .computeIfAbsent(selection.namespace(), n -> new LinkedHashSet<>())
                                .add(selection.pods());
                    }
                }
            }
            byEnd.put(end, index);
        }
    }

    /** The pod selectors that flow ends choose within the namespace (without naming a tier), in flow order. */
    List<LabelSelector> selections(String namespace) {
        return List.copyOf(selections.getOrDefault(namespace, Set.of()));
    }

    /** Flows whose end is the pods {@code pods} chooses in the namespace. */
    List<Flow> selection(End end, String namespace, LabelSelector pods) {
        return inOrder(lists(end, new Selection(namespace, pods)));
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

    /**
     * The pods a flow end covers, as keys: a tier, a whole namespace ({@code *} and everyone are
     * every namespace, label-chosen namespaces each declared namespace they choose), or pods chosen
     * in a namespace; none for addresses, which cover no pods of their own.
     */
    private List<Object> keys(Peer peer) {
        return peer.accept(new Peer.Visitor<>() {
            @Override
            public List<Object> tier(Peer.TierPeer t) {
                return List.of(new TierKey(t.tier().namespace(), t.tier().name()));
            }

            @Override
            public List<Object> namespace(Peer.NamespacePeer namespace) {
                return List.of(namespace);
            }

            @Override
            public List<Object> allNamespaces(Peer.AllNamespaces all) {
                return List.of(all);
            }

            @Override
            public List<Object> addresses(Peer.Addresses addresses) {
                return List.of();
            }

            @Override
            public List<Object> selectedNamespaces(Peer.SelectedNamespaces selected) {
                List<Object> keys = new ArrayList<>();
                for (Namespace namespace : namespaces) {
                    if (selected.chooses(namespace.labelsOnCluster())) {
                        keys.add(
                                selected.pods().isEmpty()
                                        ? new Peer.NamespacePeer(namespace.name())
                                        : new Selection(namespace.name(), selected.pods()));
                    }
                }
                return keys;
            }

            @Override
            public List<Object> everyone(Peer.Everyone everyone) {
                return List.of(new Peer.AllNamespaces());
            }
        });
    }
}
