package dev.netc.analysis;

import dev.netc.ast.Value;
import dev.netc.consumers.ConsumerTables;
import dev.netc.consumers.KubeletNodeLabel;
import dev.netc.consumers.ValueRule;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The values of RKE2 keys that RKE2, k3s or the components they start refuse at start, or take and
 * silently ignore, although they have the key's type (rke2-value-rules.tsv): a taint effect
 * {@code NoSchedul}, a label key {@code Zone Name}, a port range {@code 40000-30000}, a file mode
 * {@code rw-r--r--}. Each is NS4004, and its note cites the rule.
 */
final class Rke2ValueRules {
    private static final int MAX_PORT = 65535;

    private final DiagnosticSink sink;

    Rke2ValueRules(DiagnosticSink sink) {
        this.sink = sink;
    }

    /** Whether the key's value passes its rules; each item of a list is checked, and each refused one reported. */
    boolean check(String key, Object value, Value written) {
        List<Value> items = KubeProxyArgs.items(written);
        switch (key) {
            case "node-label":
                return eachItem(
                        key, (List<?>) value, items, Rke2ValueRules::labelProblem, "a label such as `zone=front`");
            case "node-taint":
                return eachItem(key, (List<?>) value, items, taints(), "a taint such as `dedicated=edge:NoSchedule`");
            case "service-node-port-range":
                return single(
                        key, value, written, Rke2ValueRules::portRangeProblem, "a port range such as `30000-32767`");
            case "lb-server-port":
                return single(
                        key, value, written, Rke2ValueRules::loadBalancerPortProblem, "a port from 2 to " + MAX_PORT);
            case "write-kubeconfig-mode":
                return single(
                        key, value, written, Rke2ValueRules::modeProblem, "an octal file mode such as `\"0640\"`");
            case "config":
                sink.report(Diagnostic.of(Code.NS4002, written.span(), key)
                        .withNote(rule(key))
                        .withHelp("leave it out: netc writes the whole RKE2 config"));
                return false;
            default:
                // kube-proxy's are held to its own flags by KubeProxyArgs
                return !key.endsWith("-arg")
                        || key.equals("kube-proxy-arg")
                        || eachItem(key, (List<?>) value, items, Rke2ValueRules::flagProblem, "a flag such as `v=2`");
        }
    }

