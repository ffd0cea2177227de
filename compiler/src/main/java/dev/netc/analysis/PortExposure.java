package dev.netc.analysis;

import dev.netc.ast.PortRef;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Tier;
import dev.netc.source.Span;
import java.util.List;

/**
 * A tier that declares ports takes flows on those ports only (NS3001): a flow to it names some of
 * them, by name or number, and never leaves its ports out, which would open every port.
 */
final class PortExposure {
    private final DiagnosticSink sink;

    PortExposure(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** A flow to {@code target} on {@code range}, written as {@code ref}. */
    void check(Peer target, PortRange range, PortRef ref) {
        if (target instanceof Peer.TierPeer tierPeer
                && !tierPeer.tier().ports().isEmpty()
                && tierPeer.tier().ports().stream().noneMatch(p -> p.range().covers(range))) {
            Tier tier = tierPeer.tier();
            String what = range.isAll() ? "every " + range.protocol().name() + " port" : "port `" + range + "`";
            sink.report(exposes(Diagnostic.of(Code.NS3001, ref.span(), tier.qualifiedName(), what), tier)
                    .withHelp(
                            range.isAll()
                                    ? "name the ports the flow needs, such as `"
                                            + tier.ports().get(0).name() + "`"
                                    : "add `port NAME " + range + "` to the tier, or use one of its ports"));
        }
    }

    /** A flow to {@code target} written without ports, at {@code span}: every port. */
    void checkAllPorts(Peer target, Span span) {
        if (target instanceof Peer.TierPeer tierPeer && !tierPeer.tier().ports().isEmpty()) {
            Tier tier = tierPeer.tier();
            List<String> names = tier.ports().stream().map(Tier.TierPort::name).toList();
            String ports = names.size() == 1 ? names.get(0) : "{" + String.join(", ", names) + "}";
            sink.report(exposes(Diagnostic.of(Code.NS3001, span, tier.qualifiedName(), "every port"), tier)
                    .withLabel("a flow without ports allows every port")
                    .withHelp("name the ports the flow needs: `" + span.text() + ":" + ports + "`"));
        }
    }

    /** With the note of what the tier exposes. */
    static Diagnostic exposes(Diagnostic diagnostic, Tier tier) {
        return diagnostic.withNote("`" + tier.qualifiedName() + "` exposes "
                + String.join(
                        ", ",
                        tier.ports().stream()
                                .map(p -> p.name() + " " + p.range())
                                .toList()));
    }
}
