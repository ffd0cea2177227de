package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Cluster;
import dev.netc.model.Peer;
import dev.netc.net.Cidr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Externals ({@code external internet = 0.0.0.0/0 except private, cluster.pods}) resolved to
 * ipBlocks. Items may name other externals and the cluster's own ranges: {@code cluster.pods},
 * {@code cluster.services}, {@code cluster.servers}. Exceptions are kept only where they lie
 * strictly inside an included range, as the API server requires.
 */
final class ExternalResolver {
    private final Map<String, Declarations.Declared<Statement.External>> declared;
    private final Optional<Cluster> cluster;
    private final Values values;
    private final DiagnosticSink sink;
    private final Map<String, List<Cidr>> resolvedIncludes = new HashMap<>();
    private final Map<String, Peer.Addresses> resolved = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    ExternalResolver(Map<String, Declarations.Declared<Statement.External>> declared, Optional<Cluster> cluster,
            Values values, DiagnosticSink sink) {
        this.declared = declared;
        this.cluster = cluster;
        this.values = values;
        this.sink = sink;
    }

    Set<String> names() {
        return declared.keySet();
    }

    /** The externals resolved so far, directly or inside another external: those a flow uses. */
    Set<String> resolvedNames() {
        Set<String> names = new HashSet<>(resolved.keySet());
        names.addAll(resolvedIncludes.keySet());
        return names;
    }

    /** The external as a peer; empty (reported) when it cannot be resolved. */
    Optional<Peer.Addresses> peer(String name) {
        if (resolved.containsKey(name)) {
            return Optional.ofNullable(resolved.get(name));
        }
        Statement.External external = declared.get(name).statement();
        List<Cidr> include = ranges(name);
        List<Cidr> exclude = new ArrayList<>();
        for (Value item : external.exclude()) {
            List<Cidr> excluded = item(item, name);
            if (!(item instanceof Value.Word)) {
                excluded.stream().filter(e -> include.stream().noneMatch(e::overlaps)).findFirst().ifPresent(e ->
                        sink.report(Diagnostic.of(Code.NS2018, item.span(), e, name).withLabel("excludes nothing")));
            }
            exclude.addAll(excluded);
        }
        List<Peer.IpBlock> blocks = new ArrayList<>();
        for (Cidr cidr : include) {
            if (exclude.stream().anyMatch(e -> e.covers(cidr))) {
                continue;
            }
            blocks.add(new Peer.IpBlock(cidr, minimal(exclude.stream().filter(e -> cidr.covers(e) && e.prefix() > cidr.prefix()).toList())));
        }
        Peer.Addresses peer = null;
        if (blocks.isEmpty() && !include.isEmpty()) {
            sink.report(Diagnostic.of(Code.NS3004, external.name().span(), name));
        } else if (!blocks.isEmpty()) {
            peer = new Peer.Addresses(name, blocks);
        }
        resolved.put(name, peer);
        return Optional.ofNullable(peer);
    }

    /** The included ranges of an external (without its exceptions), for use inside another. */
    private List<Cidr> ranges(String name) {
        if (resolvedIncludes.containsKey(name)) {
            return resolvedIncludes.get(name);
        }
        if (!inProgress.add(name)) {
            Statement.External external = declared.get(name).statement();
            sink.report(Diagnostic.of(Code.NS1004, external.name().span(), "external",
                    "`" + name + "` includes itself, directly or through other externals"));
            return List.of();
        }
        List<Cidr> include = new ArrayList<>();
        for (Value item : declared.get(name).statement().include()) {
            include.addAll(item(item, name));
        }
        inProgress.remove(name);
        List<Cidr> result = minimal(include);
        resolvedIncludes.put(name, result);
        return result;
    }

    private List<Cidr> item(Value item, String owner) {
        if (item instanceof Value.Word word) {
            String name = word.text();
            switch (name) {
                case "cluster.pods":
                    return cluster.map(Cluster::podCidrs).orElse(ClusterAnalyzer.DEFAULT_PODS);
                case "cluster.services":
                    return cluster.map(Cluster::serviceCidrs).orElse(ClusterAnalyzer.DEFAULT_SERVICES);
                case "cluster.servers":
                    if (cluster.isEmpty()) {
                        sink.report(Diagnostic.of(Code.NS1001, word.span(), "cluster", "cluster", " for `cluster.servers`")
                                .withNote("`" + owner + "` needs the addresses of the cluster's server nodes"));
                        return List.of();
                    }
                    return cluster.get().servers().stream().flatMap(n -> n.nodeIps().stream()).map(Cidr::host).toList();
                default:
                    if (declared.containsKey(name)) {
                        return ranges(name);
                    }
                    Diagnostic missing = Diagnostic.of(Code.NS1001, word.span(), "external", name, "");
                    List<String> candidates = new ArrayList<>(declared.keySet());
                    candidates.addAll(List.of("cluster.pods", "cluster.services", "cluster.servers"));
                    sink.report(Suggest.didYouMean(missing, name, candidates).orElse(missing));
                    return List.of();
            }
        }
        return values.cidrOrHost(item).map(List::of).orElse(List.of());
    }

    /**
     * Sorted, without ranges covered by another. Two CIDRs are either disjoint or one covers the
     * other, so in address order (wider first on ties) a range is covered by another exactly
     * when the last one kept covers it: one pass after sorting, not a comparison of every pair.
     */
    static List<Cidr> minimal(List<Cidr> cidrs) {
        List<Cidr> result = new ArrayList<>();
        for (Cidr cidr : new TreeSet<>(cidrs)) {
            if (result.isEmpty() || !result.get(result.size() - 1).covers(cidr)) {
                result.add(cidr);
            }
        }
        return result;
    }
}
