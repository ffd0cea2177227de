package dev.netc.analysis;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Severity;
import dev.netc.model.Node;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The cluster's address plan, checked where RKE2 would only fail at run time or not at all
 * (docs/checks.md, K14–K18): ranges that overlap, the DNS address, IP families, and
 * the sizes of the pod and service ranges.
 */
final class AddressPlan {
    /** A range, where it was written, and what it is ("the pod range", "network `lan`"). */
    record Range(Cidr cidr, Span span, String what) {}

    /** An address and where it was written. */
    record Address(IpAddress address, Span span) {}

    /** kube-controller-manager's default per-node pod range size, by family. */
    static final int NODE_MASK_V4 = 24;

    static final int NODE_MASK_V6 = 64;
    /** The node-range allocator handles at most 2^16 node ranges (k8s cidr_set.go). */
    private static final int MAX_NODE_MASK_BITS = 16;

    private final DiagnosticSink sink;

    AddressPlan(DiagnosticSink sink) {
        this.sink = sink;
    }

    void check(List<Range> pods, List<Range> services, List<Address> dns, List<Range> networks, List<Node> nodes) {
        checkOverlaps(pods, services, networks);
        checkFamilies(pods, services, nodes);
        checkPodRangeSizes(pods, nodes.size());
        checkServiceRangeSizes(services);
        dns.forEach(address -> checkDns(address, services));
    }

    // written out rather than chained with Comparator.comparing: the JDK's own comparator
    // lambdas are not in netc's class-data archive and were generated at every start
    private static int byFamilyThenStart(Range a, Range b) {
        int byFamily = a.cidr().family().compareTo(b.cidr().family());
        return byFamily != 0 ? byFamily : a.cidr().first().compareTo(b.cidr().first());
    }

    /**
     * Every pod, service and node range must be distinct: an address in two of them is routed
     * to one only. Sorted by start, so each range is compared with the widest one before it.
     */
    private void checkOverlaps(List<Range> pods, List<Range> services, List<Range> networks) {
        List<Range> all = new ArrayList<>(pods);
        all.addAll(services);
        all.addAll(networks);
        all.sort(AddressPlan::byFamilyThenStart);
        Range widest = null;
        for (Range range : all) {
            if (widest != null
                    && widest.cidr().family() == range.cidr().family()
                    && range.cidr().first().compareTo(widest.cidr().last()) <= 0) {
                sink.report(Diagnostic.of(
                                Code.NS2020, range.span(), range.what(), range.cidr(), widest.what(), widest.cidr())
                        .withSecondary(widest.span(), widest.what() + " is here")
                        .withNote("an address in two ranges is routed to only one of them: pods, services or nodes "
                                + "in the overlap become unreachable")
                        .withHelp("choose ranges that do not overlap, e.g. the RKE2 defaults 10.42.0.0/16 (pods) and "
                                + "10.43.0.0/16 (services) beside the node networks"));
            }
            if (widest == null
                    || widest.cidr().family() != range.cidr().family()
                    || range.cidr().last().compareTo(widest.cidr().last()) > 0) {
                widest = range;
            }
        }
    }

