package dev.netc.importer;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.evaluator.Direction;
import dev.netc.evaluator.Manifests;
import dev.netc.evaluator.Namespace;
import dev.netc.evaluator.NetworkPolicy;
import dev.netc.evaluator.Peer;
import dev.netc.evaluator.PolicyFormatException;
import dev.netc.evaluator.PolicyPort;
import dev.netc.evaluator.Rule;
import dev.netc.importer.YamlDocuments.Document;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written Namespaces and NetworkPolicies to the netspec that says the same, one namespace
 * block each. Every policy's pods become a tier (its pod selector; the namespace itself for
 * {@code podSelector: {}}), isolated in its {@code policyTypes}; every rule a one-sided flow on
 * the policy's side ({@code allow ingress PEERS -> tier:PORTS}, {@code allow egress tier ->
 * PEERS:PORTS}), since a policy says nothing about the other side; pod selectors of peers become
 * tiers too, namespace selectors {@code namespaces ...} ends, ipBlocks addresses or externals (with
 * {@code except}), a rule without peers {@code everyone}. DNS is never added ({@code dns off}):
 * the YAML says what it allows.
 *
 * <p>What netspec cannot say is NS1053 at its line, and left out; the proof then shows what that
 * changes.
 */
public final class PolicyImport {
    /** The YAML read, the spec written, and what was said about the input. */
    public record Result(Manifests original, String spec, List<Diagnostic> diagnostics) {
        public Result {
            diagnostics = List.copyOf(diagnostics);
        }

        public boolean hasErrors() {
            return diagnostics.stream().anyMatch(Diagnostic::isError);
        }
    }

    private static final Pattern FIELD = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");
    /** What the lexer reads as one name: no quotes needed. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_./-]*[A-Za-z0-9_]|[A-Za-z_]");

    private final DiagnosticSink sink;
    private final SpecText spec = new SpecText();
    private final List<NetworkPolicy> policies = new ArrayList<>();
    private final List<Namespace> namespaces = new ArrayList<>();

    private PolicyImport(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** Imports the objects of these files, in order. */
    public static Result of(List<SourceFile> files) {
        DiagnosticSink sink = new DiagnosticSink();
        PolicyImport imported = new PolicyImport(sink);
        for (SourceFile file : files) {
            for (Document document : YamlDocuments.read(file, sink)) {
                imported.add(document);
            }
        }
        return new Result(new Manifests(imported.policies, imported.namespaces), imported.spec.render(), sink.sorted());
    }

    private void add(Document document) {
        String kind = document.kind();
        if (!kind.equals("NetworkPolicy") && !kind.equals("Namespace")) {
            sink.report(Diagnostic.of(Code.NS1051, document.span(), kind)
                    .withNote("netc import reads Namespaces and NetworkPolicies (networking.k8s.io/v1)"));
            return;
        }
        Manifests read;
        try {
            read = Manifests.of(List.of(document.content()));
        } catch (PolicyFormatException e) {
            // read one document at a time, the reader's "(YAML document 0)" says nothing: the line does
            String detail = e.detail().replaceFirst(" \\(YAML document \\d+\\)$", "");
            sink.report(Diagnostic.of(Code.NS1052, document.span(path(e.path())), kind, e.path() + ": " + detail));
            return;
        } catch (RuntimeException e) { // the reader's own checks of values it cannot take
            sink.report(Diagnostic.of(Code.NS1052, document.span(), kind, String.valueOf(e.getMessage())));
            return;
        }
        for (Namespace namespace : read.namespaces()) {
            namespaces.add(namespace);
            spec.namespace(namespace.name()).labels(namespace.labels(), source(document));
        }
        for (NetworkPolicy policy : read.policies()) {
            policies.add(policy);
            policy(policy, document);
        }
    }

    private void policy(NetworkPolicy policy, Document document) {
        SpecText.NamespaceText namespace = spec.namespace(policy.namespace());
        String comment = "// " + policy.namespace() + "/" + policy.name() + " (" + source(document) + ")";
        String pods = namespace.pods(policy.podSelector());
        for (Direction direction : policy.policyTypes()) {
            namespace.isolate(policy.podSelector(), direction, comment);
            List<Rule> rules = policy.rules(direction);
            for (int i = 0; i < rules.size(); i++) {
                String field = direction == Direction.INGRESS ? "ingress" : "egress";
                Optional<String> flow = flow(namespace, direction, pods, rules.get(i), document, field, i);
                int index = i;
                flow.ifPresent(text -> namespace.flow(comment + " " + field + "[" + index + "]", text));
            }
        }
    }

