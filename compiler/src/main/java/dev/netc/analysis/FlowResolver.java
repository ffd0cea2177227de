package dev.netc.analysis;

import dev.netc.ast.Endpoint;
import dev.netc.ast.Name;
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
import dev.netc.source.Span;
import java.util.ArrayList;
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
    private final Scope scope;
    private final ExternalResolver externals;
    private final Map<String, Statement.PortConstant> portConstants;
    private final Values values;
    private final Bindings.Recorder bindings;
    private final DiagnosticSink sink;
    private final Map<String, List<PortRange>> constantRanges = new LinkedHashMap<>();

    FlowResolver(
            Scope scope,
            ExternalResolver externals,
            Map<String, Statement.PortConstant> portConstants,
            Values values,
            Bindings.Recorder bindings,
            DiagnosticSink sink) {
        this.scope = scope;
        this.externals = externals;
        this.portConstants = portConstants;
        this.values = values;
        this.bindings = bindings;
        this.sink = sink;
    }

    /** @param context the namespace the statement is written in, or null at the top level */
    List<Flow> resolve(Statement.Allow allow, String context) {
        List<Peer> from =
                allow.from().stream().flatMap(e -> peer(e, context).stream()).toList();
        List<Peer> to =
                allow.to().stream().flatMap(e -> peer(e, context).stream()).toList();
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
                return namespace(whole.namespace().text(), whole.namespace().span())
                        .map(ns -> new Peer.NamespacePeer(ns.name()));
            }

            @Override
            public Optional<Peer> named(Endpoint.Named named) {
                return scope.endpoint(named.name().text(), context).accept(new NamedEnd(named.name(), context));
            }

            @Override
            public Optional<Peer> address(Endpoint.Address address) {
                return values.cidrOrHost(address.value())
                        .map(cidr -> new Peer.Addresses(cidr.toString(), List.of(new Peer.IpBlock(cidr, List.of()))));
            }
        });
    }

    /** A name at the end of a flow: its peer and its uses, or what is wrong with it (reported). */
    private final class NamedEnd implements Scope.Meaning.Visitor<Optional<Peer>> {
        private final Name name;
        private final String context;

        NamedEnd(Name name, String context) {
            this.name = name;
            this.context = context;
        }

        @Override
        public Optional<Peer> tier(Scope.Meaning.OfTier meaning) {
            Tier tier = meaning.tier();
            if (meaning.dot() < 0) {
                bindings.use(name.span(), Bindings.Kind.TIER, tier.qualifiedName());
            } else {
                bindings.use(before(meaning.dot()), Bindings.Kind.NAMESPACE, tier.namespace());
                bindings.use(after(meaning.dot()), Bindings.Kind.TIER, tier.qualifiedName());
            }
            return Optional.of(new Peer.TierPeer(tier));
        }

        @Override
        public Optional<Peer> external(Scope.Meaning.OfExternal meaning) {
            bindings.use(name.span(), Bindings.Kind.EXTERNAL, meaning.name());
            return externals.peer(meaning.name()).map(p -> p);
        }

        @Override
        public Optional<Peer> namespace(Scope.Meaning.OfNamespace meaning) {
            bindings.use(
                    name.span(), Bindings.Kind.NAMESPACE, meaning.namespace().name());
            return Optional.of(new Peer.NamespacePeer(meaning.namespace().name()));
        }

        @Override
        public Optional<Peer> noSuchNamespace(Scope.Meaning.NoSuchNamespace meaning) {
            FlowResolver.this.namespace(meaning.namespace(), name.span());
            return Optional.empty();
        }

        @Override
        public Optional<Peer> noSuchTier(Scope.Meaning.NoSuchTier meaning) {
            bindings.use(
                    before(meaning.dot()),
                    Bindings.Kind.NAMESPACE,
                    meaning.namespace().name());
            Diagnostic missing = Diagnostic.of(
                    Code.NS1001,
                    name.span(),
                    "tier",
                    meaning.tier(),
                    " in namespace `" + meaning.namespace().name() + "`");
            List<String> qualified = meaning.namespace().tiers().stream()
                    .map(Tier::qualifiedName)
                    .toList();
            sink.report(Suggest.didYouMean(missing, name.text(), qualified).orElse(missing));
            return Optional.empty();
        }

        @Override
        public Optional<Peer> tierOutsideNamespace(Scope.Meaning.TierOutsideNamespace meaning) {
            sink.report(Diagnostic.of(Code.NS3005, name.span(), meaning.tier())
                    .withHelp("write `" + meaning.owner() + "." + meaning.tier() + "`"));
            return Optional.empty();
        }

        @Override
        public Optional<Peer> unknown(Scope.Meaning.Unknown meaning) {
            Diagnostic missing =
                    Diagnostic.of(Code.NS1001, name.span(), "tier, external or namespace", name.text(), "");
            sink.report(Suggest.didYouMean(missing, name.text(), scope.candidates(context))
                    .orElse(missing));
            return Optional.empty();
        }

        /** The namespace part of {@code ns.tier}. */
        private Span before(int dot) {
            return new Span(name.span().file(), name.span().start(), name.span().start() + dot);
        }

        /** The tier part of {@code ns.tier}. */
        private Span after(int dot) {
            return new Span(
                    name.span().file(),
                    name.span().start() + dot + 1,
                    name.span().end());
        }
    }

    private Optional<Namespace> namespace(String name, Span span) {
        Optional<Namespace> namespace = scope.namespace(name);
        if (namespace.isEmpty()) {
            Diagnostic missing = Diagnostic.of(Code.NS1001, span, "namespace", name, "");
            sink.report(Suggest.didYouMean(missing, name, scope.namespaceNames())
                    .orElse(missing.withHelp("declare it: `namespace " + name + " { ... }`")));
        } else {
            bindings.use(span, Bindings.Kind.NAMESPACE, name);
        }
        return namespace;
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
            Optional<Tier.TierPort> port = tierPeer.tier().ports().stream()
                    .filter(p -> p.name().equals(name))
                    .findFirst();
            if (port.isPresent()) {
                bindings.use(
                        ref.span(), Bindings.Kind.TIER_PORT, tierPeer.tier().qualifiedName() + ":" + name);
                return Optional.of(List.of(port.get().range()));
            }
        }
        if (portConstants.containsKey(name)) {
            bindings.use(ref.span(), Bindings.Kind.PORT_CONSTANT, name);
            List<PortRange> ranges = constant(name);
            ranges.forEach(r -> checkExposed(target, r, ref));
            return Optional.of(ranges);
        }
        List<String> candidates = new ArrayList<>(portConstants.keySet());
        if (target instanceof Peer.TierPeer tierPeer) {
            tierPeer.tier().ports().forEach(p -> candidates.add(p.name()));
        }
        Diagnostic missing = Diagnostic.of(
                Code.NS1001,
                ref.span(),
                "port",
                name,
                target instanceof Peer.TierPeer t
                        ? " in tier `" + t.tier().qualifiedName() + "` or the port constants"
                        : "");
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
                    sink.report(Diagnostic.of(
                            Code.NS2009,
                            ref.span(),
                            "a port such as `80/tcp`",
                            "`" + ref.span().text() + "`"));
                }
            }
            return ranges;
        });
    }

    /** A flow to a tier that declares ports may only use those ports. */
    private void checkExposed(Peer target, PortRange range, PortRef ref) {
        if (target instanceof Peer.TierPeer tierPeer
                && !tierPeer.tier().ports().isEmpty()
                && tierPeer.tier().ports().stream().noneMatch(p -> p.range().covers(range))) {
            Tier tier = tierPeer.tier();
            sink.report(Diagnostic.of(Code.NS3001, ref.span(), tier.qualifiedName(), range)
                    .withNote("`" + tier.qualifiedName() + "` exposes "
                            + String.join(
                                    ", ",
                                    tier.ports().stream()
                                            .map(p -> p.name() + " " + p.range())
                                            .toList()))
                    .withHelp("add `port NAME " + range + "` to the tier, or use one of its ports"));
        }
    }
}
