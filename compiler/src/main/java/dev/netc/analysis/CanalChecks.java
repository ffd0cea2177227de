package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.consumers.CanalValue;
import dev.netc.consumers.ConsumerTables;
import dev.netc.consumers.FlannelBackend;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Severity;
import dev.netc.model.Canal;
import dev.netc.model.Network;
import dev.netc.source.Span;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Canal settings that RKE2 accepts but that break pod traffic: a pod MTU the underlay cannot
 * carry once encapsulated (K24), and a tunnel port that another node service already uses (K27).
 */
final class CanalChecks {
    /** Canal's chart value when netc cannot derive one. */
    private static final int CHART_DEFAULT_MTU = 1450;

    private static final int ETHERNET_MTU = 1500;

    /** Host ports every RKE2 node (or server) listens on, from RKE2's requirements and the Canal chart. */
    private static final Map<Integer, String> NODE_PORTS = Map.ofEntries(
            Map.entry(6443, "the Kubernetes API"),
            Map.entry(6444, "the agent's API load balancer"),
            Map.entry(9345, "the RKE2 supervisor"),
            Map.entry(10250, "the kubelet"),
            Map.entry(2379, "etcd clients"),
            Map.entry(2380, "etcd peers"),
            Map.entry(2381, "etcd metrics"),
            Map.entry(9099, "Canal's health checks"),
            Map.entry(8081, "flannel's health endpoint"));

    private static final int NODE_PORT_FIRST = 30000;
    private static final int NODE_PORT_LAST = 32767;

    private final DiagnosticSink sink;

    CanalChecks(DiagnosticSink sink) {
        this.sink = sink;
    }

    void check(Canal canal, boolean ipv6, Statement.Block block, BlockReader reader) {
        checkMtu(canal, ipv6, block, reader);
        reader.property("port").ifPresent(property -> canal.port().ifPresent(port -> checkPort(port, property.span())));
        for (Map.Entry<String, String> entry : CHART_VALUES.entrySet()) {
            reader.property(entry.getKey())
                    .ifPresent(property -> checkReadByChart(entry.getValue(), canal.backend(), property));
        }
        reader.property("vni")
                .filter(p -> canal.backend() == Canal.Backend.VXLAN)
                .ifPresent(property -> canal.vni().ifPresent(vni -> checkVni(vni, ipv6, property.span())));
    }

    /** The property of the canal block → the rke2-canal chart value netc writes for it. */
    private static final Map<String, String> CHART_VALUES =
            Map.of("port", "flannel.backendPort", "vni", "flannel.vni", "mtu", "calico.vethuMTU");
    /** Linux interface names have at most 15 bytes (IFNAMSIZ is 16 with the final NUL). */
    private static final int IFNAMSIZ = 15;
    /** Go prints a float64 of a million or more in exponent form: Helm's values are float64. */
    private static final long FIRST_EXPONENT_FORM = 1_000_000;

    /** A value the chart's templates read only for other backends does nothing (rke2-canal-values.tsv). */
    private void checkReadByChart(String chartValue, Canal.Backend backend, Statement.Property property) {
        CanalValue row = canalValue(chartValue);
        if (!row.readWith(backend.chartValue())) {
            sink.report(
                    Diagnostic.of(Code.NS4025, property.span(), property.key().text(), backend.chartValue())
                            .withNote("the chart reads `" + chartValue + "` only for " + row.backends() + " ("
                                    + row.source() + ")")
                            .withHelp("leave `" + property.key().text() + "` out"));
        }
    }

