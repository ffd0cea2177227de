package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Canal;
import dev.netc.model.CniSettings;
import dev.netc.model.Network;
import dev.netc.model.Secret;
import dev.netc.source.Span;
import dev.netc.vocabulary.BlockKind;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;

/**
 * {@code calico { on data; backend vxlan; mtu 1450 }}, {@code cilium { on data; backend geneve }},
 * {@code flannel { on data; backend vxlan }}: the chart of the CNI the cluster runs
 * (cni-chart-values.tsv). At most one, and it must be the CNI's: a block for a chart RKE2 does not
 * deploy configures nothing (NS4026).
 */
final class CniSettingsAnalyzer {
    /** Each block, and the words its `backend` takes. */
    private static final Map<String, BlockKind> BLOCKS = Map.of(
            "calico",
            NetspecVocabulary.CALICO,
            "cilium",
            NetspecVocabulary.CILIUM,
            "flannel",
            NetspecVocabulary.FLANNEL);

    private final Values values;
    private final Function<Value, Optional<Network>> network;
    private final PresharedKey presharedKey;
    private final DiagnosticSink sink;

    CniSettingsAnalyzer(
            Values values, Function<Value, Optional<Network>> network, PresharedKey presharedKey, DiagnosticSink sink) {
        this.values = values;
        this.network = network;
        this.presharedKey = presharedKey;
        this.sink = sink;
    }

    /** @param ipv6 whether the pods have IPv6 addresses: the tunnel's outer header is then larger */
    Optional<CniSettings> analyze(BlockReader cluster, List<String> cni, boolean ipv6) {
        Optional<CniSettings> settings = Optional.empty();
        boolean seen = false;
        for (String name : List.of("calico", "cilium", "flannel")) {
            for (Statement.Block block : cluster.blocks(name)) {
                CniSettings read = settings(name, block, ipv6); // its contents are checked whatever becomes of it
                boolean second = seen;
                seen = true;
                if (second) {
                    sink.report(Diagnostic.of(Code.NS1002, block.kind().span(), "block", name)
                            .withNote("RKE2 runs one CNI: one block configures its chart"));
                } else if (!cni.contains(name)) {
                    sink.report(Diagnostic.of(Code.NS4026, block.kind().span(), name, String.join(", ", cni))
                            .withNote("the `" + name + "` block configures the rke2-" + name
                                    + " chart, which RKE2 deploys " + "only with `cni " + name + "`")
                            .withHelp("remove the block, or write `cni " + name + "`"));
                } else {
                    settings = Optional.of(read);
                }
            }
        }
        return settings;
    }

    private CniSettings settings(String cni, Statement.Block block, boolean ipv6) {
        BlockKind kind = BLOCKS.get(cni);
        BlockReader reader = new BlockReader(block.body(), kind, sink);
        Optional<Network> on =
                reader.property("on").flatMap(p -> Properties.single(p, sink)).flatMap(network);
        Optional<String> backend = reader.property("backend")
                .flatMap(p -> Properties.single(p, sink))
                .flatMap(v -> word(v, kind.words().getOrDefault("backend", List.of()), cni));
        OptionalInt mtu = Properties.integer(reader.property("mtu"), values, sink, "an MTU", 68, 65535);
        // only the flannel block has a `psk` (its vocabulary); flannel's default backend is vxlan
        Optional<Secret> psk = presharedKey.read(reader, backend.orElse("vxlan"));
        CniSettings settings = new CniSettings(cni, on, backend, mtu, psk);
        reader.property("mtu").ifPresent(written -> checkCalicoMtu(settings, ipv6, written.span()));
        if (mtu.isEmpty()) {
            on.flatMap(network -> PodMtu.derivedTooSmall(
                            block.kind().span(),
                            network,
                            overhead(settings, ipv6),
                            backend.orElse("vxlan") + (ipv6 ? " over IPv6" : ""),
                            cni,
                            ipv6))
                    .ifPresent(sink::report);
        }
        return settings;
    }

    /**
     * The bytes the CNI's tunnel adds to a pod's packet: Calico's pools are VXLAN whatever the
     * backend, flannel's backends are Canal's, and Cilium's Geneve header is VXLAN's size (both 8
     * bytes over UDP).
     */
    private static int overhead(CniSettings settings, boolean ipv6) {
        return settings.cni().equals("flannel")
                ? settings.backend()
                        .flatMap(Canal.Backend::byChartValue)
                        .orElse(Canal.Backend.VXLAN)
                        .overhead(ipv6)
                : Canal.Backend.VXLAN.overhead(ipv6);
    }

    /**
     * Calico sets its veth and VXLAN devices to {@code mtu} (cni-chart-values.tsv), and both its
     * backends encapsulate in VXLAN: the packets it sends are {@code mtu} plus VXLAN's header.
     */
    private void checkCalicoMtu(CniSettings calico, boolean ipv6, Span written) {
        if (!calico.cni().equals("calico") || calico.mtu().isEmpty()) {
            return;
        }
        if (PodMtu.belowMinimum(calico.mtu().getAsInt(), ipv6) > 0) {
            sink.report(Diagnostic.of(
                            Code.NS4014, written, calico.mtu().getAsInt(), "IPv6 needs at least " + PodMtu.IPV6_MIN)
                    .withNote("Calico creates the pods' devices with that MTU, and the kernel turns IPv6 off on a "
                            + "smaller one"));
            return;
        }
        int overhead = Canal.Backend.VXLAN.overhead(ipv6);
        calico.network()
                .filter(n ->
                        n.mtu().isPresent() && calico.mtu().getAsInt() > n.mtu().getAsInt() - overhead)
                .ifPresent(network -> sink.report(Diagnostic.of(
                                Code.NS4014,
                                written,
                                calico.mtu().getAsInt(),
                                "network `" + network.name() + "` carries "
                                        + network.mtu().getAsInt() + " bytes and Calico's VXLAN adds " + overhead)
                        .withSecondary(network.span(), "the underlay network")
                        .withNote("larger packets are dropped or fragmented inside the tunnel: connections hang "
                                + "after the handshake")
                        .withHelp("use `mtu " + (network.mtu().getAsInt() - overhead)
                                + "` or leave `mtu` out: netc derives it")));
    }

    private Optional<String> word(Value value, List<String> words, String cni) {
        Optional<String> word = values.word(value, "a " + cni + " backend");
        if (word.isPresent() && !words.contains(word.get())) {
            Diagnostic unknown =
                    Diagnostic.of(Code.NS2009, value.span(), "a " + cni + " backend", "`" + word.get() + "`");
            sink.report(Suggest.didYouMean(unknown, word.get(), words)
                    .orElse(unknown.withNote(cni + "'s backends: " + String.join(", ", words))));
            return Optional.empty();
        }
        return word;
    }
}
