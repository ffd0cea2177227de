package dev.netc.analysis;

import dev.netc.ast.Name;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Flow;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.Tier;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Declarations of the user's own files that nothing uses (the standard library declares many
 * things on purpose): usually a typo elsewhere, or a flow that was forgotten.
 */
final class UnusedDeclarations {
    private final DiagnosticSink sink;

    UnusedDeclarations(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** Externals and port constants by name with whether they come from the standard library. */
    <T> void reportUnused(String kind, Map<String, Declarations.Declared<T>> declared, Set<String> used) {
        declared.forEach((name, declaration) -> {
            if (!declaration.fromStdlib() && !used.contains(name)) {
                report(kind, declaration.name());
            }
        });
    }

    /** Tiers of the user's namespaces that no flow names, unless isolated on purpose (a deny-all tier). */
    void reportUnusedTiers(List<Namespace> namespaces, List<Flow> flows) {
        // by name: hashing a tier hashes its selector and ports, 8 % of checking a large spec
        Set<String> used = new HashSet<>();
        for (Flow flow : flows) {
            for (Peer peer : List.of(flow.from(), flow.to())) {
                if (peer instanceof Peer.TierPeer tierPeer) {
                    used.add(tierPeer.tier().qualifiedName());
                }
            }
        }
        for (Namespace namespace : namespaces) {
            if (!namespace.managed()) {
                continue;
            }
            for (Tier tier : namespace.tiers()) {
                if (!used.contains(tier.qualifiedName()) && !tier.isolateIngress() && !tier.isolateEgress()) {
                    sink.report(Diagnostic.of(Code.NS3007, tier.span(), "tier", tier.qualifiedName())
                            .withHelp("add a flow such as `allow ... -> " + tier.qualifiedName()
                                    + "`, or remove the tier"));
                }
            }
        }
    }

    private void report(String kind, Name name) {
        sink.report(Diagnostic.of(Code.NS3007, name.span(), kind, name.text())
                .withHelp("use it in a flow, or remove it; a typo in a flow may be why it is unused"));
    }
}
