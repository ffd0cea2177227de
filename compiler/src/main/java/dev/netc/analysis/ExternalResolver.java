package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Cluster;
import dev.netc.model.Peer;
import dev.netc.net.AddressSet;
import dev.netc.net.Cidr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Externals ({@code external internet = 0.0.0.0/0 except private, cluster.pods}) resolved to
 * ipBlocks. Items may name other externals and the cluster's own ranges: {@code cluster.pods},
 * {@code cluster.services}, {@code cluster.servers}. An external holds exactly the addresses
 * of its included items less those of its exceptions, and an external named as an item, in
 * either position and at any depth, stands for exactly its own addresses, exceptions included
 * (an {@link AddressSet}); the ipBlocks say that set, neither more nor less.
 */
final class ExternalResolver {
    private final Map<String, Declarations.Declared<Statement.External>> declared;
    private final Optional<Cluster> cluster;
    private final Values values;
    /** Where externals name other externals. */
    private final Bindings.Recorder bindings;

    private final DiagnosticSink sink;
    /** What each external holds, once worked out, for use inside another and as a peer. */
    private final Map<String, Addresses> addresses = new HashMap<>();

    private final Map<String, Peer.Addresses> resolved = new HashMap<>();
    private final Set<String> inProgress = new HashSet<>();

    /** What an external's included items hold, and what is left of it after its exceptions. */
    private static final class Addresses {
        final AddressSet included;
        final AddressSet left;

        Addresses(AddressSet included, AddressSet left) {
            this.included = included;
            this.left = left;
        }
    }

    ExternalResolver(
            Map<String, Declarations.Declared<Statement.External>> declared,
            Optional<Cluster> cluster,
            Values values,
            Bindings.Recorder bindings,
            DiagnosticSink sink) {
        this.declared = declared;
        this.cluster = cluster;
        this.values = values;
        this.bindings = bindings;
        this.sink = sink;
    }

    Set<String> names() {
        return declared.keySet();
    }

    /** The externals resolved so far, directly or inside another external: those a flow uses. */
    Set<String> resolvedNames() {
        Set<String> names = new HashSet<>(resolved.keySet());
        names.addAll(addresses.keySet());
        return names;
    }

    /** The external as a peer; empty (reported) when it cannot be resolved. */
    Optional<Peer.Addresses> peer(String name) {
        if (resolved.containsKey(name)) {
            return Optional.ofNullable(resolved.get(name));
        }
        Addresses external = addresses(name);
        List<Peer.IpBlock> blocks = new ArrayList<>();
        external.left.blocks().forEach((cidr, except) -> blocks.add(new Peer.IpBlock(cidr, except)));
        Peer.Addresses peer = null;
        if (blocks.isEmpty() && !external.included.isEmpty()) {
            sink.report(Diagnostic.of(
                    Code.NS3004, declared.get(name).statement().name().span(), name));
        } else if (!blocks.isEmpty()) {
            peer = new Peer.Addresses(name, blocks);
        }
        resolved.put(name, peer);
        return Optional.ofNullable(peer);
    }

    /**
     * What an external holds, worked out once; an external that includes or excepts itself is
     * reported (NS1004). The externals it names are worked out first, depth first with a stack of
     * its own rather than by recursion: a chain of thousands of externals, each naming the one
     * before, must not overflow the thread's stack.
     */
    private Addresses addresses(String name) {
        Addresses known = addresses.get(name);
        if (known != null) {
            return known;
        }
        Deque<Pending> path = new ArrayDeque<>();
        path.push(new Pending(name, named(name).iterator()));
        inProgress.add(name);
        while (!path.isEmpty()) {
            Pending top = path.peek();
            if (top.next.hasNext()) {
                String next = top.next.next();
                if (addresses.containsKey(next)) {
                    continue;
                }
                if (!inProgress.add(next)) {
                    reportCycle(next);
                    continue;
                }
                path.push(new Pending(next, named(next).iterator()));
            } else {
                path.pop();
                addresses.put(top.name, compute(top.name));
                inProgress.remove(top.name);
            }
        }
        return addresses.get(name);
    }

    /** An external on the way down, and the externals it names that are still to be visited. */
    private record Pending(String name, Iterator<String> next) {}

    /** The declared externals an external names among its items, in order. */
    private List<String> named(String name) {
        Statement.External external = declared.get(name).statement();
        List<String> names = new ArrayList<>();
        for (List<Value> items : List.of(external.include(), external.exclude())) {
            for (Value item : items) {
                if (item instanceof Value.Word word && declared.containsKey(word.text())) {
                    names.add(word.text());
                }
            }
        }
        return names;
    }

    private void reportCycle(String name) {
        sink.report(Diagnostic.of(
                Code.NS1004,
                declared.get(name).statement().name().span(),
                "external",
                "`" + name + "` includes itself, directly or through other externals"));
    }

    /** What an external holds, once every external it names is worked out (or is part of a cycle, reported). */
    private Addresses compute(String name) {
        Statement.External external = declared.get(name).statement();
        AddressSet included = AddressSet.EMPTY;
        for (Value item : external.include()) {
            included = included.union(item(item, name));
        }
        AddressSet excluded = AddressSet.EMPTY;
        for (Value item : external.exclude()) {
            AddressSet items = item(item, name);
            if (!(item instanceof Value.Word)) {
                for (Cidr e : items.blocks().keySet()) {
                    if (!included.overlaps(e)) {
                        sink.report(
                                Diagnostic.of(Code.NS2018, item.span(), e, name).withLabel("excludes nothing"));
                    }
                }
            }
            excluded = excluded.union(items);
        }
        return new Addresses(included, included.minus(excluded));
    }

    /** The addresses of an item: a range or address, a built-in range of the cluster, or an external. */
    private AddressSet item(Value item, String owner) {
        if (item instanceof Value.Word word) {
            String name = word.text();
            switch (name) {
                case "cluster.pods":
                    return AddressSet.of(cluster.map(Cluster::podCidrs).orElse(ClusterAnalyzer.DEFAULT_PODS));
                case "cluster.services":
                    return AddressSet.of(cluster.map(Cluster::serviceCidrs).orElse(ClusterAnalyzer.DEFAULT_SERVICES));
                case "cluster.servers":
                    if (cluster.isEmpty()) {
                        sink.report(
                                Diagnostic.of(Code.NS1001, word.span(), "cluster", "cluster", " for `cluster.servers`")
                                        .withNote("`" + owner + "` needs the addresses of the cluster's server nodes"));
                        return AddressSet.EMPTY;
                    }
                    return AddressSet.of(cluster.get().servers().stream()
                            .flatMap(n -> n.nodeIps().stream())
                            .map(Cidr::host)
                            .toList());
                default:
                    if (declared.containsKey(name)) {
                        bindings.use(word.span(), Bindings.Kind.EXTERNAL, name);
                        // worked out before this one, or on the way to it: part of a cycle, reported
                        Addresses named = addresses.get(name);
                        return named == null ? AddressSet.EMPTY : named.left;
                    }
                    Diagnostic missing = Diagnostic.of(Code.NS1001, word.span(), "external", name, "");
                    List<String> candidates = new ArrayList<>(declared.keySet());
                    candidates.addAll(List.of("cluster.pods", "cluster.services", "cluster.servers"));
                    sink.report(Suggest.didYouMean(missing, name, candidates).orElse(missing));
                    return AddressSet.EMPTY;
            }
        }
        return AddressSet.of(values.cidrOrHost(item).map(List::of).orElse(List.of()));
    }
}
