package dev.netc.query;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.evaluator.NamedPort;
import dev.netc.evaluator.Pod;
import dev.netc.evaluator.Verdict;
import dev.netc.model.ContainerPort;
import dev.netc.model.Expectation;
import dev.netc.model.FlowPort;
import dev.netc.model.Peer;
import dev.netc.model.PortRange;
import dev.netc.net.IpAddress;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proves a spec's expectations ({@code expect allow ...}, {@code expect deny ...}) on its emitted
 * policies, read back from their YAML and evaluated as {@code netc query} evaluates them: an
 * expectation holds when, on the synthetic cluster, every pod or address its source stands for
 * may (or may not) reach every one its destination stands for on every port it names.
 *
 * <p>A failed expectation is one error at its {@code expect} statement, NS3031 for an
 * {@code allow} and NS3032 for a {@code deny}, explained by the first connection that breaks it as
 * {@code netc query} explains that connection: the policies and rules that decide each side (or
 * that no rule admits it), each with the statement it came from.
 */
public final class ExpectationCheck {
    private final EmittedPolicies policies;
    private final Connectivity.Probe probe;

    private ExpectationCheck(EmittedPolicies policies) {
        this.policies = policies;
        this.probe = new Connectivity.Probe(policies);
    }

    /** The failed expectations of {@code expectations}, one error per {@code expect} statement. */
    public static List<Diagnostic> check(EmittedPolicies policies, List<Expectation> expectations) {
        ExpectationCheck check = new ExpectationCheck(policies);
        // one statement with lists on either side is several expectations: reported once, at the first failure
        Map<Span, List<Failure>> failures = new LinkedHashMap<>();
        List<Diagnostic> diagnostics = new ArrayList<>();
        java.util.Set<Span> vacuous = new java.util.HashSet<>();
        for (Expectation expectation : expectations) {
            check.vacuous(expectation)
                    .filter(d -> vacuous.add(expectation.span()))
                    .ifPresent(diagnostics::add);
            List<Failure> found = check.failures(expectation);
            if (!found.isEmpty()) {
                failures.computeIfAbsent(expectation.span(), s -> new ArrayList<>())
                        .addAll(found);
            }
        }
        failures.forEach((span, list) -> diagnostics.add(check.report(span, list)));
        return diagnostics;
    }

    /**
     * One pair of endpoints on which an expectation fails, and the ports where it does.
     *
     * @param ports the ports denied that must be allowed, or allowed that must be denied; empty for a
     *     container port the destination does not have
     */
    private record Failure(
            Expectation expectation, NamedEndpoint from, NamedEndpoint to, PortSet ports, String missing) {
        String connection() {
            return from.name() + " -> " + to.name();
        }
    }

    /**
     * NS3034: an end that stands for no endpoint of the synthetic cluster, so that the expectation
     * holds whatever the policies say. Not for the standard library's guards, which hold trivially
     * for a spec without the pods they are about (a spec without database pods has none open to the
     * internet).
     */
    private Optional<Diagnostic> vacuous(Expectation expectation) {
        if (expectation.span().file().displayName().startsWith("std/")) {
            return Optional.empty();
        }
        for (Peer end : List.of(expectation.from(), expectation.to())) {
            if (covered(end).isEmpty()) {
                return Optional.of(Diagnostic.of(Code.NS3034, expectation.span(), end.accept(new Text()))
                        .withNote("an end of an expectation stands for the pods and addresses of the cluster netc "
                                + "evaluates: the spec's tiers and namespaces, CoreDNS, a pod of another namespace, "
                                + "the pods its flows choose by labels, and an address of each external and range")
                        .withHelp("name a tier or namespace, or choose labels that a tier's pods have"));
            }
        }
        return Optional.empty();
    }

    private List<Failure> failures(Expectation expectation) {
        List<Failure> failures = new ArrayList<>();
        for (NamedEndpoint from : covered(expectation.from())) {
            for (NamedEndpoint to : covered(expectation.to())) {
                if (from.kind().isPod() || to.kind().isPod()) { // no policy governs two addresses
                    failure(expectation, from, to).ifPresent(failures::add);
                }
            }
        }
        return failures;
    }

    private Optional<Failure> failure(Expectation expectation, NamedEndpoint from, NamedEndpoint to) {
        List<PortRange> required = new ArrayList<>();
        for (FlowPort port : expectation.ports().isEmpty() ? PortSet.ALL.ranges() : expectation.ports()) {
            Optional<PortRange> numbers = numbers(port, to);
            if (numbers.isEmpty() && expectation.verdict() == Expectation.Verdict.ALLOW) {
                // a connection to a port the destination does not have cannot be allowed
                return Optional.of(new Failure(expectation, from, to, PortSet.NONE, port.toString()));
            }
            numbers.ifPresent(required::add);
        }
        PortSet wanted = PortSet.of(required);
        // only the ports the expectation names are evaluated: the language server compiles on every change
        PortSet allowed = probe.allowed(from, to, wanted);
        PortSet wrong = expectation.verdict() == Expectation.Verdict.ALLOW ? wanted.minus(allowed) : allowed;
        return wrong.isEmpty() ? Optional.empty() : Optional.of(new Failure(expectation, from, to, wrong, ""));
    }

    /** A port in numbers: a container port is the number the destination pod gives that name. */
    private static Optional<PortRange> numbers(FlowPort port, NamedEndpoint to) {
        return port.accept(new FlowPort.Visitor<>() {
            @Override
            public Optional<PortRange> numbers(PortRange range) {
                return Optional.of(range);
            }

            @Override
            public Optional<PortRange> containerPort(ContainerPort named) {
                if (!(to.endpoint() instanceof Pod pod)) {
                    return Optional.empty();
                }
                NamedPort number = pod.namedPorts().get(named.name());
                return number != null
                                && number.protocol()
                                        .name()
                                        .equals(named.protocol().name())
                        ? Optional.of(PortRange.single(named.protocol(), number.port()))
                        : Optional.empty();
            }
        });
    }

