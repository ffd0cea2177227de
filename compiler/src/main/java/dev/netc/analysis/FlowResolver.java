package dev.netc.analysis;

import dev.netc.ast.Endpoint;
import dev.netc.ast.PortRef;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Flow;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Tier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the ends and ports of {@code allow} statements.
 *
 * <p>A bare name inside a namespace block is, in this order, a tier of that namespace, an
 * external, or a namespace (all its pods). Outside namespace blocks tiers need their
 * namespace: {@code app.frontend}.
 */
final class FlowResolver {
    private final Map<String, Namespace> namespaces;
    private final ExternalResolver externals;
    private final Map<String, Statement.PortConstant> portConstants;
    private final Values values;
    private final DiagnosticSink sink;
    private final Map<String, List<PortRange>> constantRanges = new LinkedHashMap<>();
    /** Tiers by namespace and name, and the first namespace declaring each tier name: lookups per flow end stay O(1). */
    private final Map<String, Map<String, Tier>> tiers = new HashMap<>();
    private final Map<String, String> firstNamespaceOfTier = new HashMap<>();

    FlowResolver(Map<String, Namespace> namespaces, ExternalResolver externals,
            Map<String, Statement.PortConstant> portConstants, Values values, DiagnosticSink sink) {
        this.namespaces = namespaces;
        this.externals = externals;
        this.portConstants = portConstants;
        this.values = values;
        this.sink = sink;
        namespaces.forEach((name, namespace) -> {
            Map<String, Tier> byName = new HashMap<>();
            for (Tier tier : namespace.tiers()) {
                byName.put(tier.name(), tier);
                firstNamespaceOfTier.putIfAbsent(tier.name(), name);
            }
            tiers.put(name, byName);
        });
    }

    /** @param context the namespace the statement is written in, or null at the top level */
    List<Flow> resolve(Statement.Allow allow, String context) {
        List<Peer> from = allow.from().stream().flatMap(e -> peer(e, context).stream()).toList();
        List<Peer> to = allow.to().stream().flatMap(e -> peer(e, context).stream()).toList();
        if (from.size() != allow.from().size() || to.size() != allow.to().size()) {
            return List.of();
        }
        List<Flow> flows = new ArrayList<>();
        for (Peer target : to) {
            Optional<List<PortRange>> ports = ports(allow.ports(), target);
            if (ports.isEmpty()) {
                continue;
            }
            for (Peer source : from) {
                flows.add(new Flow(source, target, ports.get(), allow.span()));
            }
        }
        return flows;
    }

    private Optional<Peer> peer(Endpoint endpoint, String context) {
        return endpoint.accept(new Endpoint.Visitor<>() {
            @Override
            public Optional<Peer> everyNamespace(Endpoint.EveryNamespace end) {
                return Optional.of(new Peer.AllNamespaces());
            }

            @Override
            public Optional<Peer> wholeNamespace(Endpoint.WholeNamespace whole) {
                return namespace(whole.namespace().text(), whole.namespace().span()).map(ns -> new Peer.NamespacePeer(ns.name()));
            }

            @Override
            public Optional<Peer> named(Endpoint.Named named) {
                return namedPeer(named.name(), context);
            }

            @Override
            public Optional<Peer> address(Endpoint.Address address) {
                return values.cidrOrHost(address.value())
                        .map(cidr -> new Peer.Addresses(cidr.toString(), List.of(new Peer.IpBlock(cidr, List.of()))));
            }
        });
    }

    private Optional<Peer> namedPeer(dev.netc.ast.Name name, String context) {
        String text = name.text();
        int dot = text.indexOf('.');
        if (dot > 0 && !externals.names().contains(text)) {
            String namespaceName = text.substring(0, dot);
            String tierName = text.substring(dot + 1);
            Optional<Namespace> namespace = namespace(namespaceName, name.span());
            if (namespace.isEmpty()) {
                return Optional.empty();
            }
            Optional<Tier> tier = Optional.ofNullable(tiers.get(namespaceName).get(tierName));
            if (tier.isEmpty()) {
                Diagnostic missing = Diagnostic.of(Code.NS1001, name.span(), "tier", tierName, " in namespace `" + namespaceName + "`");
                List<String> qualified = namespace.get().tiers().stream().map(Tier::qualifiedName).toList();
                sink.report(Suggest.didYouMean(missing, text, qualified).orElse(missing));
                return Optional.empty();
            }
            return Optional.of(new Peer.TierPeer(tier.get()));
        }
        if (context != null) {
            Tier tier = tiers.get(context).get(text);
            if (tier != null) {
                return Optional.of(new Peer.TierPeer(tier));
            }
        }
        if (externals.names().contains(text)) {
            return externals.peer(text).map(p -> p);
        }
        if (namespaces.containsKey(text)) {
            return Optional.of(new Peer.NamespacePeer(text));
        }
        List<String> candidates = new ArrayList<>(externals.names());
        candidates.addAll(namespaces.keySet());
        if (context != null) {
            namespaces.get(context).tiers().forEach(t -> candidates.add(t.name()));
        } else if (firstNamespaceOfTier.containsKey(text)) {
            String owner = firstNamespaceOfTier.get(text);
            sink.report(Diagnostic.of(Code.NS3005, name.span(), text).withHelp("write `" + owner + "." + text + "`"));
            return Optional.empty();
        }
        Diagnostic missing = Diagnostic.of(Code.NS1001, name.span(), "tier, external or namespace", text, "");
        sink.report(Suggest.didYouMean(missing, text, candidates).orElse(missing));
        return Optional.empty();
    }

