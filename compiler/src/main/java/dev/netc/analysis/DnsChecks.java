package dev.netc.analysis;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Flow;
import dev.netc.model.FlowPort;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import dev.netc.model.Tier;
import dev.netc.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * NS3009: pods isolated for egress without DNS, neither netc's rule ({@code dns off}, in the
 * namespace or the tier) nor a flow of the spec's own that lets them reach port 53/udp: they would
 * fail every name lookup. Reported on the namespace's {@code dns off} when no tier of it turns DNS
 * on, and on a tier that isolates egress on its own with DNS off.
 */
final class DnsChecks {
    private static final PortRange DNS = PortRange.single(Protocol.UDP, 53);

    private final DiagnosticSink sink;

    DnsChecks(DiagnosticSink sink) {
        this.sink = sink;
    }

    void check(List<Namespace> namespaces, List<Flow> flows) {
        for (Namespace namespace : namespaces) {
            boolean anyTierDns =
                    namespace.tiers().stream().anyMatch(t -> t.dns().orElse(false));
            if (namespace.isolateEgress()
                    && !namespace.dns()
                    && !anyTierDns
                    && flows.stream().noneMatch(f -> dnsFrom(f, namespace, Optional.empty()))) {
                report(namespace.dnsOff().orElseThrow(), "namespace `" + namespace.name() + "`");
            }
            for (Tier tier : namespace.tiers()) {
                if (tier.isolateEgress()
                        && !namespace.isolateEgress()
                        && !namespace.dnsOf(tier)
                        && flows.stream().noneMatch(f -> dnsFrom(f, namespace, Optional.of(tier)))) {
                    report(tier.dnsSwitch().or(namespace::dnsOff).orElseThrow(), "tier `" + tier.qualifiedName() + "`");
                }
            }
        }
    }

    private void report(Span span, String who) {
        sink.report(Diagnostic.of(Code.NS3009, span, who)
                .withNote("with egress isolated and no DNS rule, pods fail every name lookup, including the names of "
                        + "services they are allowed to reach")
                .withHelp("drop `dns off`, or say `dns on` in the tiers that need DNS, or allow it as a flow, e.g. "
                        + "`allow TIER -> kube-system.kube-dns:dns-udp` with `import \"std/kube-system\"`"));
    }

    /**
     * Whether a flow writes egress from pods of the namespace (of the tier, when one is given) that
     * reaches port 53/udp somewhere: the author took care of DNS.
     */
    private static boolean dnsFrom(Flow flow, Namespace namespace, Optional<Tier> tier) {
        if (!flow.sides().egress() || !opensDns(flow.ports())) {
            return false;
        }
        return flow.from().accept(new Peer.Visitor<Boolean>() {
            @Override
            public Boolean tier(Peer.TierPeer peer) {
                return peer.tier().namespace().equals(namespace.name())
                        && tier.map(t -> t.name().equals(peer.tier().name())).orElse(true);
            }

            @Override
            public Boolean namespace(Peer.NamespacePeer peer) {
                return peer.namespace().equals(namespace.name());
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
                return selected.chooses(namespace.labelsOnCluster());
            }

            @Override
            public Boolean everyone(Peer.Everyone everyone) {
                return true;
            }
        });
    }

    private static boolean opensDns(List<FlowPort> ports) {
        return ports.isEmpty() || ports.stream().anyMatch(p -> p instanceof PortRange range && range.covers(DNS));
    }
}
