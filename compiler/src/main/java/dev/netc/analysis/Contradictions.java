package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.consumers.BundledChart;
import dev.netc.consumers.ConsumerTables;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Rke2Option;
import dev.netc.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * Cluster settings that each pass their own checks but undo each other (NS4032), so that what the
 * spec says about the network never happens (rke2-value-rules.tsv):
 *
 * <ul>
 *   <li>{@code disable} naming the chart RKE2 deploys for the cluster's CNI: no node gets a pod
 *       network, and a `canal` block configures nothing;
 *   <li>{@code disable-kube-proxy = true} with a `kube-proxy` mode or `kube-proxy-arg` items, of
 *       the cluster or a node: no node runs kube-proxy, so the mode, its options and what netc
 *       derives from them (kernel modules, Canal's nftables values) do nothing.
 * </ul>
 */
final class Contradictions {
    private final DiagnosticSink sink;

    Contradictions(DiagnosticSink sink) {
        this.sink = sink;
    }

    void check(
            List<Statement.Rke2> blocks,
            List<Rke2Option> options,
            List<String> cni,
            List<Statement.Block> canal,
            Optional<Span> kubeProxy,
            List<Statement.Block> nodes) {
        option(options, "disable").ifPresent(disable -> {
            List<?> disabled = (List<?>) disable.value();
            for (BundledChart chart : ConsumerTables.BUNDLED_CHARTS) {
                if (!chart.chart().isEmpty() && cni.contains(chart.cni()) && disabled.contains(chart.chart())) {
                    Diagnostic diagnostic = Diagnostic.of(
                                    Code.NS4032,
                                    item(blocks, "disable", chart.chart()).orElse(entrySpan(blocks, "disable")),
                                    "`disable` of `" + chart.chart() + "`",
                                    "`cni " + chart.cni() + "`")
                            .withNote(Rke2ValueRules.rule("disable"))
                            .withHelp("to run a CNI of your own, write `cni none`; else leave `" + chart.chart()
                                    + "` out of `disable`");
                    sink.report(
                            canal.isEmpty()
                                    ? diagnostic
                                    : diagnostic.withSecondary(
                                            canal.get(0).kind().span(), "configures the chart that is disabled"));
                }
            }
        });
        if (option(options, "disable-kube-proxy")
                .filter(o -> Boolean.TRUE.equals(o.value()))
                .isPresent()) {
            kubeProxy.ifPresent(mode -> reportKubeProxyDisabled(blocks, mode, "the `kube-proxy` mode"));
            arguments(blocks).ifPresent(args -> reportKubeProxyDisabled(blocks, args, "`kube-proxy-arg`"));
            for (Statement.Block node : nodes) {
                List<Statement.Rke2> nodeBlocks = node.body().stream()
                        .filter(Statement.Rke2.class::isInstance)
                        .map(Statement.Rke2.class::cast)
                        .toList();
                arguments(nodeBlocks).ifPresent(args -> reportKubeProxyDisabled(blocks, args, "`kube-proxy-arg`"));
            }
        }
    }

    private static Optional<Span> arguments(List<Statement.Rke2> blocks) {
        return entry(blocks, "kube-proxy-arg").map(Statement.Rke2Entry::span);
    }

    private void reportKubeProxyDisabled(List<Statement.Rke2> blocks, Span undone, String what) {
        sink.report(
                Diagnostic.of(Code.NS4032, entrySpan(blocks, "disable-kube-proxy"), "`disable-kube-proxy = true`", what)
                        .withSecondary(undone, "for a kube-proxy no node runs")
                        .withNote(Rke2ValueRules.rule("disable-kube-proxy"))
                        .withHelp("leave out " + what + ", or `disable-kube-proxy`"));
    }

    private static Optional<Rke2Option> option(List<Rke2Option> options, String key) {
        return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }

    private static Span entrySpan(List<Statement.Rke2> blocks, String key) {
        return entry(blocks, key).map(e -> e.span()).orElseThrow();
    }

    private static Optional<Statement.Rke2Entry> entry(List<Statement.Rke2> blocks, String key) {
        return blocks.stream()
                .flatMap(b -> b.entries().stream())
                .filter(e -> e.key().text().equals(key))
                .findFirst();
    }

    /** The item of a list value that names {@code text}: where to point. */
    private static Optional<Span> item(List<Statement.Rke2> blocks, String key, String text) {
        return entry(blocks, key)
                .flatMap(e -> KubeProxyArgs.items(e.value()).stream()
                        .filter(v -> v instanceof Value.Str s
                                        && s.isPlain()
                                        && s.plainText().equals(text)
                                || v instanceof Value.Word w && w.text().equals(text))
                        .map(Value::span)
                        .findFirst());
    }
}
