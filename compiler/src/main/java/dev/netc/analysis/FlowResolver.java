package dev.netc.analysis;

import dev.netc.ast.Endpoint;
import dev.netc.ast.Name;
import dev.netc.ast.PortRef;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.ContainerPort;
import dev.netc.model.Expectation;
import dev.netc.model.Flow;
import dev.netc.model.FlowPort;
import dev.netc.model.Namespace;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Protocol;
import dev.netc.model.Sides;
import dev.netc.model.Tier;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Resolves the ends and ports of {@code allow} and {@code expect} statements: an expectation's
 * ends and ports mean exactly what a flow's do.
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
    private final Map<String, List<FlowPort>> constantPorts = new LinkedHashMap<>();
    /** What a flow's ports are held to: the tier exposes them (NS3001), a container port has pods (NS3015). */
    private final PortChecks flowChecks;
    /**
     * An expectation may name any port: what a tier exposes restricts the flows that open it, not
     * the questions asked about it, such as {@code expect deny internet -> db:ssh}; a port its
     * destination does not have is simply never allowed.
     */
    private final PortChecks expectationChecks;

    private final ContainerPorts containerPorts;
    private final NamespaceSelection namespaceSelection;

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
        this.containerPorts = new ContainerPorts(values, bindings, sink);
        this.flowChecks = new PortChecks(new PortExposure(sink), true);
        this.expectationChecks = new PortChecks(new PortExposure(new DiagnosticSink()), false);
        this.namespaceSelection = new NamespaceSelection(scope, bindings, sink);
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
        Optional<Sides> written = sides(allow);
        if (written.isEmpty()) {
            return List.of();
        }
        Sides sides = written.get();
        List<Flow> flows = new ArrayList<>();
        for (int i = 0; i < to.size(); i++) {
            Peer target = to.get(i);
            if (allow.ports().isEmpty()) {
                flowChecks.exposure().checkAllPorts(target, allow.to().get(i).span());
            }
            Optional<List<FlowPort>> ports = ports(allow.ports(), target, flowChecks);
            if (ports.isEmpty()) {
                continue;
            }
            for (Peer source : from) {
                flows.add(new Flow(source, target, ports.get(), allow.span(), sides));
            }
        }
        return flows;
    }

    /**
     * An {@code expect} statement: one expectation per pair of ends, as one flow per pair of an
     * {@code allow}; nothing when a part does not resolve (reported).
     *
     * @param context the namespace the statement is written in, or null at the top level
     */
    List<Expectation> resolve(Statement.Expect expect, String context) {
        Optional<Expectation.Verdict> verdict = verdict(expect.verdict());
        List<Peer> from =
                expect.from().stream().flatMap(e -> peer(e, context).stream()).toList();
        List<Peer> to =
                expect.to().stream().flatMap(e -> peer(e, context).stream()).toList();
        if (verdict.isEmpty()
                || from.size() != expect.from().size()
                || to.size() != expect.to().size()) {
            return List.of();
        }
        List<Expectation> expectations = new ArrayList<>();
        for (Peer target : to) {
            Optional<List<FlowPort>> ports = ports(expect.ports(), target, expectationChecks);
            if (ports.isEmpty()) {
                continue;
            }
            for (Peer source : from) {
                expectations.add(new Expectation(verdict.get(), source, target, ports.get(), expect.span()));
            }
        }
        return expectations;
    }

    /** {@code allow} or {@code deny} after {@code expect}; any other word is NS3030. */
    private Optional<Expectation.Verdict> verdict(Name word) {
        for (Expectation.Verdict verdict : Expectation.Verdict.values()) {
            if (verdict.word().equals(word.text())) {
                bindings.form(
                        word.span(),
                        "expect " + verdict.word(),
                        verdict == Expectation.Verdict.ALLOW
                                ? "an expectation: every compile proves, on the emitted policies as `netc query` "
                                        + "evaluates them, that every connection it names is allowed"
                                : "an expectation: every compile proves, on the emitted policies as `netc query` "
                                        + "evaluates them, that no connection it names is allowed");
                return Optional.of(verdict);
            }
        }
        Diagnostic wrong = Diagnostic.of(Code.NS3030, word.span(), word.text());
        sink.report(Suggest.didYouMean(wrong, word.text(), List.of("allow", "deny"))
                .orElse(wrong.withHelp("write `expect allow A -> B:PORT` or `expect deny A -> B:PORT`")));
        return Optional.empty();
    }

    /**
     * The sides the flow writes rules on: both, or the one that {@code ingress} or {@code egress}
     * after {@code allow} names. Any other word there is reported: it is most often the first of
     * two ends written without braces.
     */
    private Optional<Sides> sides(Statement.Allow allow) {
        if (allow.side().isEmpty()) {
            return Optional.of(Sides.BOTH);
        }
        Name side = allow.side().get();
        switch (side.text()) {
            case "ingress":
                bindings.form(
                        side.span(),
                        "allow ingress",
                        "a one-sided flow: only the destination's ingress gets a rule; the source's egress is "
                                + "someone else's to allow");
                return Optional.of(Sides.INGRESS);
            case "egress":
                bindings.form(
                        side.span(),
                        "allow egress",
                        "a one-sided flow: only the source's egress gets a rule; the destination's ingress is "
                                + "someone else's to allow");
                return Optional.of(Sides.EGRESS);
            default:
                sink.report(Diagnostic.of(
                                Code.NS2009,
                                side.span(),
                                "`ingress` or `egress` (a one-sided flow) or a flow end",
                                "`" + side.text() + "` before `"
                                        + allow.from().get(0).span().text() + "`")
                        .withHelp("several ends are written in braces: `{" + side.text() + ", "
                                + allow.from().get(0).span().text() + "}`"));
                return Optional.empty();
        }
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

            @Override
            public Optional<Peer> selectedNamespaces(Endpoint.SelectedNamespaces end) {
                return namespaceSelection.resolve(end);
            }

            @Override
            public Optional<Peer> everyone(Endpoint.Everyone end) {
                bindings.form(
                        end.span(),
                        "everyone",
                        "every pod of every namespace and every address: a rule without peers (no `from` or "
                                + "`to`), which every CNI reads as anyone\n\nas a source, also the egress of every "
                                + "isolated pod of this spec");
                return Optional.of(new Peer.Everyone());
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
            sink.report(StdlibNames.importHelp(name.text())
                    .map(missing::withHelp)
                    .or(() -> Suggest.didYouMean(missing, name.text(), scope.candidates(context)))
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
            sink.report(StdlibNames.importHelp(name)
                    .map(missing::withHelp)
                    .or(() -> Suggest.didYouMean(missing, name, scope.namespaceNames()))
                    .orElse(missing.withHelp("declare it: `namespace " + name + " { ... }`")));
        } else {
            bindings.use(span, Bindings.Kind.NAMESPACE, name);
        }
        return namespace;
    }

    /** Resolved ports towards {@code target}; empty (reported) on any error. */
    /**
     * The checks of the ports of a flow or an expectation towards their destination.
     *
     * @param exposure reports a port the target tier does not expose (or does not, for expectations)
     * @param containerPortsMatch whether a container port name must be one the destination can have
     */
    private record PortChecks(PortExposure exposure, boolean containerPortsMatch) {}

    private Optional<List<FlowPort>> ports(List<PortRef> refs, Peer target, PortChecks checks) {
        List<FlowPort> result = new ArrayList<>();
        boolean ok = true;
        for (PortRef ref : refs) {
            Optional<List<FlowPort>> ports = port(ref, target, checks);
            ok &= ports.isPresent();
            ports.ifPresent(result::addAll);
        }
        return ok ? Optional.of(result.stream().distinct().toList()) : Optional.empty();
    }

    private Optional<List<FlowPort>> port(PortRef ref, Peer target, PortChecks checks) {
        return ref.accept(new PortRef.Visitor<>() {
            @Override
            public Optional<List<FlowPort>> literal(PortRef.Literal literal) {
                return exposed(values.portSpec(literal.text(), literal.span()), target, ref, checks.exposure());
            }

            @Override
            public Optional<List<FlowPort>> bare(PortRef.Bare bare) {
                sink.report(Diagnostic.of(Code.NS2016, ref.span(), bare.number())
                        .withHelp(
                                "write `" + bare.number() + "/tcp` (or `/udp`, `/sctp`), or `tcp` for every TCP port"));
                return Optional.empty();
            }

            @Override
            public Optional<List<FlowPort>> named(PortRef.Named named) {
                return namedPort(named, target, checks);
            }

            @Override
            public Optional<List<FlowPort>> protocol(PortRef.Protocol protocol) {
                Optional<PortRange> every =
                        values.protocol(protocol.protocol(), protocol.span()).map(PortRange::all);
                every.ifPresent(range -> bindings.form(
                        protocol.span(),
                        range.toString(),
                        "every " + range.protocol().name() + " port: written as `protocol: "
                                + range.protocol().name() + "` without a port, which needs no `endPort`"));
                return exposed(every, target, ref, checks.exposure());
            }

            @Override
            public Optional<List<FlowPort>> containerPort(PortRef.ContainerPort port) {
                bindings.form(
                        port.span(),
                        port.span().text(),
                        "the container port named `" + port.name().text() + "` (" + port.protocol()
                                + ") of each destination pod: written by name, and Kubernetes resolves it on each pod");
                return checks.containerPortsMatch()
                        ? containerPorts.resolve(port, target)
                        : containerPorts.parse(port).map(List::of);
            }
        });
    }

    /** A port in numbers, once the tier it goes to is known to expose it. */
    private static Optional<List<FlowPort>> exposed(
            Optional<PortRange> range, Peer target, PortRef ref, PortExposure exposure) {
        range.ifPresent(r -> exposure.check(target, r, ref));
        return range.map(List::of);
    }

    private Optional<List<FlowPort>> namedPort(PortRef.Named ref, Peer target, PortChecks checks) {
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
            List<FlowPort> ports = constant(name);
            for (FlowPort port : ports) {
                port.accept(new FlowPort.Visitor<Void>() {
                    @Override
                    public Void numbers(PortRange range) {
                        checks.exposure().check(target, range, ref);
                        return null;
                    }

                    @Override
                    public Void containerPort(ContainerPort container) {
                        if (checks.containerPortsMatch()) {
                            containerPorts.check(container, target, ref);
                        }
                        return null;
                    }
                });
            }
            return Optional.of(ports);
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
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (Protocol.parse(lower).isPresent()) {
            missing = missing.withHelp("every " + name + " port is written in lower case: `" + lower + "`");
        }
        Diagnostic unresolved = missing;
        sink.report(StdlibNames.importHelp(name)
                .map(unresolved::withHelp)
                .or(() -> Suggest.didYouMean(unresolved, name, candidates))
                .orElse(unresolved));
        return Optional.empty();
    }

    /** The port constants resolved so far: those a flow uses. */
    Set<String> resolvedPortConstants() {
        return Set.copyOf(constantPorts.keySet());
    }

    /** Resolves every port constant, so that one no flow uses is checked too. */
    void resolvePortConstants() {
        portConstants.keySet().forEach(this::constant);
    }

    /** A port constant's ports: numbers, protocols and container port names, as in a flow. */
    private List<FlowPort> constant(String name) {
        return constantPorts.computeIfAbsent(name, n -> {
            Statement.PortConstant declared = portConstants.get(n);
            if (Protocol.parse(n).isPresent()) {
                sink.report(Diagnostic.of(
                        Code.NS2028,
                        declared.name().span(),
                        n,
                        Labels.declaredPortNameProblem(n).orElseThrow()));
            }
            List<FlowPort> ports = new ArrayList<>();
            for (PortRef ref : declared.ports()) {
                ref.accept(new PortRef.Visitor<Void>() {
                    @Override
                    public Void literal(PortRef.Literal literal) {
                        values.portSpec(literal.text(), literal.span()).ifPresent(ports::add);
                        return null;
                    }

                    @Override
                    public Void bare(PortRef.Bare bare) {
                        return notAPort(ref);
                    }

                    @Override
                    public Void named(PortRef.Named named) {
                        return notAPort(ref);
                    }

                    @Override
                    public Void protocol(PortRef.Protocol protocol) {
                        values.protocol(protocol.protocol(), protocol.span())
                                .map(PortRange::all)
                                .ifPresent(ports::add);
                        return null;
                    }

                    @Override
                    public Void containerPort(PortRef.ContainerPort port) {
                        containerPorts.parse(port).ifPresent(ports::add);
                        return null;
                    }
                });
            }
            return ports;
        });
    }

    private Void notAPort(PortRef ref) {
        sink.report(Diagnostic.of(
                Code.NS2009,
                ref.span(),
                "a port such as `80/tcp`, `tcp` or `http/tcp`",
                "`" + ref.span().text() + "`"));
        return null;
    }
}
