package dev.netc.analysis;

import dev.netc.ast.PortRef;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.ContainerPort;
import dev.netc.model.FlowPort;
import dev.netc.model.Peer;
import dev.netc.model.Tier;
import java.util.List;
import java.util.Optional;

/**
 * {@code http/tcp} in a flow: a container port by name, which Kubernetes resolves on each
 * destination pod. The name must be one Kubernetes can give a port (NS2028); the destination must
 * be pods, since an address has no named ports and the rule would match nothing (NS3015); and a
 * tier that declares its ports must declare this one, with this protocol (NS3001), which makes the
 * name a use of the tier's port.
 */
final class ContainerPorts {
    private final Values values;
    private final Bindings.Recorder bindings;
    private final DiagnosticSink sink;

    ContainerPorts(Values values, Bindings.Recorder bindings, DiagnosticSink sink) {
        this.values = values;
        this.bindings = bindings;
        this.sink = sink;
    }

    /** The port as written, once its name and protocol are valid. */
    Optional<ContainerPort> parse(PortRef.ContainerPort ref) {
        Optional<String> problem = Labels.portNameProblem(ref.name().text());
        if (problem.isPresent()) {
            sink.report(Diagnostic.of(Code.NS2028, ref.name().span(), ref.name().text(), problem.get())
                    .withNote("`NAME/PROTOCOL` names the destination pod's container port, and Kubernetes names ports "
                            + "this way"));
            return Optional.empty();
        }
        return values.protocol(ref.protocol(), ref.span())
                .map(p -> new ContainerPort(ref.name().text(), p));
    }

    /** The port written in a flow to {@code target}. */
    Optional<List<FlowPort>> resolve(PortRef.ContainerPort ref, Peer target) {
        Optional<ContainerPort> port = parse(ref);
        if (port.isEmpty() || !check(port.get(), target, ref)) {
            return Optional.empty();
        }
        if (target instanceof Peer.TierPeer tierPeer && !tierPeer.tier().ports().isEmpty()) {
            bindings.use(
                    ref.name().span(),
                    Bindings.Kind.TIER_PORT,
                    tierPeer.tier().qualifiedName() + ":" + port.get().name());
        }
        return Optional.of(List.of(port.get()));
    }

    /** Whether the port can match at {@code target} (reported where it cannot), written as {@code ref}. */
    boolean check(ContainerPort port, Peer target, PortRef ref) {
        if (target instanceof Peer.Addresses addresses) {
            sink.report(Diagnostic.of(Code.NS3015, ref.span(), port.toString(), addresses.name())
                    .withNote("Kubernetes resolves a port name on each destination pod; an address has no container "
                            + "ports, so the rule would match nothing")
                    .withHelp("give the port's number, such as `80/"
                            + port.protocol().lowerCase() + "`"));
            return false;
        }
        if (target instanceof Peer.TierPeer tierPeer && !tierPeer.tier().ports().isEmpty()) {
            Tier tier = tierPeer.tier();
            // a container port is one number: a tier's port range has no container port of its name
            boolean declared = tier.ports().stream()
                    .anyMatch(p -> p.name().equals(port.name())
                            && p.range().protocol() == port.protocol()
                            && p.range().isSingle());
            if (!declared) {
                sink.report(PortExposure.exposes(
                                Diagnostic.of(
                                        Code.NS3001,
                                        ref.span(),
                                        tier.qualifiedName(),
                                        "a " + port.protocol().name() + " port named `" + port.name() + "`"),
                                tier)
                        .withHelp("a port name matches only a container port of that name and protocol, which is one "
                                + "port, not a range"));
                return false;
            }
        }
        return true;
    }
}