    /** A component flag as k3s builds it: {@code --name=value} from {@code name=value}. */
    static Optional<String> flagProblem(String item) {
        String argument = item.startsWith("--") ? item.substring(2) : item;
        int equals = argument.indexOf('=');
        String name = equals < 0 ? argument : argument.substring(0, equals);
        int end = name.endsWith("+") || name.endsWith("-") ? name.length() - 1 : name.length();
        if (end == 0 || name.charAt(0) == '-') {
            return Optional.of("no flag name");
        }
        for (int i = 0; i < end; i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
                return Optional.of(
                        "`" + name + "` is no flag name: `" + c + "` is not a lowercase letter, digit or `-`");
            }
        }
        return Optional.empty();
    }

    private interface ItemCheck {
        Optional<String> problem(String item);
    }

    private boolean single(String key, Object value, Value written, ItemCheck check, String expected) {
        String text = String.valueOf(value);
        return accepted(key, text, written, check.problem(text), expected);
    }

    private static Optional<String> loadBalancerPortProblem(String port) {
        long number = Long.parseLong(port);
        return number < 2 || number > MAX_PORT ? Optional.of("the port is outside 2 to " + MAX_PORT) : Optional.empty();
    }

    private boolean eachItem(String key, List<?> values, List<Value> written, ItemCheck check, String expected) {
        boolean ok = true;
        for (int i = 0; i < values.size(); i++) {
            String item = String.valueOf(values.get(i));
            ok &= accepted(key, item, written.get(Math.min(i, written.size() - 1)), check.problem(item), expected);
        }
        return ok;
    }

    private boolean accepted(String key, String item, Value written, Optional<String> problem, String expected) {
        problem.ifPresent(
                p -> sink.report(Diagnostic.of(Code.NS4004, written.span(), key, expected, "`" + item + "`: " + p)
                        .withNote(rule(key.endsWith("-arg") ? "*-arg" : key))));
        return problem.isEmpty();
    }

    /** The rule of the key, cited, for a diagnostic's note. */
    static String rule(String key) {
        return ConsumerTables.VALUE_RULES.stream()
                .filter(r -> r.key().equals(key))
                .findFirst()
                .map(r -> key + ": " + r.rule() + " (" + r.source() + ")")
                .orElseThrow(() -> new IllegalStateException("rke2-value-rules.tsv has no row for " + key));
    }

    /** {@code key=value}: kubelet's --node-labels after k3s joined the items with commas. */
    static Optional<String> labelProblem(String item) {
        int equals = item.indexOf('=');
        if (equals < 0) {
            return Optional.of("no `=` between key and value");
        }
        if (item.indexOf(',') >= 0) {
            return Optional.of("a comma splits it into two labels");
        }
        String key = item.substring(0, equals);
        Optional<String> problem = Labels.keyProblem(key)
                .or(() -> Labels.valueProblem(item.substring(equals + 1)))
                .map(p -> "`" + key + "`: " + p);
        if (problem.isPresent()) {
            return problem;
        }
        return kubernetesLabel(key) && !kubeletMaySet(key)
                ? Optional.of("kubelet sets no label under kubernetes.io or k8s.io but its own, and exits")
                : Optional.empty();
    }

    private static boolean kubernetesLabel(String key) {
        String namespace = namespace(key);
        return inDomain(namespace, "kubernetes.io") || inDomain(namespace, "k8s.io");
    }

    private static boolean kubeletMaySet(String key) {
        String namespace = namespace(key);
        for (KubeletNodeLabel allowed : ConsumerTables.KUBELET_NODE_LABELS) {
            boolean match = allowed.kind().equals("namespace")
                    ? inDomain(namespace, allowed.key())
                    : allowed.key().equals(key);
            if (match) {
                return true;
            }
        }
        return false;
    }

    private static String namespace(String key) {
        int slash = key.indexOf('/');
        return slash < 0 ? "" : key.substring(0, slash);
    }

    private static boolean inDomain(String name, String domain) {
        return name.equals(domain) || name.endsWith("." + domain);
    }

    /** A new checker for each list, since a key and effect may be given once per list. */
    private static ItemCheck taints() {
        Set<String> seen = new HashSet<>();
        return item -> taintProblem(item, seen);
    }

    /** {@code key[=value]:effect}, as kubernetes' ParseTaints reads what k3s hands it. */
    static Optional<String> taintProblem(String item, Set<String> seen) {
        if (item.endsWith("-")) {
            return Optional.of("an item ending in `-` removes a taint, which k3s ignores when it registers a node");
        }
        int colon = item.indexOf(':');
        if (colon < 0 || item.indexOf(':', colon + 1) >= 0) {
            return Optional.of("a taint is `key=value:Effect` or `key:Effect`, with one `:`");
        }
        String effect = item.substring(colon + 1);
        if (!List.of("NoSchedule", "PreferNoSchedule", "NoExecute").contains(effect)) {
            Optional<String> meant =
                    Suggest.closest(effect, List.of("NoSchedule", "PreferNoSchedule", "NoExecute")).stream()
                            .findFirst();
            return Optional.of("the effect `" + effect + "` is none of NoSchedule, PreferNoSchedule, NoExecute"
                    + meant.map(m -> " (did you mean `" + m + "`?)").orElse(""));
        }
        String keyValue = item.substring(0, colon);
        int equals = keyValue.indexOf('=');
        if (equals >= 0 && keyValue.indexOf('=', equals + 1) >= 0) {
            return Optional.of("more than one `=`");
        }
        String key = equals < 0 ? keyValue : keyValue.substring(0, equals);
        Optional<String> problem = Labels.keyProblem(key)
                .or(() -> equals < 0 ? Optional.empty() : Labels.valueProblem(keyValue.substring(equals + 1)))
                .map(p -> "`" + key + "`: " + p);
        if (problem.isPresent()) {
            return problem;
        }
        return seen.add(key + ":" + effect)
                ? Optional.empty()
                : Optional.of("`" + key + "` has the effect " + effect + " twice");
    }

    /** kube-apiserver's --service-node-port-range, as apimachinery's PortRange.Set reads it. */
    static Optional<String> portRangeProblem(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return Optional.of("it is empty");
        }
        int dash = value.indexOf('-');
        int plus = value.indexOf('+');
        if (dash >= 0 && plus >= 0) {
            return Optional.of("`-` and `+` together");
        }
        int split = Math.max(dash, plus);
        Optional<Long> low = decimal(split < 0 ? value : value.substring(0, split));
        Optional<Long> second = split < 0 ? low : decimal(value.substring(split + 1));
        if (low.isEmpty() || second.isEmpty()) {
            return Optional.of("not decimal numbers");
        }
        long high = plus >= 0 ? low.get() + second.get() : second.get();
        if (low.get() > MAX_PORT || high > MAX_PORT) {
            return Optional.of("a port above " + MAX_PORT);
        }
        return high < low.get() ? Optional.of("the end is below the start") : Optional.empty();
    }

    /** Go's strconv.Atoi on a port: an optional sign and decimal digits, within a long here. */
    private static Optional<Long> decimal(String text) {
        int start = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
        if (text.length() == start || text.length() > 12) {
            return Optional.empty();
        }
        for (int i = start; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return Optional.empty();
            }
        }
        return Optional.of(Long.parseLong(text));
    }

    /** strconv.ParseInt(mode, 8, 0), kept to a file mode's digits. */
    static Optional<String> modeProblem(String mode) {
        if (mode.isEmpty() || mode.length() > 4) {
            return Optional.of("a file mode has one to four octal digits");
        }
        for (int i = 0; i < mode.length(); i++) {
            if (mode.charAt(i) < '0' || mode.charAt(i) > '7') {
                return Optional.of("`" + mode.charAt(i) + "` is not an octal digit");
            }
        }
        return Optional.empty();
    }

    /** The rules netc implements here, for the test that holds them to the table. */
    static List<String> keys() {
        return List.of(
                "node-label",
                "node-taint",
                "service-node-port-range",
                "lb-server-port",
                "write-kubeconfig-mode",
                "config");
    }

    static Optional<ValueRule> row(String key) {
        return ConsumerTables.VALUE_RULES.stream()
                .filter(r -> r.key().equals(key))
                .findFirst();
    }
}
