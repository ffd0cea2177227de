package dev.netc.analysis;

import dev.netc.ast.Name;
import dev.netc.ast.Selector;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.LabelSelector;
import dev.netc.model.SelectorOverlap;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Label keys, values and selectors, checked by the rules the API server applies (S1 to S3).
 *
 * <p>The API server states these rules as regular expressions (quoted on each test below);
 * they are written out here because compiling a regular expression cost about a millisecond
 * of every start. {@code HandWrittenPatternsTest} holds each test to its expression.
 */
public final class Labels {
    private final DiagnosticSink sink;

    Labels(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** The selector of a flow end's namespaces or pods; one that selects nothing is NS3019, a warning. */
    LabelSelector selector(List<Selector> selectors) {
        LabelSelector result = requirements(selectors);
        if (selectsNothing(selectors, result)) {
            Span span = span(selectors);
            sink.report(withHelp(Diagnostic.of(Code.NS3019, span, span.text()), selectors));
        }
        return result;
    }

    /**
     * The selector of a tier. One that selects nothing is NS3021, an error rather than NS3019's
     * warning: every policy of the tier would select no pod, so its isolation and each of its flows
     * would silently do nothing.
     */
    LabelSelector tierSelector(String tier, List<Selector> selectors) {
        LabelSelector result = requirements(selectors);
        if (selectsNothing(selectors, result)) {
            sink.report(withHelp(
                    Diagnostic.of(
                            Code.NS3021,
                            span(selectors),
                            tier,
                            "a label cannot be required and excluded, or have two values, at once"),
                    selectors));
        }
        return result;
    }

    private static boolean selectsNothing(List<Selector> selectors, LabelSelector result) {
        return !selectors.isEmpty() && !SelectorOverlap.possible(result, LabelSelector.ALL);
    }

    private static Span span(List<Selector> selectors) {
        return selectors.get(0).span().to(selectors.get(selectors.size() - 1).span());
    }

    private LabelSelector requirements(List<Selector> selectors) {
        Map<String, String> matchLabels = new LinkedHashMap<>();
        List<LabelSelector.Requirement> expressions = new ArrayList<>();
        for (Selector selector : selectors) {
            if (!validKey(selector.key())) {
                continue;
            }
            String key = selector.key().text();
            if (selector instanceof Selector.Equals eq) {
                if (!validValue(eq.value())) {
                    continue;
                }
                if (!eq.negated() && !matchLabels.containsKey(key)) {
                    matchLabels.put(key, eq.value().text());
                } else {
                    expressions.add(new LabelSelector.Requirement(
                            key,
                            eq.negated() ? "NotIn" : "In",
                            List.of(eq.value().text())));
                }
            } else if (selector instanceof Selector.In in) {
                if (in.values().stream().allMatch(this::validValue)) {
                    expressions.add(new LabelSelector.Requirement(
                            key,
                            in.negated() ? "NotIn" : "In",
                            in.values().stream().map(Name::text).toList()));
                }
            } else {
                Selector.Exists exists = (Selector.Exists) selector;
                expressions.add(
                        new LabelSelector.Requirement(key, exists.negated() ? "DoesNotExist" : "Exists", List.of()));
            }
        }
        return new LabelSelector(matchLabels, expressions);
    }

    /**
     * Requirements that no labels satisfy together, most often {@code pod=b, pod=c} written for
     * "b or c": the selector selects nothing, and Kubernetes accepts it without a word.
     */
    private static Diagnostic withHelp(Diagnostic selectsNothing, List<Selector> selectors) {
        Diagnostic diagnostic =
                selectsNothing.withNote("the requirements of a selector, separated by commas, must all hold at once");
        Map<String, List<String>> equals = new LinkedHashMap<>();
        for (Selector selector : selectors) {
            if (selector instanceof Selector.Equals eq && !eq.negated()) {
                equals.computeIfAbsent(eq.key().text(), k -> new ArrayList<>())
                        .add(eq.value().text());
            }
        }
        Optional<Map.Entry<String, List<String>>> twice =
                equals.entrySet().stream().filter(e -> e.getValue().size() > 1).findFirst();
        return twice.map(e -> diagnostic.withHelp("for one of several values write `" + e.getKey() + " in ("
                        + String.join(", ", e.getValue()) + ")`"))
                .orElse(diagnostic.withHelp("remove the requirement that contradicts the others"));
    }

    /**
     * Labels a namespace gets from something other than its spec: the API server sets the first to
     * the namespace's name on every write (rancher/k3s@aef8a6a
     * vendor/k8s.io/kubernetes/pkg/registry/core/namespace/strategy.go:103-129), netc the second, so
     * that RKE2 never prunes the namespace. A label of the spec with either key would be replaced
     * without a word.
     */
    private static final Map<String, String> SET_ELSEWHERE = Map.of(
            "kubernetes.io/metadata.name", "the API server sets it to the namespace's name on every write",
            "objectset.rio.cattle.io/prune", "netc sets it to \"false\", so that RKE2 never deletes the namespace");

    /** Whether a namespace label has a key its spec may not set, since something else sets it (NS2006). */
    public static boolean setElsewhere(String key) {
        return SET_ELSEWHERE.containsKey(key);
    }

    /** Namespace labels: {@code key=value} only, each key once. */
    Map<String, String> labels(List<Selector> selectors) {
        Map<String, String> labels = new LinkedHashMap<>();
        Map<String, Name> keys = new LinkedHashMap<>();
        for (Selector selector : selectors) {
            if (selector instanceof Selector.Equals eq && !eq.negated()) {
                String reserved = SET_ELSEWHERE.get(eq.key().text());
                if (reserved != null) {
                    sink.report(Diagnostic.of(
                                    Code.NS2006, eq.key().span(), eq.key().text(), reserved)
                            .withHelp("leave it out: select the namespace by its name, or by a label of your own"));
                    continue;
                }
                Name first = keys.putIfAbsent(eq.key().text(), eq.key());
                if (first != null) {
                    sink.report(
                            Diagnostic.of(Code.NS1011, eq.key().span(), eq.key().text(), "the namespace's labels")
                                    .withSecondary(first.span(), "first set here"));
                    continue;
                }
                if (validKey(eq.key()) && validValue(eq.value())) {
                    labels.put(eq.key().text(), eq.value().text());
                }
            } else {
                sink.report(Diagnostic.of(Code.NS2009, selector.span(), "a label `key=value`", "a selector")
                        .withHelp("namespace labels are plain `key=value` pairs"));
            }
        }
        return labels;
    }

    boolean validKey(Name key) {
        Optional<String> problem = keyProblem(key.text());
        problem.ifPresent(p -> sink.report(Diagnostic.of(Code.NS2006, key.span(), key.text(), p)));
        return problem.isEmpty();
    }

    boolean validValue(Name value) {
        Optional<String> problem = valueProblem(value.text());
        problem.ifPresent(p -> sink.report(Diagnostic.of(Code.NS2007, value.span(), value.text(), p)));
        return problem.isEmpty();
    }

    public static Optional<String> keyProblem(String key) {
        String[] parts = key.split("/", -1);
        if (parts.length > 2) {
            return Optional.of("a key has at most one `/`, between a DNS prefix and a name");
        }
        String name = parts[parts.length - 1];
        if (parts.length == 2) {
            String prefix = parts[0];
            if (prefix.isEmpty()) {
                return Optional.of("the prefix before `/` is empty");
            }
            if (prefix.length() > 253 || !isDnsSubdomain(prefix)) {
                return Optional.of("the prefix must be a lowercase DNS subdomain such as `example.com`");
            }
        }
        if (name.isEmpty() || name.length() > 63) {
            return Optional.of("the name part must have 1 to 63 characters");
        }
        if (!isNamePart(name)) {
            return Optional.of("use letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    static Optional<String> valueProblem(String value) {
        if (value.length() > 63) {
            return Optional.of("a label value has at most 63 characters");
        }
        if (!value.isEmpty() && !isNamePart(value)) {
            return Optional.of("use letters, digits, `-`, `_` and `.`, starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /** Problem with a name that must be a DNS-1123 label (namespaces, tiers, nodes), if any. */
    public static Optional<String> dnsLabelProblem(String name) {
        if (name.length() > 63) {
            return Optional.of("at most 63 characters");
        }
        if (!isDnsLabel(name)) {
            return Optional.of("use lowercase letters, digits and `-`, starting and ending with a letter or digit");
        }
        return Optional.empty();
    }

    /**
     * A named port is an IANA service name, as the API server checks container port names and
     * NetworkPolicy ports: at most 15 characters of `a-z`, `0-9` and `-`, at least one letter, no
     * `-` at either end or twice in a row.
     */
    /**
     * Why a tier's port or a port constant may not have this name: as a port in a flow {@code tcp},
     * {@code udp} and {@code sctp} mean every port of the protocol, so a port of that name could
     * never be named there.
     */
    static Optional<String> declaredPortNameProblem(String name) {
        if (dev.netc.model.Protocol.parse(name).isPresent()) {
            return Optional.of("in a flow `" + name + "` means every " + name.toUpperCase(java.util.Locale.ROOT)
                    + " port; give the port another name");
        }
        return portNameProblem(name);
    }

    static Optional<String> portNameProblem(String name) {
        if (name.length() > 15) {
            return Optional.of("at most 15 characters");
        }
        if (name.isEmpty() || !allMatch(name, 0, name.length(), Labels::isLowerAlphanumericOrDash)) {
            return Optional.of("use lowercase letters, digits and `-`");
        }
        if (!hasLetter(name)) {
            return Optional.of("it needs at least one letter");
        }
        if (name.startsWith("-") || name.endsWith("-") || name.contains("--")) {
            return Optional.of("`-` may not start or end it, or appear twice in a row");
        }
        return Optional.empty();
    }

    /** {@code ([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]}: a label name or value. */
    static boolean isNamePart(String text) {
        return !text.isEmpty()
                && isAlphanumeric(text.charAt(0))
                && isAlphanumeric(text.charAt(text.length() - 1))
                && allMatch(text, 1, text.length() - 1, c -> isAlphanumeric(c) || c == '-' || c == '_' || c == '.');
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?}: a DNS-1123 label. */
    static boolean isDnsLabel(String text) {
        return !text.isEmpty()
                && isLowerAlphanumeric(text.charAt(0))
                && isLowerAlphanumeric(text.charAt(text.length() - 1))
                && allMatch(text, 1, text.length() - 1, Labels::isLowerAlphanumericOrDash);
    }

    /** {@code [a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*}: DNS-1123 labels joined by dots. */
    static boolean isDnsSubdomain(String text) {
        for (String label : text.split("\\.", -1)) {
            if (!isDnsLabel(label)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasLetter(String text) {
        return !allMatch(text, 0, text.length(), c -> c < 'a' || c > 'z');
    }

    private static boolean allMatch(String text, int from, int to, CharTest test) {
        for (int i = from; i < to; i++) {
            if (!test.accepts(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    @FunctionalInterface
    private interface CharTest {
        boolean accepts(char c);
    }

    private static boolean isAlphanumeric(char c) {
        return c >= 'A' && c <= 'Z' || isLowerAlphanumeric(c);
    }

    private static boolean isLowerAlphanumeric(char c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
    }

    private static boolean isLowerAlphanumericOrDash(char c) {
        return isLowerAlphanumeric(c) || c == '-';
    }
}
