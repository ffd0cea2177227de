package dev.netc.analysis;

import dev.netc.ast.Value;
import dev.netc.consumers.ConsumerTables;
import dev.netc.consumers.KubeProxyFlag;
import dev.netc.consumers.KubeProxyStopFlag;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Items of {@code rke2 { kube-proxy-arg = [...] }}, which RKE2 hands to kube-proxy as
 * {@code --name=value} (an item without {@code =} as {@code --name=true}): kube-proxy exits on a
 * flag it does not have or a value it cannot read, and ignores a flag of another proxy mode
 * (kube-proxy-flags.tsv).
 */
final class KubeProxyArgs {
    private static final Map<String, KubeProxyFlag> FLAGS = index();

    private final String mode;
    private final DiagnosticSink sink;

    /** @param mode the proxy mode kube-proxy runs in: the `kube-proxy` block's, else RKE2's `iptables` */
    KubeProxyArgs(String mode, DiagnosticSink sink) {
        this.mode = mode;
        this.sink = sink;
    }

    private static Map<String, KubeProxyFlag> index() {
        Map<String, KubeProxyFlag> flags = new HashMap<>();
        ConsumerTables.KUBE_PROXY_FLAGS.forEach(f -> flags.put(f.flag(), f));
        return flags;
    }

    /** Checks one item; false when kube-proxy would refuse it. */
    boolean check(String item, Value written) {
        String argument = item.startsWith("--") ? item.substring(2) : item;
        int equals = argument.indexOf('=');
        String name = equals < 0 ? argument : argument.substring(0, equals);
        String value = equals < 0 ? "true" : argument.substring(equals + 1);
        String property = KubeProxyAnalyzer.PROPERTY_OF_FLAG.get(name);
        if (property != null) {
            sink.report(Diagnostic.of(Code.NS4003, written.span(), "kube-proxy-arg " + name)
                    .withLabel("written by netc")
                    .withNote("kube-proxy takes the last of a repeated flag, and these items come after the kube-proxy "
                            + "block's: the block's setting, and what netc checks and derives from it (Canal, the kernel "
                            + "modules, MetalLB's strict ARP), would be undone")
                    .withHelp("use " + property + " of the cluster's `kube-proxy` block"));
            return false;
        }
        KubeProxyFlag flag = FLAGS.get(name);
        if (flag == null) {
            Diagnostic unknown = Diagnostic.of(Code.NS4022, written.span(), "--" + name, "kube-proxy has no such flag")
                    .withNote("kube-proxy exits at start on a flag it does not know, on every node");
            sink.report(Suggest.didYouMean(unknown, name, FLAGS.keySet()).orElse(unknown));
            return false;
        }
        Optional<String> problem = valueProblem(flag.type(), value);
        Optional<KubeProxyStopFlag> stop = ConsumerTables.KUBE_PROXY_STOP_FLAGS.stream()
                .filter(s -> s.flag().equals(name) && s.stops(value))
                .findFirst();
        if (problem.isEmpty() && stop.isPresent()) {
            sink.report(Diagnostic.of(
                            Code.NS4022,
                            written.span(),
                            "--" + name + "=" + value,
                            stop.get().effect())
                    .withNote("kube-proxy flags: " + stop.get().source()));
            return false;
        }
        if (problem.isPresent()) {
            sink.report(Diagnostic.of(Code.NS4022, written.span(), "--" + name + "=" + value, problem.get())
                    .withNote("kube-proxy exits at start on a value it cannot read (" + flag.source() + ")"));
            return false;
        }
        if (!flag.appliesTo(mode)) {
            sink.report(Diagnostic.of(
                            Code.NS4023,
                            written.span(),
                            "--" + name,
                            "it applies in " + flag.modes() + " mode, and kube-proxy runs in " + mode + " mode")
                    .withNote("kube-proxy flags: " + flag.source()));
        }
        return true;
    }

    /** What kube-proxy's flag parser says about a value of this kind, if it refuses it. */
    static Optional<String> valueProblem(String type, String value) {
        boolean ok = switch (type) {
            case "bool" -> GoValues.isBool(value);
            case "duration" -> GoValues.isDuration(value);
            case "int32", "uint32" ->
                GoValues.isInt(value, type.equals("int32") ? 32 : 33)
                        && !(type.startsWith("u") && value.startsWith("-"));
            case "int64" -> GoValues.isInt(value, 64);
            default -> true;
        };
        return ok ? Optional.empty() : Optional.of("not a " + describe(type) + " as Go reads it");
    }

    private static String describe(String type) {
        return switch (type) {
            case "bool" -> "boolean (`true` or `false`)";
            case "duration" -> "duration such as `30s`";
            default -> "whole number that fits " + type;
        };
    }

    /** Every item of the value, with the value it was written as (for its span). */
    static List<Value> items(Value value) {
        return value instanceof Value.ListValue list ? list.items() : List.of(value);
    }
}
