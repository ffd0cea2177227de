package dev.netc.analysis;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Cluster;
import dev.netc.model.Expectation;
import dev.netc.model.Flow;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.SelectorOverlap;
import dev.netc.model.Sides;
import dev.netc.model.Tier;
import dev.netc.net.Cidr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Flows that are valid but do not do what their author meant: addresses that also match pods,
 * ingress from every namespace, flows that change nothing or that no policy can express, and
 * tiers that share pods.
 */
final class FlowChecks {
    private final Map<String, Namespace> namespaces;
    private final Optional<Cluster> cluster;
    private final DiagnosticSink sink;

    FlowChecks(Map<String, Namespace> namespaces, Optional<Cluster> cluster, DiagnosticSink sink) {
        this.namespaces = namespaces;
        this.cluster = cluster;
        this.sink = sink;
    }

    void check(List<Flow> flows) {
        Set<Finding> reported = new HashSet<>();
        for (Flow flow : flows) {
            // an `allow` with lists becomes several flows: one finding per statement is enough
            if (flow.from() instanceof Peer.Addresses && flow.to() instanceof Peer.Addresses) {
                report(
                        reported,
                        flow,
                        Diagnostic.of(Code.NS3012, flow.span())
                                .withNote(
                                        "NetworkPolicies select pods: traffic between two addresses outside the cluster "
                                                + "is not the cluster's to allow")
                                .withHelp("one end must be a tier or a namespace"));
                continue;
            }
            if (flow.from() instanceof Peer.AllNamespaces && !(flow.to() instanceof Peer.Addresses)) {
                report(
                        reported,
                        flow,
                        Diagnostic.of(Code.NS3010, flow.span(), describe(flow.to()))
                                .withNote("`*` also admits namespaces created later, by anyone who can create one")
                                .withHelp(
                                        "name the namespaces that need access, e.g. `allow {ingress-nginx.*, monitoring.*} -> ...`"));
            }
            if (!checkSides(flow, reported)
                    && !(flow.sides().egress() && isolated(flow.from(), false))
                    && !(flow.sides().ingress() && isolated(flow.to(), true))) {
                report(reported, flow, noEffect(flow));
            }
            checkCoversCluster(flow.from(), flow, reported);
            checkCoversCluster(flow.to(), flow, reported);
        }
        namespaces.values().forEach(this::checkTierOverlaps);
    }

    /**
     * NS3033: an expectation between two address ends (once per statement): no policy governs the
     * traffic between two addresses, so there is nothing to prove.
     */
    static void checkExpectations(List<Expectation> expectations, DiagnosticSink sink) {
        Set<dev.netc.source.Span> reported = new HashSet<>();
        for (Expectation expectation : expectations) {
            if (expectation.from() instanceof Peer.Addresses
                    && expectation.to() instanceof Peer.Addresses
                    && reported.add(expectation.span())) {
                sink.report(Diagnostic.of(Code.NS3033, expectation.span())
                        .withNote("NetworkPolicies select pods: whether two addresses outside the cluster reach "
                                + "each other is not decided by the cluster")
                        .withHelp("one end must be a tier, a namespace, `*` or `everyone`"));
            }
        }
    }

    /** NS3011: a flow whose sides are not isolated, as much as it writes on. */
    private static Diagnostic noEffect(Flow flow) {
        if (flow.sides() == Sides.BOTH) {
            return Diagnostic.of(
                            Code.NS3011,
                            flow.span(),
                            "neither " + describe(flow.from()) + " nor " + describe(flow.to()) + " is isolated")
                    .withNote("flows only open holes in isolation: without `isolate egress` on the source or "
                            + "`isolate ingress` on the target, this traffic is allowed anyway")
                    .withHelp("add `isolate ingress` to the target's namespace (or tier), or remove the flow");
        }
        String side = flow.sides() == Sides.INGRESS ? "ingress" : "egress";
        Peer own = flow.sides() == Sides.INGRESS ? flow.to() : flow.from();
        return Diagnostic.of(Code.NS3011, flow.span(), describe(own) + " is not isolated for " + side)
                .withNote("`allow " + side + "` opens a hole only in " + describe(own) + "'s " + side
                        + " isolation: without it, this traffic is allowed anyway")
                .withHelp("add `isolate " + side + "` to its namespace (or tier), or remove the flow");
    }