    private Optional<Namespace> namespace(String name, dev.netc.source.Span span) {
        Namespace namespace = namespaces.get(name);
        if (namespace == null) {
            Diagnostic missing = Diagnostic.of(Code.NS1001, span, "namespace", name, "");
            sink.report(Suggest.didYouMean(missing, name, namespaces.keySet())
                    .orElse(missing.withHelp("declare it: `namespace " + name + " { ... }`")));
        }
        return Optional.ofNullable(namespace);
    }

    /** Resolved ports towards {@code target}; empty (reported) on any error. */
    private Optional<List<PortRange>> ports(List<PortRef> refs, Peer target) {
        List<PortRange> result = new ArrayList<>();
        boolean ok = true;
        for (PortRef ref : refs) {
            Optional<List<PortRange>> ranges = port(ref, target);
            ok &= ranges.isPresent();
            ranges.ifPresent(result::addAll);
        }
        return ok ? Optional.of(result.stream().distinct().toList()) : Optional.empty();
    }

    private Optional<List<PortRange>> port(PortRef ref, Peer target) {
        return ref.accept(new PortRef.Visitor<>() {
            @Override
            public Optional<List<PortRange>> literal(PortRef.Literal literal) {
                Optional<PortRange> range = values.portSpec(literal.text(), literal.span());
                range.ifPresent(r -> checkExposed(target, r, ref));
                return range.map(List::of);
            }

            @Override
            public Optional<List<PortRange>> bare(PortRef.Bare bare) {
                sink.report(Diagnostic.of(Code.NS2016, ref.span(), bare.number())
                        .withHelp("write `" + bare.number() + "/tcp` (or `/udp`, `/sctp`)"));
                return Optional.empty();
            }

            @Override
            public Optional<List<PortRange>> named(PortRef.Named named) {
                return namedPort(named, target);
            }
        });
    }

    private Optional<List<PortRange>> namedPort(PortRef.Named ref, Peer target) {
        String name = ref.name().text();
        if (target instanceof Peer.TierPeer tierPeer) {
            Optional<Tier.TierPort> port = tierPeer.tier().ports().stream().filter(p -> p.name().equals(name)).findFirst();
            if (port.isPresent()) {
                return Optional.of(List.of(port.get().range()));
            }
        }
        if (portConstants.containsKey(name)) {
            List<PortRange> ranges = constant(name);
            ranges.forEach(r -> checkExposed(target, r, ref));
            return Optional.of(ranges);
        }
        List<String> candidates = new ArrayList<>(portConstants.keySet());
        if (target instanceof Peer.TierPeer tierPeer) {
            tierPeer.tier().ports().forEach(p -> candidates.add(p.name()));
        }
        Diagnostic missing = Diagnostic.of(Code.NS1001, ref.span(), "port", name,
                target instanceof Peer.TierPeer t ? " in tier `" + t.tier().qualifiedName() + "` or the port constants" : "");
        sink.report(Suggest.didYouMean(missing, name, candidates).orElse(missing));
        return Optional.empty();
    }

    /** The port constants resolved so far: those a flow uses. */
    Set<String> resolvedPortConstants() {
        return Set.copyOf(constantRanges.keySet());
    }

    /** Resolves every port constant, so that one no flow uses is checked too. */
    void resolvePortConstants() {
        portConstants.keySet().forEach(this::constant);
    }

    private List<PortRange> constant(String name) {
        return constantRanges.computeIfAbsent(name, n -> {
            List<PortRange> ranges = new ArrayList<>();
            for (PortRef ref : portConstants.get(n).ports()) {
                if (ref instanceof PortRef.Literal literal) {
                    values.portSpec(literal.text(), literal.span()).ifPresent(ranges::add);
                } else {
                    sink.report(Diagnostic.of(Code.NS2009, ref.span(), "a port such as `80/tcp`", "`" + ref.span().text() + "`"));
                }
            }
            return ranges;
        });
    }

    /** A flow to a tier that declares ports may only use those ports. */
    private void checkExposed(Peer target, PortRange range, PortRef ref) {
        if (target instanceof Peer.TierPeer tierPeer && !tierPeer.tier().ports().isEmpty()
                && tierPeer.tier().ports().stream().noneMatch(p -> p.range().covers(range))) {
            Tier tier = tierPeer.tier();
            sink.report(Diagnostic.of(Code.NS3001, ref.span(), tier.qualifiedName(), range)
                    .withNote("`" + tier.qualifiedName() + "` exposes " + String.join(", ",
                            tier.ports().stream().map(p -> p.name() + " " + p.range()).toList()))
                    .withHelp("add `port NAME " + range + "` to the tier, or use one of its ports"));
        }
    }
}