    /** The error of one {@code expect} statement, explained by its first failing connection. */
    private Diagnostic report(Span span, List<Failure> failures) {
        Failure first = failures.get(0);
        List<String> notes = new ArrayList<>();
        Diagnostic diagnostic;
        if (!first.missing().isEmpty()) {
            diagnostic = Diagnostic.of(Code.NS3031, span, first.connection(), "port " + first.missing());
            notes.add(first.to().name() + " has no container port `" + first.missing()
                    + "`: no connection to it can be allowed");
        } else {
            boolean allow = first.expectation().verdict() == Expectation.Verdict.ALLOW;
            diagnostic = Diagnostic.of(allow ? Code.NS3031 : Code.NS3032, span, first.connection(), first.ports());
            notes.addAll(explain(first));
        }
        if (failures.size() > 1) {
            notes.add("it fails for " + (failures.size() - 1) + " more " + (failures.size() == 2 ? "pair" : "pairs")
                    + " of its ends too: "
                    + String.join(
                            ", ",
                            failures.stream()
                                    .skip(1)
                                    .limit(5)
                                    .map(Failure::connection)
                                    .toList())
                    + (failures.size() > 6 ? ", ..." : ""));
        }
        for (String note : notes) {
            diagnostic = diagnostic.withNote(note);
        }
        return diagnostic;
    }

    /** {@code netc query}'s explanation of the first port on which a pair fails, line by line. */
    private List<String> explain(Failure failure) {
        PortRange range = failure.ports().ranges().get(0);
        dev.netc.evaluator.Protocol protocol =
                dev.netc.evaluator.Protocol.valueOf(range.protocol().name());
        Query query = new Query(
                failure.connection() + ":" + range.first() + "/"
                        + range.protocol().lowerCase(),
                failure.from(),
                failure.to(),
                range.first(),
                protocol);
        Verdict verdict = policies.evaluate(failure.from(), failure.to(), range.first(), protocol);
        List<String> lines = new ArrayList<>();
        lines.add(
                "as `netc query` explains `" + query.text() + "`, " + (verdict.allowed() ? "allowed" : "denied") + ":");
        // its first two lines, the verdict and the query, are said above
        Explanation.render(query, verdict, policies).lines().skip(2).forEach(lines::add);
        return lines;
    }

    /**
     * The endpoints of the synthetic cluster an end of an expectation stands for: every pod of its
     * tier, namespaces or chosen namespaces, and every address of its ranges that the synthetic
     * cluster has (the representative address of each external and range inside it).
     */
    private List<NamedEndpoint> covered(Peer peer) {
        Endpoints endpoints = policies.endpoints();
        return endpoints.all().stream()
                .filter(endpoint -> peer.accept(new Covers(endpoint, endpoints)))
                .toList();
    }

    /** An end of an expectation as netspec writes it. */
    private static final class Text implements Peer.Visitor<String> {
        @Override
        public String tier(Peer.TierPeer peer) {
            return peer.tier().qualifiedName();
        }

        @Override
        public String namespace(Peer.NamespacePeer peer) {
            return peer.namespace() + ".*";
        }

        @Override
        public String allNamespaces(Peer.AllNamespaces peer) {
            return "*";
        }

        @Override
        public String addresses(Peer.Addresses peer) {
            return peer.name();
        }

        @Override
        public String selectedNamespaces(Peer.SelectedNamespaces peer) {
            return peer.text();
        }

        @Override
        public String everyone(Peer.Everyone peer) {
            return "everyone";
        }
    }

    /** Whether an end of an expectation stands for one endpoint of the synthetic cluster. */
    private static final class Covers implements Peer.Visitor<Boolean> {
        private final NamedEndpoint endpoint;
        private final Endpoints endpoints;

        Covers(NamedEndpoint endpoint, Endpoints endpoints) {
            this.endpoint = endpoint;
            this.endpoints = endpoints;
        }

        @Override
        public Boolean tier(Peer.TierPeer peer) {
            return endpoint.kind() == NamedEndpoint.Kind.TIER
                    && endpoint.name().equals(peer.tier().qualifiedName());
        }

        @Override
        public Boolean namespace(Peer.NamespacePeer peer) {
            return endpoint.kind().isPod() && endpoint.namespace().orElse("").equals(peer.namespace());
        }

        @Override
        public Boolean allNamespaces(Peer.AllNamespaces peer) {
            return endpoint.kind().isPod();
        }

        @Override
        public Boolean addresses(Peer.Addresses peer) {
            return !endpoint.kind().isPod()
                    && Endpoints.contains(
                            peer,
                            IpAddress.parse(endpoint.endpoint().ip().toString()).orElseThrow());
        }

        @Override
        public Boolean selectedNamespaces(Peer.SelectedNamespaces peer) {
            if (!(endpoint.endpoint() instanceof Pod pod)) {
                return false;
            }
            Map<String, String> namespaceLabels = endpoints
                    .universe()
                    .namespace(pod.namespace())
                    .map(dev.netc.evaluator.Namespace::labels)
                    .orElse(Map.of(dev.netc.evaluator.Namespace.NAME_LABEL, pod.namespace()));
            return peer.chooses(namespaceLabels) && peer.pods().matches(pod.labels());
        }

        @Override
        public Boolean everyone(Peer.Everyone peer) {
            return true;
        }
    }
}