    /**
     * NS3016: a one-sided flow whose one side has no policies netc writes (an address end, pods
     * of a namespace owned by others): it would write nothing. Returns whether it was reported.
     */
    private boolean checkSides(Flow flow, Set<Finding> reported) {
        if (flow.sides() == Sides.BOTH) {
            return false;
        }
        boolean ingress = flow.sides() == Sides.INGRESS;
        Peer own = ingress ? flow.to() : flow.from();
        if (!own.accept(ownSide)) {
            String side = ingress ? "ingress" : "egress";
            report(
                    reported,
                    flow,
                    Diagnostic.of(Code.NS3016, flow.span(), side, describe(own))
                            .withNote("`allow " + side + "` writes rules only on the "
                                    + (ingress ? "destination" : "source")
                                    + "'s side, and netc writes no policy for an address range or for a namespace "
                                    + "owned by others")
                            .withHelp("write `allow` (both sides), or `allow " + (ingress ? "egress" : "ingress")
                                    + "` for the other side"));
            return true;
        }
        return false;
    }

    /**
     * Whether netc may write policies for some of the peer's pods: not for addresses, nor for the
     * pods of a namespace owned by others; an end across namespaces may cover the spec's own.
     */
    private final Peer.Visitor<Boolean> ownSide = new Peer.Visitor<>() {
        @Override
        public Boolean tier(Peer.TierPeer tier) {
            return !namespaces.get(tier.tier().namespace()).ownedByOthers();
        }

        @Override
        public Boolean namespace(Peer.NamespacePeer namespace) {
            return !namespaces.get(namespace.namespace()).ownedByOthers();
        }

        @Override
        public Boolean allNamespaces(Peer.AllNamespaces all) {
            return true;
        }

        @Override
        public Boolean addresses(Peer.Addresses addresses) {
            return false;
        }

        @Override
        public Boolean selectedNamespaces(Peer.SelectedNamespaces selected) {
            return true;
        }

        @Override
        public Boolean everyone(Peer.Everyone everyone) {
            return true;
        }
    };

    private void report(Set<Finding> reported, Flow flow, Diagnostic diagnostic) {
        if (reported.add(new Finding(
                diagnostic.code(), flow.span().start(), flow.span().file().displayName()))) {
            sink.report(diagnostic);
        }
    }

    /** One code on one statement. */
    private record Finding(Code code, int start, String file) {}

    /** Whether policies isolate the peer's pods for ingress ({@code true}) or egress. */
    private boolean isolated(Peer peer, boolean ingress) {
        return peer.accept(new Peer.Visitor<>() {
            @Override
            public Boolean tier(Peer.TierPeer tierPeer) {
                Tier tier = tierPeer.tier();
                Namespace namespace = namespaces.get(tier.namespace());
                return ingress ? namespace.isolatesIngressOf(tier) : namespace.isolatesEgressOf(tier);
            }

            @Override
            public Boolean namespace(Peer.NamespacePeer namespacePeer) {
                return anyPodIsolated(namespaces.get(namespacePeer.namespace()), ingress);
            }

            @Override
            public Boolean allNamespaces(Peer.AllNamespaces all) {
                return namespaces.values().stream().anyMatch(n -> anyPodIsolated(n, ingress));
            }

            @Override
            public Boolean addresses(Peer.Addresses addresses) {
                return false; // addresses outside the cluster: no policy of ours applies to them
            }

            @Override
            public Boolean selectedNamespaces(Peer.SelectedNamespaces selected) {
                return namespaces.values().stream()
                        .anyMatch(n -> selected.chooses(n.labelsOnCluster()) && anyPodIsolated(n, ingress));
            }

            @Override
            public Boolean everyone(Peer.Everyone everyone) {
                return allNamespaces(new Peer.AllNamespaces());
            }
        });
    }

    /** Whether the namespace or one of its tiers isolates the direction. */
    private static boolean anyPodIsolated(Namespace namespace, boolean ingress) {
        return ingress
                ? namespace.isolateIngress() || namespace.tiers().stream().anyMatch(Tier::isolateIngress)
                : namespace.isolateEgress() || namespace.tiers().stream().anyMatch(Tier::isolateEgress);
    }