    /** Pods and services need the same families, at most one range each, and nodes an address in each. */
    private void checkFamilies(List<Range> pods, List<Range> services, List<Node> nodes) {
        for (List<Range> ranges : List.of(pods, services)) {
            for (int i = 1; i < ranges.size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (ranges.get(i).cidr().family() == ranges.get(j).cidr().family()) {
                        sink.report(
                                Diagnostic.of(
                                                Code.NS2023,
                                                ranges.get(i).span(),
                                                ranges.get(i).what() + " has two "
                                                        + name(ranges.get(i)
                                                                .cidr()
                                                                .family()) + " ranges")
                                        .withSecondary(ranges.get(j).span(), "the first one")
                                        .withNote(
                                                "RKE2 takes one range per IP family: one IPv4, one IPv6, or both for dual-stack"));
                    }
                }
            }
        }
        Set<IpAddress.Family> podFamilies = families(pods);
        Set<IpAddress.Family> serviceFamilies = families(services);
        if (!pods.isEmpty() && !services.isEmpty() && !podFamilies.equals(serviceFamilies)) {
            sink.report(Diagnostic.of(
                            Code.NS2023,
                            services.get(0).span(),
                            "the pod ranges are " + describe(podFamilies) + " but the service ranges are "
                                    + describe(serviceFamilies))
                    .withSecondary(pods.get(0).span(), "pod ranges")
                    .withNote("RKE2 refuses to start unless cluster-cidr and service-cidr have the same IP families")
                    .withHelp("give both ranges the same families, in the same order"));
        }
        for (Node node : nodes) {
            Set<IpAddress.Family> nodeFamilies = node.nodeIps().stream()
                    .map(IpAddress::family)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(IpAddress.Family.class)));
            if (!node.nodeIps().isEmpty() && !nodeFamilies.containsAll(podFamilies)) {
                sink.report(Diagnostic.of(
                                Code.NS2023,
                                node.span(),
                                "node `" + node.name() + "` has " + describe(nodeFamilies)
                                        + " addresses but the cluster is " + describe(podFamilies))
                        .withNote("in a dual-stack cluster each node needs a node-ip of each family")
                        .withHelp("add an address of the missing family to the node's interface"));
            }
        }
    }

    /**
     * Each node gets a /24 (IPv4) or /64 (IPv6) of the pod range: the range must hold one per
     * node and may be at most 16 bits wider than a node's share.
     */
    private void checkPodRangeSizes(List<Range> pods, int nodes) {
        for (Range range : pods) {
            int nodeMask = range.cidr().family() == IpAddress.Family.V4 ? NODE_MASK_V4 : NODE_MASK_V6;
            int bits = nodeMask - range.cidr().prefix();
            String problem = null;
            if (bits < 0) {
                problem = "it is smaller than the /" + nodeMask + " each node gets";
            } else if (bits > MAX_NODE_MASK_BITS) {
                problem = "it is more than 16 bits wider than the /" + nodeMask + " each node gets, which "
                        + "kube-controller-manager refuses";
            } else if (bits < 31 && (1L << bits) < nodes) {
                problem = "it holds " + (1L << bits) + " node ranges of /" + nodeMask + " but the cluster has " + nodes
                        + " nodes";
            }
            if (problem != null) {
                sink.report(Diagnostic.of(Code.NS2026, range.span(), range.cidr(), problem)
                        .withHelp("use a range between /" + (nodeMask - MAX_NODE_MASK_BITS) + " and /" + nodeMask
                                + " with room for every node, e.g. "
                                + (nodeMask == NODE_MASK_V4 ? "10.42.0.0/16" : "fd00:42::/56")));
            }
        }
    }

    /** kube-apiserver refuses an IPv4 service range wider than /12; IPv6 wider than /108 needs the new allocator. */
    private void checkServiceRangeSizes(List<Range> services) {
        for (Range range : services) {
            boolean v4 = range.cidr().family() == IpAddress.Family.V4;
            int limit = v4 ? 12 : 108;
            if (range.cidr().prefix() >= limit) {
                continue;
            }
            Diagnostic diagnostic = Diagnostic.of(Code.NS2027, range.span(), range.cidr(), limit);
            if (!v4 && range.cidr().prefix() >= 64) {
                diagnostic = diagnostic
                        .withSeverity(Severity.WARNING)
                        .withNote("only clusters with the MultiCIDRServiceAllocator (Kubernetes 1.33+) accept it; "
                                + "the legacy allocator needs /108 or smaller");
            }
            sink.report(diagnostic.withHelp(
                    "a /" + (v4 ? 16 : 112) + " holds 65,536 services, more than an edge cluster needs"));
        }
    }

    /** The DNS address must be a service address, and neither the range's network nor its first address. */
    private void checkDns(Address dns, List<Range> services) {
        List<Range> sameFamily = services.stream()
                .filter(r -> r.cidr().family() == dns.address().family())
                .toList();
        if (sameFamily.isEmpty()) {
            return; // reported as a family mismatch of the ranges themselves, or there are no services
        }
        Range range = sameFamily.get(0);
        if (!range.cidr().contains(dns.address())) {
            sink.report(Diagnostic.of(Code.NS2021, dns.span(), dns.address(), range.cidr())
                    .withSecondary(range.span(), "the service range")
                    .withNote("CoreDNS gets a service address; outside the range pods cannot resolve names")
                    .withHelp("use `" + range.cidr().address().plus(10) + "`, the tenth address of the service range"));
        } else if (dns.address().equals(range.cidr().address())
                || dns.address().equals(range.cidr().address().plus(1))) {
            boolean network = dns.address().equals(range.cidr().address());
            sink.report(Diagnostic.of(
                            Code.NS2022,
                            dns.span(),
                            dns.address(),
                            network
                                    ? "the network address of " + range.cidr()
                                    : "the first address of " + range.cidr()
                                            + ", which the `kubernetes` API service takes")
                    .withHelp("use `" + range.cidr().address().plus(10) + "`, the tenth address of the service range"));
        }
    }

    private static Set<IpAddress.Family> families(List<Range> ranges) {
        return ranges.stream()
                .map(r -> r.cidr().family())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(IpAddress.Family.class)));
    }

    private static String describe(Set<IpAddress.Family> families) {
        return families.size() == 2
                ? "dual-stack"
                : families.isEmpty()
                        ? "without addresses"
                        : name(families.iterator().next()) + " only";
    }

    private static String name(IpAddress.Family family) {
        return family == IpAddress.Family.V4 ? "IPv4" : "IPv6";
    }
}