    /**
     * flannel's VXLAN identifier, as the chart prints it and flannel uses it: Helm reads values as
     * float64 and the chart prints {@code flannel.vni} raw, so a million becomes {@code 1e+06},
     * which flannel cannot decode; and flannel names its devices after it, within Linux's 15 bytes.
     */
    private void checkVni(int vni, boolean ipv6, Span span) {
        CanalValue row = canalValue("flannel.vni");
        if (row.render().contains("raw") && vni >= FIRST_EXPONENT_FORM) {
            sink.report(Diagnostic.of(
                            Code.NS4024,
                            span,
                            "vni " + vni,
                            "Helm reads chart values as float64 and the chart " + "prints it as `" + goFloat(vni)
                                    + "`, which flannel cannot read as a number")
                    .withNote("rke2-canal prints `flannel.vni` unquoted (" + row.source() + ")")
                    .withHelp("use a VXLAN identifier below 1000000"));
            return;
        }
        for (FlannelBackend device : ConsumerTables.FLANNEL_BACKENDS) {
            boolean used = device.backend().equals("vxlan") && (device.family().equals("ipv4") || ipv6);
            String name = device.device().replace("<vni>", String.valueOf(vni));
            if (used && device.device().contains("<vni>") && name.length() > IFNAMSIZ) {
                sink.report(Diagnostic.of(
                                Code.NS4024,
                                span,
                                "vni " + vni,
                                "flannel names its device `" + name + "`, longer than the " + IFNAMSIZ
                                        + " characters Linux allows")
                        .withNote("flannel's VXLAN devices: " + device.source())
                        .withHelp("use a VXLAN identifier of at most "
                                + (IFNAMSIZ - device.device().length() + "<vni>".length()) + " digits"));
                return;
            }
        }
    }

    /** How Go's {@code %v} prints a whole float64 of a million or more: {@code 1e+06}, {@code 1.234567e+06}. */
    static String goFloat(long value) {
        String digits = Long.toString(value);
        int exponent = digits.length() - 1;
        int end = digits.length();
        while (end > 1 && digits.charAt(end - 1) == '0') {
            end--;
        }
        String significant = digits.substring(0, end);
        String mantissa =
                significant.length() == 1 ? significant : significant.charAt(0) + "." + significant.substring(1);
        return mantissa + "e+" + (exponent < 10 ? "0" : "") + exponent;
    }

    private static CanalValue canalValue(String name) {
        return ConsumerTables.CANAL_VALUES.stream()
                .filter(v -> v.value().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("rke2-canal-values.tsv has no row for " + name));
    }

    private void checkMtu(Canal canal, boolean ipv6, Statement.Block block, BlockReader reader) {
        int overhead = canal.backend().overhead(ipv6);
        OptionalInt underlay = canal.network().map(Network::mtu).orElse(OptionalInt.empty());
        String backend = canal.backend().chartValue() + (ipv6 ? " over IPv6" : "");
        if (canal.mtu().isPresent()
                && underlay.isPresent()
                && canal.mtu().getAsInt() > underlay.getAsInt() - overhead) {
            Span span = reader.property("mtu").get().span();
            sink.report(Diagnostic.of(
                            Code.NS4014,
                            span,
                            canal.mtu().getAsInt(),
                            "network `" + canal.network().get().name() + "` carries " + underlay.getAsInt()
                                    + " bytes and " + backend + " adds " + overhead)
                    .withSecondary(canal.network().get().span(), "the underlay network")
                    .withNote(
                            "larger packets are dropped or fragmented inside the tunnel: connections hang after the handshake")
                    .withHelp(
                            "use `mtu " + (underlay.getAsInt() - overhead) + "` or leave `mtu` out: netc derives it"));
        } else if (canal.mtu().isEmpty() && underlay.isPresent()) {
            PodMtu.derivedTooSmall(block.kind().span(), canal.network().get(), overhead, backend, "flannel", ipv6)
                    .ifPresent(sink::report);
        } else if (canal.mtu().isEmpty() && underlay.isEmpty() && CHART_DEFAULT_MTU > ETHERNET_MTU - overhead) {
            sink.report(Diagnostic.of(
                            Code.NS4014,
                            block.kind().span(),
                            CHART_DEFAULT_MTU,
                            "Canal's default assumes VXLAN, but " + backend + " adds " + overhead + " bytes to a "
                                    + ETHERNET_MTU + "-byte Ethernet underlay")
                    .withSeverity(Severity.WARNING)
                    .withHelp("give the network Canal uses its `mtu` (`canal { on NETWORK }`), or set `mtu "
                            + (ETHERNET_MTU - overhead) + "`"));
        }
    }

    private void checkPort(int port, Span span) {
        String user = NODE_PORTS.get(port);
        if (user == null && port >= NODE_PORT_FIRST && port <= NODE_PORT_LAST) {
            user = "the NodePort range " + NODE_PORT_FIRST + "-" + NODE_PORT_LAST;
        }
        if (user != null) {
            sink.report(Diagnostic.of(Code.NS4015, span, port, user)
                    .withNote("the tunnel port is bound on every node's host network")
                    .withHelp("leave `port` out to use the backend's default (VXLAN 8472, WireGuard 51820/51821)"));
        }
    }
}
