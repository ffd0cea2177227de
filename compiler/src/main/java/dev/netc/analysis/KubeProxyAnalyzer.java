package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.consumers.ConsumerTables;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.KubeProxy;
import dev.netc.source.Span;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code kube-proxy ipvs { scheduler rr; strict-arp; sync-period 30s }}, lowered to kube-proxy
 * flags (RKE2's {@code kube-proxy-arg}) and the kernel modules IPVS needs.
 */
final class KubeProxyAnalyzer {
    private static final List<String> MODES = NetspecVocabulary.KUBE_PROXY_MODE_WORDS;
    /** Schedulers documented for kube-proxy's IPVS mode. */
    private static final List<String> SCHEDULERS = NetspecVocabulary.IPVS_SCHEDULER_WORDS;

    private static final List<String> IPVS_MODULES =
            List.of("ip_vs", "ip_vs_rr", "ip_vs_wrr", "ip_vs_sh", "nf_conntrack");
    private static final Set<String> IPVS_ONLY = Set.of("scheduler", "strict-arp", "exclude-cidrs");
    /** netspec property → kube-proxy flag, for the properties that take a value as-is. */
    private static final Map<String, String> CONNTRACK = Map.of(
            "conntrack-max-per-core", "conntrack-max-per-core",
            "conntrack-min", "conntrack-min",
            "conntrack-tcp-timeout-established", "conntrack-tcp-timeout-established",
            "conntrack-tcp-timeout-close-wait", "conntrack-tcp-timeout-close-wait");

    /**
     * The kube-proxy flags the block writes, and the property each comes from. kube-proxy takes the
     * last of a repeated flag, and RKE2 appends `kube-proxy-arg` items after the block's: one of
     * these given raw would undo the block (`ipvs-strict-arp=false` after `strict-arp`) behind the
     * checks made on it, so it is NS4003 like `proxy-mode`.
     */
    static final Map<String, String> PROPERTY_OF_FLAG = Map.ofEntries(
            Map.entry("proxy-mode", "the mode, `kube-proxy MODE`"),
            Map.entry("ipvs-scheduler", "`scheduler`"),
            Map.entry("ipvs-strict-arp", "`strict-arp`"),
            Map.entry("ipvs-sync-period", "`sync-period`"),
            Map.entry("iptables-sync-period", "`sync-period`"),
            Map.entry("ipvs-min-sync-period", "`min-sync-period`"),
            Map.entry("iptables-min-sync-period", "`min-sync-period`"),
            Map.entry("ipvs-exclude-cidrs", "`exclude-cidrs`"),
            Map.entry("conntrack-max-per-core", "`conntrack-max-per-core`"),
            Map.entry("conntrack-min", "`conntrack-min`"),
            Map.entry("conntrack-tcp-timeout-established", "`conntrack-tcp-timeout-established`"),
            Map.entry("conntrack-tcp-timeout-close-wait", "`conntrack-tcp-timeout-close-wait`"));

    /** kube-proxy's defaults for the sync periods, in nanoseconds. */
    private static final long DEFAULT_SYNC_PERIOD = 30_000_000_000L;

    private static final long DEFAULT_MIN_SYNC_PERIOD = 1_000_000_000L;

    private final Values values;
    private final DiagnosticSink sink;
    /** Whether the spec has MetalLB (the `metallb-system` namespace), which needs strict ARP under IPVS. */
    private final boolean metallb;

    KubeProxyAnalyzer(Values values, boolean metallb, DiagnosticSink sink) {
        this.values = values;
        this.metallb = metallb;
        this.sink = sink;
    }

    /** From {@code kube-proxy MODE} or {@code kube-proxy MODE { ... }}; empty when neither is written. */
    Optional<KubeProxy> analyze(Optional<Statement.Property> shorthand, List<Statement.Block> blocks) {
        if (blocks.size() > 1 || (shorthand.isPresent() && !blocks.isEmpty())) {
            var second = blocks.size() > 1
                    ? blocks.get(1).kind().span()
                    : blocks.get(0).kind().span();
            sink.report(Diagnostic.of(Code.NS1002, second, "block", "kube-proxy"));
        }
        if (!blocks.isEmpty()) {
            Statement.Block block = blocks.get(0);
            if (block.label() == null) {
                sink.report(Diagnostic.of(Code.NS2010, block.kind().span(), "`kube-proxy`", "a mode")
                        .withHelp("write `kube-proxy ipvs { ... }` (or iptables, nftables)"));
                return Optional.empty();
            }
            Optional<String> mode = mode(block.label());
            BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.KUBE_PROXY, sink);
            mode.filter(m -> m.equals("ipvs")
                            && metallb
                            && reader.property("strict-arp").isEmpty())
                    .ifPresent(m -> reportMetallbWithoutStrictArp(block.label().span()));
            return mode.map(m -> build(m, reader));
        }
        Optional<Value> value = shorthand.flatMap(p -> Properties.single(p, sink));
        Optional<String> mode = value.flatMap(this::mode);
        mode.filter(m -> m.equals("ipvs") && metallb)
                .ifPresent(m -> reportMetallbWithoutStrictArp(value.get().span()));
        return mode.map(m -> build(m, new BlockReader(List.of(), NetspecVocabulary.KUBE_PROXY, sink)));
    }

    /** MetalLB's L2 mode answers ARP for service addresses, which IPVS also does unless strict ARP is on (K29). */
    private void reportMetallbWithoutStrictArp(Span mode) {
        sink.report(Diagnostic.of(Code.NS4016, mode)
                .withNote("IPVS puts every service address on the kube-ipvs0 interface; without strict ARP each node "
                        + "answers ARP for them and MetalLB's announcements lose")
                .withHelp("write `kube-proxy ipvs { strict-arp }`"));
    }

    private Optional<String> mode(Value value) {
        Optional<String> word = values.word(value, "a kube-proxy mode");
        if (word.isPresent() && !MODES.contains(word.get())) {
            Diagnostic unknown = Diagnostic.of(Code.NS4010, value.span(), word.get());
            sink.report(Suggest.didYouMean(unknown, word.get(), MODES)
                    .orElse(unknown.withNote("kube-proxy modes on Linux: iptables, ipvs, nftables")));
            return Optional.empty();
        }
        if (word.isPresent() && word.get().equals("ipvs")) {
            sink.report(Diagnostic.of(Code.NS4017, value.span())
                    .withNote(
                            "Kubernetes deprecates kube-proxy's IPVS mode from 1.35; it still works, but will be removed")
                    .withHelp("plan a move to `kube-proxy nftables` (experimental in RKE2) or `iptables`"));
        }
        return word;
    }

    private KubeProxy build(String mode, BlockReader reader) {
        if (mode.equals("none")) {
            // no kube-proxy runs: its options have nothing to configure
            NetspecVocabulary.KUBE_PROXY
                    .properties()
                    .forEach(key -> reader.property(key)
                            .ifPresent(p -> sink.report(
                                    Diagnostic.of(Code.NS4011, p.key().span(), key, "iptables, ipvs or nftables"))));
            return new KubeProxy(mode, List.of(), List.of());
        }
        List<String> args = new ArrayList<>();
        args.add("proxy-mode=" + mode);
        Set<String> modules = new LinkedHashSet<>();
        if (mode.equals("ipvs")) {
            modules.addAll(IPVS_MODULES);
        } else {
            for (String key : IPVS_ONLY) {
                reader.property(key)
                        .ifPresent(p ->
                                sink.report(Diagnostic.of(Code.NS4011, p.key().span(), key, "ipvs")));
            }
        }
        reader.property("scheduler")
                .filter(p -> mode.equals("ipvs"))
                .flatMap(p -> Properties.single(p, sink))
                .flatMap(this::scheduler)
                .ifPresent(scheduler -> {
                    args.add("ipvs-scheduler=" + scheduler);
                    modules.add("ip_vs_" + scheduler);
                });
        reader.property("strict-arp").filter(p -> mode.equals("ipvs")).ifPresent(p -> {
            Properties.flag(p, sink);
            args.add("ipvs-strict-arp=true");
        });
        syncPeriods(mode, reader, args);
        reader.property("exclude-cidrs").filter(p -> mode.equals("ipvs")).ifPresent(p -> {
            List<String> cidrs = Properties.list(p, sink).stream()
                    .flatMap(v -> values.cidr(v).stream())
                    .map(Object::toString)
                    .toList();
            if (!cidrs.isEmpty()) {
                args.add("ipvs-exclude-cidrs=" + String.join(",", cidrs));
            }
        });
        for (String key : List.of("conntrack-max-per-core", "conntrack-min")) {
            reader.property(key)
                    .flatMap(p -> Properties.single(p, sink))
                    .map(v -> values.integer(v, "`" + key + "`", 0, Integer.MAX_VALUE))
                    .filter(java.util.OptionalInt::isPresent)
                    .ifPresent(n -> args.add(CONNTRACK.get(key) + "=" + n.getAsInt()));
        }
        for (String key : List.of("conntrack-tcp-timeout-established", "conntrack-tcp-timeout-close-wait")) {
            duration(reader, key).ifPresent(d -> args.add(CONNTRACK.get(key) + "=" + d));
        }
        boolean tableSized = args.stream().anyMatch(a -> a.startsWith("conntrack-max-per-core=") && !a.endsWith("=0"));
        reader.property("conntrack-min")
                .filter(p -> !tableSized && args.stream().anyMatch(a -> a.startsWith("conntrack-min=")))
                .ifPresent(p -> sink.report(Diagnostic.of(
                                Code.NS4023,
                                p.key().span(),
                                "conntrack-min",
                                "it only raises a conntrack table that kube-proxy sizes, and "
                                        + "RKE2 starts kube-proxy with `conntrack-max-per-core=0`, which leaves the table alone")
                        .withNote(cite("conntrack-min"))
                        .withHelp("also set `conntrack-max-per-core` above 0, or leave `conntrack-min` out")));
        return new KubeProxy(mode, args, List.copyOf(modules));
    }

    /**
     * {@code sync-period} and {@code min-sync-period}: kube-proxy reads the {@code ipvs-} flags in
     * IPVS mode and the {@code iptables-} ones in every other mode, nftables included (it has no
     * flags of its own). It exits unless the period is above 0 and the minimum (1s by default) is
     * not above the period (30s by default).
     */
    private void syncPeriods(String mode, BlockReader reader, List<String> args) {
        String prefix = mode.equals("ipvs") ? "ipvs-" : "iptables-";
        Optional<Statement.Property> periodProperty = reader.property("sync-period");
        Optional<Statement.Property> minimumProperty = reader.property("min-sync-period");
        Optional<String> period = duration(reader, "sync-period");
        Optional<String> minimum = duration(reader, "min-sync-period");
        period.ifPresent(d -> args.add(prefix + "sync-period=" + d));
        minimum.ifPresent(d -> args.add(prefix + "min-sync-period=" + d));
        long periodNanos = period.map(d -> Values.nanos(d).getAsLong()).orElse(DEFAULT_SYNC_PERIOD);
        long minimumNanos = minimum.map(d -> Values.nanos(d).getAsLong()).orElse(DEFAULT_MIN_SYNC_PERIOD);
        if (period.isPresent() && periodNanos == 0) {
            sink.report(Diagnostic.of(
                            Code.NS4022,
                            periodProperty.get().span(),
                            prefix + "sync-period=" + period.get(),
                            "the period must be above 0")
                    .withNote(cite(prefix + "sync-period"))
                    .withHelp("leave `sync-period` out for kube-proxy's 30s"));
        } else if (minimumNanos > periodNanos) {
            Statement.Property where = minimumProperty.orElseGet(periodProperty::get);
            sink.report(Diagnostic.of(
                            Code.NS4022,
                            where.span(),
                            prefix + "min-sync-period=" + minimum.orElse("1s"),
                            "the minimum sync period " + minimum.orElse("(1s by default)")
                                    + " is above the sync period " + period.orElse("(30s by default)"))
                    .withNote(cite(prefix + "min-sync-period"))
                    .withHelp("make `min-sync-period` at most `sync-period`"));
        }
    }

    /** Where kube-proxy decides about a flag: the first row of the validation table that names it. */
    static String cite(String flag) {
        return ConsumerTables.KUBE_PROXY_RULES.stream()
                .filter(r -> r.flag().equals(flag))
                .findFirst()
                .map(r -> "kube-proxy: " + r.rule() + " (" + r.source() + ")")
                .orElse("");
    }

    private Optional<String> duration(BlockReader reader, String key) {
        return reader.property(key).flatMap(p -> Properties.single(p, sink)).flatMap(values::duration);
    }

    private Optional<String> scheduler(Value value) {
        Optional<String> word = values.word(value, "an IPVS scheduler");
        if (word.isPresent() && !SCHEDULERS.contains(word.get())) {
            Diagnostic unknown = Diagnostic.of(Code.NS2009, value.span(), "an IPVS scheduler", "`" + word.get() + "`");
            sink.report(Suggest.didYouMean(unknown, word.get(), SCHEDULERS)
                    .orElse(unknown.withNote("IPVS schedulers: " + String.join(", ", SCHEDULERS))));
            return Optional.empty();
        }
        return word;
    }
}
