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
import java.util.function.Function;

/**
 * Cluster settings that each pass their own checks but undo each other (NS4034), so that what the
 * spec says about the network never happens (rke2-value-rules.tsv):
 *
 * <ul>
 *   <li>{@code disable} naming the chart RKE2 deploys for the cluster's CNI: no node gets a pod
 *       network, and the CNI's block ({@code canal}, {@code calico}, ...) configures nothing;
 *   <li>{@code kube-proxy none} (netc writes {@code disable-kube-proxy}, which may not be written
 *       raw, NS4003) with {@code kube-proxy-arg} items, of the cluster or a node: no node runs
 *       kube-proxy, so they do nothing.
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
            Function<String, List<Statement.Block>> cniBlocks,
            Optional<Span> kubeProxyNone,
            List<Statement.Block> nodes) {
        option(options, "disable").ifPresent(disable -> {
            List<?> disabled = (List<?>) disable.value();
            for (BundledChart chart : ConsumerTables.BUNDLED_CHARTS) {
                if (!chart.chart().isEmpty() && cni.contains(chart.cni()) && disabled.contains(chart.chart())) {
                    Diagnostic diagnostic = Diagnostic.of(
                                    Code.NS4034,
                                    item(blocks, "disable", chart.chart()).orElse(entrySpan(blocks, "disable")),
                                    "`disable` of `" + chart.chart() + "`",
                                    "`cni " + chart.cni() + "`")
                            .withNote(Rke2ValueRules.rule("disable"))
                            .withHelp("to run a CNI of your own, write `cni none`; else leave `" + chart.chart()
                                    + "` out of `disable`");
                    List<Statement.Block> configured = cniBlocks.apply(chart.cni());
                    sink.report(
                            configured.isEmpty()
                                    ? diagnostic
                                    : diagnostic.withSecondary(
                                            configured.get(0).kind().span(), "configures the chart that is disabled"));
                }
            }
        });
        kubeProxyNone.ifPresent(none -> kubeProxyArguments(blocks, nodes, none));
    }

    /** Every `kube-proxy-arg`, of the cluster or a node, for a kube-proxy that does not run. */
    private void kubeProxyArguments(List<Statement.Rke2> blocks, List<Statement.Block> nodes, Span none) {
        arguments(blocks).ifPresent(args -> reportKubeProxyDisabled(none, args));
        for (Statement.Block node : nodes) {
            List<Statement.Rke2> nodeBlocks = node.body().stream()
                    .filter(Statement.Rke2.class::isInstance)
                    .map(Statement.Rke2.class::cast)
                    .toList();
            arguments(nodeBlocks).ifPresent(args -> reportKubeProxyDisabled(none, args));
        }
    }

    private static Optional<Span> arguments(List<Statement.Rke2> blocks) {
        return entry(blocks, "kube-proxy-arg").map(Statement.Rke2Entry::span);
    }

    private void reportKubeProxyDisabled(Span none, Span arguments) {
        sink.report(Diagnostic.of(Code.NS4034, arguments, "`kube-proxy none`", "`kube-proxy-arg`")
                .withSecondary(none, "no node runs kube-proxy")
                .withNote(Rke2ValueRules.rule("disable-kube-proxy"))
                .withHelp("leave out `kube-proxy-arg`, or choose a kube-proxy mode"));
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