    /** One rule as a one-sided flow on the policy's side; empty when it admits nothing netspec can say. */
    private Optional<String> flow(
            SpecText.NamespaceText namespace,
            Direction direction,
            String pods,
            Rule rule,
            Document document,
            String field,
            int index) {
        List<String> peers = new ArrayList<>();
        for (Peer peer : rule.peers()) {
            peers.add(peer(namespace, peer));
        }
        List<String> ports = new ArrayList<>();
        for (int i = 0; i < rule.ports().size(); i++) {
            PolicyPort port = rule.ports().get(i);
            boolean towardsAddresses = direction == Direction.EGRESS
                    && !rule.peers().isEmpty()
                    && rule.peers().stream().allMatch(Peer.IpBlockPeer.class::isInstance);
            if (port instanceof PolicyPort.NamedPortRef named && towardsAddresses) {
                sink.report(Diagnostic.of(
                                Code.NS1053,
                                document.span("spec", field, index, "ports", i),
                                "a port by name (`" + named.name() + "`) towards addresses")
                        .withNote("netspec refuses it (NS3015): an address has no container ports; Calico would "
                                + "match it only against pods whose address the ipBlock covers")
                        .withHelp("left out of this rule"));
                continue;
            }
            ports.add(port(port));
        }
        if (!rule.ports().isEmpty() && ports.isEmpty()) {
            return Optional.empty();
        }
        String others = peers.isEmpty() ? "everyone" : list(peers);
        String portText = ports.isEmpty() ? "" : ":" + list(ports);
        String side = direction == Direction.INGRESS ? "ingress" : "egress";
        String flow =
                direction == Direction.INGRESS ? others + " -> " + pods + portText : pods + " -> " + others + portText;
        return Optional.of("allow " + side + " " + flow);
    }

    private String peer(SpecText.NamespaceText namespace, Peer peer) {
        if (peer instanceof Peer.IpBlockPeer block) {
            return spec.addresses(block.cidr(), block.except());
        } else if (peer instanceof Peer.SelectorPeer selector) {
            return selectorPeer(namespace, selector);
        }
        throw new IllegalStateException("a kind of peer netc import does not know: " + peer);
    }

    private String selectorPeer(SpecText.NamespaceText namespace, Peer.SelectorPeer selector) {
        if (selector.namespaceSelector().isEmpty()) {
            return namespace.pods(selector.podSelector().orElseThrow());
        }
        StringBuilder text = new StringBuilder("namespaces ")
                .append(choice(selector.namespaceSelector().get()));
        selector.podSelector()
                .filter(pods -> !SelectorText.isEmpty(pods))
                .ifPresent(pods -> text.append(" pods ").append(choice(pods)));
        return text.toString();
    }

    private static String choice(dev.netc.evaluator.LabelSelector selector) {
        List<String> requirements = SelectorText.requirements(selector);
        if (requirements.isEmpty()) {
            return "*";
        }
        return requirements.size() == 1 ? requirements.get(0) : "(" + String.join(", ", requirements) + ")";
    }

    private static String port(PolicyPort port) {
        String protocol = port.protocol().name().toLowerCase(java.util.Locale.ROOT);
        if (port instanceof PolicyPort.PortRange range) {
            return (range.first() == range.last() ? "" + range.first() : range.first() + "-" + range.last()) + "/"
                    + protocol;
        }
        if (port instanceof PolicyPort.NamedPortRef named) {
            return quoted(named.name()) + "/" + protocol;
        }
        return protocol; // every port of the protocol
    }

    private static String list(List<String> items) {
        return items.size() == 1 ? items.get(0) : "{" + String.join(", ", items) + "}";
    }

    /** A key, value or name as netspec reads it: as it is when it lexes as one name, else in quotes. */
    static String quoted(String text) {
        return PLAIN.matcher(text).matches() && !SpecText.RESERVED.contains(text)
                ? text
                : "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String source(Document document) {
        Span span = document.span();
        return span.file().displayName() + ":" + span.line();
    }

    /** {@code spec.ingress[0].from[1]} as the keys and indexes of {@link Document#span(Object...)}. */
    private static Object[] path(String path) {
        List<Object> steps = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher matcher = FIELD.matcher(part);
            if (matcher.matches()) {
                steps.add(matcher.group(1));
                if (matcher.group(2) != null) {
                    steps.add(Integer.valueOf(matcher.group(2)));
                }
            }
        }
        return steps.toArray();
    }
}
