package dev.netc.query;

import dev.netc.analysis.Scope;
import dev.netc.analysis.Suggest;
import dev.netc.analysis.Values;
import dev.netc.ast.Endpoint;
import dev.netc.ast.PortRef;
import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.evaluator.ExternalEndpoint;
import dev.netc.evaluator.NamedPort;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.Protocol;
import dev.netc.model.Model;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.model.Tier;
import dev.netc.net.IpAddress;
import dev.netc.parse.SpecParser;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.List;
import java.util.Optional;

/**
 * One connection to ask about: {@code SRC -> DST:PORT}. The ends are written as flow ends are
 * in the language ({@code app.web}, a namespace {@code app} or {@code app.*}, an external, an
 * address); the port is a number with an optional protocol ({@code 8080}, {@code 53/udp}) or a
 * named port of the destination tier. The text is parsed by the language's own parser, as the
 * flow of an {@code allow} statement.
 */
public record Query(String text, NamedEndpoint from, NamedEndpoint to, int port, Protocol protocol) {
    /** What the query text is parsed as; offsets in diagnostics are shifted back by its length. */
    private static final String PREFIX = "allow ";

    /** The port as the language writes it: {@code 8080/tcp}. */
    public String portText() {
        return port + "/" + protocol.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Reads a query against the endpoints of a compiled spec. */
    public static Query parse(String text, Endpoints endpoints, Model model) throws QueryException {
        DiagnosticSink sink = new DiagnosticSink();
        SpecFile file = SpecParser.parse(new SourceFile("query", PREFIX + text), sink);
        firstError(sink);
        if (file.statements().size() != 1 || !(file.statements().get(0) instanceof Statement.Allow allow)) {
            throw error(
                    "expected one connection, such as `app.web -> app.db:5432/tcp`",
                    new Span(
                            file.source(), PREFIX.length(), file.source().text().length()),
                    Optional.empty());
        }
        if (allow.from().size() != 1 || allow.to().size() != 1 || allow.ports().size() > 1) {
            throw error("a query asks about one source, one destination and one port", allow.span(), Optional.empty());
        }
        Scope scope = Scope.of(model);
        NamedEndpoint from = endpoint(allow.from().get(0), endpoints, scope);
        NamedEndpoint to = endpoint(allow.to().get(0), endpoints, scope);
        if (!from.kind().isPod() && !to.kind().isPod()) {
            throw error(
                    "between two addresses outside the cluster no policy applies: name a tier or namespace on one side",
                    allow.span(),
                    Optional.empty());
        }
        if (allow.ports().isEmpty()) {
            throw error(
                    "which port? write `DST:PORT`, e.g. `"
                            + allow.to().get(0).span().text() + ":8080/tcp`",
                    allow.to().get(0).span(),
                    Optional.empty());
        }
        PortRange port = port(allow.ports().get(0), to, model, sink);
        return new Query(
                text.strip(),
                from,
                to,
                port.first(),
                Protocol.valueOf(port.protocol().name()));
    }

    private static NamedEndpoint endpoint(Endpoint end, Endpoints endpoints, Scope scope) throws QueryException {
        // a visitor cannot throw the checked QueryException: it returns the answer or the error
        Answer<NamedEndpoint> answer = end.accept(new Endpoint.Visitor<>() {
            @Override
            public Answer<NamedEndpoint> everyNamespace(Endpoint.EveryNamespace every) {
                return Answer.of(error(
                        "`*` is every namespace: name one tier, namespace, external or address",
                        end.span(),
                        Optional.empty()));
            }

            @Override
            public Answer<NamedEndpoint> wholeNamespace(Endpoint.WholeNamespace whole) {
                return Answer.of(
                        () -> known(whole.namespace().text(), NamedEndpoint.Kind.NAMESPACE, end.span(), endpoints));
            }

            @Override
            public Answer<NamedEndpoint> named(Endpoint.Named named) {
                return scope.endpoint(named.name().text(), null).accept(new NamedEnd(named, endpoints));
            }

            @Override
            public Answer<NamedEndpoint> selectedNamespaces(Endpoint.SelectedNamespaces selected) {
                DiagnosticSink sink = new DiagnosticSink();
                Optional<Peer.SelectedNamespaces> peer = Scope.selection(selected, sink);
                if (peer.isEmpty()) {
                    return () -> {
                        firstError(sink);
                        throw new IllegalStateException("a selection without a peer has an error");
                    };
                }
                String name = peer.get().text();
                Optional<NamedEndpoint> found = endpoints.named(name);
                return found.isPresent()
                        ? Answer.of(found::get)
                        : Answer.of(error(
                                "no flow of the spec names `" + name
                                        + "`: its pods are not in the cluster netc evaluates",
                                end.span(),
                                Optional.of(
                                        "write it as a flow of the spec writes it, or ask about a tier or namespace")));
            }

            @Override
            public Answer<NamedEndpoint> everyone(Endpoint.Everyone everyone) {
                return Answer.of(error(
                        "`everyone` is every pod and address: name one tier, namespace, external or address",
                        end.span(),
                        Optional.empty()));
            }

            @Override
            public Answer<NamedEndpoint> address(Endpoint.Address address) {
                String ip = unquoted(address.span().text());
                Optional<IpAddress> parsed = IpAddress.parse(ip);
                if (parsed.isEmpty()) {
                    return Answer.of(error(
                            "`" + ip + "` is not one IP address",
                            end.span(),
                            Optional.of(
                                    ip.contains("/")
                                            ? "give one address of the range, e.g. its first"
                                            : "write e.g. `192.0.2.7`")));
                }
                return Answer.of(() -> new NamedEndpoint(
                        parsed.get().toString(),
                        NamedEndpoint.Kind.ADDRESS,
                        Optional.empty(),
                        new ExternalEndpoint(
                                dev.netc.evaluator.IpAddress.parse(parsed.get().toString()))));
            }
        });
        return answer.get();
    }

    /**
     * What the visitors of a query's ends and port return: the way to the answer, which may throw
     * the query's error (a visitor method cannot throw a checked exception itself).
     */
    @FunctionalInterface
    private interface Answer<T> {
        T get() throws QueryException;

        static <T> Answer<T> of(Answer<T> answer) {
            return answer;
        }

        static <T> Answer<T> of(QueryException error) {
            return () -> {
                throw error;
            };
        }
    }

    /** A name in a query means what it means in a flow written at the top level of the spec. */
    private static final class NamedEnd implements Scope.Meaning.Visitor<Answer<NamedEndpoint>> {
        private final Endpoint.Named end;
        private final Endpoints endpoints;

        NamedEnd(Endpoint.Named end, Endpoints endpoints) {
            this.end = end;
            this.endpoints = endpoints;
        }

        @Override
        public Answer<NamedEndpoint> tier(Scope.Meaning.OfTier meaning) {
            return found(meaning.tier().qualifiedName());
        }

        @Override
        public Answer<NamedEndpoint> external(Scope.Meaning.OfExternal meaning) {
            return found(meaning.name());
        }

        @Override
        public Answer<NamedEndpoint> namespace(Scope.Meaning.OfNamespace meaning) {
            return found(meaning.namespace().name());
        }

        @Override
        public Answer<NamedEndpoint> noSuchNamespace(Scope.Meaning.NoSuchNamespace meaning) {
            return notFound();
        }

        @Override
        public Answer<NamedEndpoint> noSuchTier(Scope.Meaning.NoSuchTier meaning) {
            return notFound();
        }

        @Override
        public Answer<NamedEndpoint> tierOutsideNamespace(Scope.Meaning.TierOutsideNamespace meaning) {
            return Answer.of(error(
                    "`" + meaning.tier() + "` is a tier: name it with its namespace",
                    end.span(),
                    Optional.of("write `" + meaning.owner() + "." + meaning.tier() + "`")));
        }

        @Override
        public Answer<NamedEndpoint> unknown(Scope.Meaning.Unknown meaning) {
            return notFound();
        }

        private Answer<NamedEndpoint> found(String name) {
            Optional<NamedEndpoint> found = endpoints.named(name);
            return found.isPresent() ? Answer.of(found::get) : notFound();
        }

        /**
         * A name the spec does not declare may still be one the emitted policies point at, such as
         * {@code kube-system.kube-dns} for the DNS rule of egress-isolated namespaces.
         */
        private Answer<NamedEndpoint> notFound() {
            String name = end.name().text();
            Optional<NamedEndpoint> implied = endpoints
                    .named(name)
                    .filter(e -> e.kind() != NamedEndpoint.Kind.OTHER_NAMESPACE
                            && e.kind() != NamedEndpoint.Kind.OTHER_ADDRESS);
            if (implied.isPresent()) {
                return Answer.of(implied::get);
            }
            if (name.indexOf('/') > 0 && endpoints.named(name.replace('/', '.')).isPresent()) {
                return Answer.of(error(
                        "no tier, namespace or external named `" + name + "`",
                        end.span(),
                        Optional.of("write `" + name.replace('/', '.') + "`")));
            }
            return Answer.of(error(
                    "no tier, namespace or external named `" + name + "`", end.span(), suggestion(name, endpoints)));
        }
    }

    /** Did you mean: a close name, or the tier whose own name is close ({@code backnd} → {@code app.backend}). */
    private static Optional<String> suggestion(String name, Endpoints endpoints) {
        List<NamedEndpoint> named = endpoints.all().stream()
                .filter(e -> e.kind().isPod() || e.kind() == NamedEndpoint.Kind.EXTERNAL)
                .toList();
        Optional<String> close = Suggest.didYouMeanHelp(
                name, named.stream().map(NamedEndpoint::name).toList());
        if (close.isPresent() || name.contains(".")) {
            return close;
        }
        return Suggest.help(named.stream()
                .filter(e -> e.kind() == NamedEndpoint.Kind.TIER)
                .filter(e -> !Suggest.closest(
                                        name,
                                        List.of(e.name().substring(e.name().indexOf('.') + 1)))
                                .isEmpty()
                        || e.name().endsWith("." + name))
                .map(NamedEndpoint::name)
                .toList());
    }

    private static NamedEndpoint known(String name, NamedEndpoint.Kind kind, Span span, Endpoints endpoints)
            throws QueryException {
        Optional<NamedEndpoint> found = endpoints.named(name).filter(e -> e.kind() == kind);
        if (found.isEmpty()) {
            List<String> namespaces = endpoints.all().stream()
                    .filter(e -> e.kind() == kind)
                    .map(NamedEndpoint::name)
                    .toList();
            throw error("no namespace named `" + name + "`", span, Suggest.didYouMeanHelp(name, namespaces));
        }
        return found.get();
    }

    private static PortRange port(PortRef ref, NamedEndpoint to, Model model, DiagnosticSink sink)
            throws QueryException {
        Values values = Values.withoutParams(sink);
        Optional<PortRange> range = ref.accept(new PortRef.Visitor<Answer<Optional<PortRange>>>() {
                    @Override
                    public Answer<Optional<PortRange>> literal(PortRef.Literal literal) {
                        return () -> values.portSpec(literal.text(), ref.span());
                    }

                    @Override
                    public Answer<Optional<PortRange>> bare(PortRef.Bare bare) {
                        return () -> values.portSpec(
                                bare.number() + "/tcp", ref.span()); // a query may leave out the protocol: TCP
                    }

                    @Override
                    public Answer<Optional<PortRange>> named(PortRef.Named named) {
                        return () -> Optional.of(namedPort(named, to, model));
                    }

                    @Override
                    public Answer<Optional<PortRange>> protocol(PortRef.Protocol protocol) {
                        return Answer.of(error(
                                "a query asks about one port, not every port of a protocol",
                                ref.span(),
                                Optional.of("write e.g. `80/" + protocol.protocol() + "`")));
                    }

                    @Override
                    public Answer<Optional<PortRange>> containerPort(PortRef.ContainerPort port) {
                        return () -> Optional.of(Query.containerPort(port, to));
                    }
                })
                .get();
        firstError(sink);
        if (!range.get().isSingle()) {
            throw error(
                    "a query asks about one port, not a range",
                    ref.span(),
                    Optional.of("write e.g. `" + range.get().first() + "/"
                            + range.get().protocol().lowerCase() + "`"));
        }
        return range.get();
    }

    /** A named port of the destination tier, as a flow to that tier would read it. */
    private static PortRange namedPort(PortRef.Named ref, NamedEndpoint to, Model model) throws QueryException {
        String name = ref.name().text();
        Optional<Tier> tier = model.namespaces().stream()
                .flatMap(n -> n.tiers().stream())
                .filter(t -> t.qualifiedName().equals(to.name()) && to.kind() == NamedEndpoint.Kind.TIER)
                .findFirst();
        List<Tier.TierPort> ports = tier.map(Tier::ports).orElse(List.of());
        Optional<Tier.TierPort> port =
                ports.stream().filter(p -> p.name().equals(name)).findFirst();
        if (port.isEmpty()) {
            String has = ports.isEmpty()
                    ? "it names no ports"
                    : "its ports are "
                            + String.join(
                                    ", ",
                                    ports.stream()
                                            .map(p -> p.name() + " " + p.range())
                                            .toList());
            throw error(
                    "`" + to.name() + "` has no port named `" + name + "`",
                    ref.span(),
                    Optional.of(has + "; a number such as `8080/tcp` always works"));
        }
        return port.get().range();
    }

    /** A container port by name, as the destination's synthetic pod numbers it (its tier's port of that name). */
    private static PortRange containerPort(PortRef.ContainerPort port, NamedEndpoint to) throws QueryException {
        if (to.endpoint() instanceof Pod pod) {
            NamedPort named = pod.namedPorts().get(port.name().text());
            if (named != null && named.protocol().name().equalsIgnoreCase(port.protocol())) {
                return PortRange.single(
                        dev.netc.model.Protocol.valueOf(named.protocol().name()), named.port());
            }
        }
        throw error(
                "`" + to.name() + "` has no container port named `"
                        + port.span().text() + "`",
                port.span(),
                Optional.of("a port name is resolved on the destination pod: name a tier port it declares, or give a "
                        + "number such as `8080/tcp`"));
    }

    private static void firstError(DiagnosticSink sink) throws QueryException {
        Optional<Diagnostic> error =
                sink.sorted().stream().filter(Diagnostic::isError).findFirst();
        if (error.isPresent()) {
            throw new QueryException(error.get(), PREFIX.length()); // the language's own diagnostic, with its code
        }
    }

    private static QueryException error(String message, Span span, Optional<String> help) {
        Diagnostic diagnostic = Diagnostic.of(Code.NS1040, span, message);
        return new QueryException(help.isPresent() ? diagnostic.withHelp(help.get()) : diagnostic, PREFIX.length());
    }

    private static String unquoted(String text) {
        return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")
                ? text.substring(1, text.length() - 1)
                : text;
    }
}