    /**
     * Calico matches ipBlock rules against pod IPs too, so addresses that include the pod or
     * service range also allow (or expose) pods there.
     */
    private void checkCoversCluster(Peer peer, Flow flow, Set<Finding> reported) {
        if (!(peer instanceof Peer.Addresses addresses)) {
            return;
        }
        // without a cluster block the cluster still has RKE2's default ranges
        List<Cidr> podRanges = cluster.map(Cluster::podCidrs).orElse(ClusterAnalyzer.DEFAULT_PODS);
        List<Cidr> clusterRanges = new ArrayList<>(podRanges);
        clusterRanges.addAll(cluster.map(Cluster::serviceCidrs).orElse(ClusterAnalyzer.DEFAULT_SERVICES));
        for (Peer.IpBlock block : addresses.blocks()) {
            for (Cidr range : clusterRanges) {
                boolean covers =
                        block.cidr().covers(range) && block.except().stream().noneMatch(e -> e.covers(range));
                boolean inside = !block.cidr().covers(range) && range.covers(block.cidr());
                if (covers || inside) {
                    boolean pods = podRanges.contains(range);
                    String kind = pods ? "pod" : "service";
                    report(
                            reported,
                            flow,
                            Diagnostic.of(
                                            Code.NS3008,
                                            flow.span(),
                                            addresses.name(),
                                            covers ? "covers" : "lies inside",
                                            kind,
                                            range)
                                    .withNote(
                                            "Calico (Canal) matches ipBlock rules against pod addresses too: this flow "
                                                    + "also applies to "
                                                    + (covers
                                                            ? (pods ? "every pod" : "service addresses") + " in "
                                                                    + range
                                                            : "the " + kind + " addresses in " + addresses.name()))
                                    .withHelp(
                                            covers
                                                    ? "use std/networks' `internet`, which leaves out the cluster's ranges, or "
                                                            + "add `except cluster.pods, cluster.services` to the external"
                                                    : "name the pods as a tier or namespace: their addresses change whenever they "
                                                            + "are recreated"));
                    return;
                }
            }
        }
    }

    /**
     * Tiers of one namespace whose selectors a single pod could satisfy together: one warning on
     * each tier that shares pods with tiers declared before it, naming all of them.
     */
    private void checkTierOverlaps(Namespace namespace) {
        if (!namespace.managed()) {
            return;
        }
        List<Tier> tiers = namespace.tiers();
        for (int i = 1; i < tiers.size(); i++) {
            Tier tier = tiers.get(i);
            List<Tier> partners = tiers.subList(0, i).stream()
                    .filter(other -> SelectorOverlap.possible(tier.pods(), other.pods()))
                    .toList();
            if (partners.isEmpty()) {
                continue;
            }
            List<String> names =
                    partners.stream().map(t -> "`" + t.qualifiedName() + "`").toList();
            String listed = names.size() == 1
                    ? names.get(0)
                    : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
            Diagnostic diagnostic = Diagnostic.of(Code.NS3006, tier.span(), tier.qualifiedName(), listed);
            for (Tier partner : partners) {
                diagnostic = diagnostic.withSecondary(partner.span(), "`" + partner.name() + "` is here");
            }
            sink.report(diagnostic
                    .withNote("a pod in several tiers gets the flows of all of them: the policies allow the union")
                    .withHelp("make the selectors exclusive, e.g. give each tier its own `app=` value"));
        }
    }

    private static String describe(Peer peer) {
        return peer.accept(Describe.PEER);
    }

    /** How a message names a peer. */
    private enum Describe implements Peer.Visitor<String> {
        PEER;

        @Override
        public String tier(Peer.TierPeer tier) {
            return "`" + tier.tier().qualifiedName() + "`";
        }

        @Override
        public String namespace(Peer.NamespacePeer namespace) {
            return "namespace `" + namespace.namespace() + "`";
        }

        @Override
        public String allNamespaces(Peer.AllNamespaces all) {
            return "every namespace";
        }

        @Override
        public String addresses(Peer.Addresses addresses) {
            return "`" + addresses.name() + "`";
        }

        @Override
        public String selectedNamespaces(Peer.SelectedNamespaces selected) {
            return "`" + selected.text() + "`";
        }

        @Override
        public String everyone(Peer.Everyone everyone) {
            return "everyone";
        }
    }
}
