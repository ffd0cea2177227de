package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Fix;
import dev.netc.model.Rke2Option;
import dev.netc.rke2.Rke2Key;
import dev.netc.rke2.Rke2KeyCatalogue;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Raw RKE2 options ({@code rke2 { key = value }}), checked against the catalogue of RKE2's real
 * config keys: RKE2 itself skips unknown keys with a mere warning, so a typo would otherwise
 * silently do nothing on the node.
 */
final class Rke2Options {
    private final Values values;
    private final KubeProxyArgs kubeProxyArgs;
    private final DiagnosticSink sink;
    private final NodeFileText nodeFileText;
    private final Rke2ValueRules valueRules;

    Rke2Options(Values values, KubeProxyArgs kubeProxyArgs, DiagnosticSink sink) {
        this.values = values;
        this.kubeProxyArgs = kubeProxyArgs;
        this.sink = sink;
        this.nodeFileText = new NodeFileText(sink);
        this.valueRules = new Rke2ValueRules(sink);
    }

    List<Rke2Option> read(List<Statement.Rke2> blocks) {
        Map<String, Statement.Rke2Entry> seen = new LinkedHashMap<>();
        List<Rke2Option> options = new ArrayList<>();
        for (Statement.Rke2 block : blocks) {
            for (Statement.Rke2Entry entry : block.entries()) {
                String key = entry.key().text();
                Statement.Rke2Entry previous = seen.putIfAbsent(key, entry);
                if (previous != null) {
                    sink.report(Diagnostic.of(Code.NS1011, entry.key().span(), key, "the `rke2` options")
                            .withSecondary(previous.key().span(), "first set here"));
                    continue;
                }
                option(entry).ifPresent(options::add);
            }
        }
        return options;
    }

    private Optional<Rke2Option> option(Statement.Rke2Entry entry) {
        String key = entry.key().text();
        String source = NetspecVocabulary.rke2KeySource(key);
        if (source != null) {
            sink.report(Diagnostic.of(Code.NS4003, entry.key().span(), key)
                    .withLabel("written by netc")
                    .withHelp("use " + source));
            return Optional.empty();
        }
        Optional<String> dropped = Rke2KeyCatalogue.droppedReason(key);
        if (dropped.isPresent()) {
            sink.report(
                    Diagnostic.of(Code.NS4002, entry.key().span(), key).withNote("`" + key + "`: " + dropped.get()));
            return Optional.empty();
        }
        Optional<Rke2Key> known = Rke2KeyCatalogue.find(key);
        if (known.isEmpty()) {
            Diagnostic unknown =
                    Diagnostic.of(Code.NS4001, entry.key().span(), key).withLabel("not an RKE2 config key");
            sink.report(Suggest.didYouMean(
                            unknown,
                            key,
                            Rke2KeyCatalogue.all().stream().map(Rke2Key::name).toList())
                    .orElse(unknown.withNote("RKE2 skips unknown keys with only a warning in its log")));
            return Optional.empty();
        }
        Rke2Key rke2Key = known.get();
        return typed(rke2Key, entry.value())
                .filter(v -> allowedValue(key, v, entry.value()))
                .filter(v -> valueRules.check(key, v, entry.value()))
                .filter(v -> !key.equals("kube-proxy-arg") || kubeProxyArgsAccepted((List<?>) v, entry.value()))
                .filter(v -> !key.equals("data-dir") || absoluteDataDir(String.valueOf(v), entry.value()))
                .filter(v -> !key.equals("disable") || keepsNetcManifests((List<?>) v, entry.value()))
                .map(v -> new Rke2Option(key, v, rke2Key.scope() == Rke2Key.Scope.SERVER));
    }

    /**
     * RKE2 resolves a relative {@code data-dir} from its working directory, and netc places the
     * manifests under {@code <data-dir>/server/manifests}: they would land where RKE2 never looks.
     */
    private boolean absoluteDataDir(String dir, Value written) {
        if (dir.startsWith("/")) {
            return true;
        }
        sink.report(Diagnostic.of(Code.NS4029, written.span(), dir.isEmpty() ? "(empty)" : dir)
                .withNote("netc places the Canal settings and every policy in <data-dir>/server/manifests; RKE2 would "
                        + "read them from elsewhere, and no policy would ever be applied")
                .withHelp("write an absolute path, or leave `data-dir` out for `/var/lib/rancher/rke2`"));
        return false;
    }

    /**
     * {@code disable} names add-ons by manifest file; on a netc manifest RKE2 deletes what the file
     * applied, and removes the file (k3s pkg/deploy/controller.go shouldDisableFile): the policies
     * and so the isolation, or the CNI's settings.
     */
    private boolean keepsNetcManifests(List<?> items, Value written) {
        boolean keeps = true;
        List<Value> itemValues = KubeProxyArgs.items(written);
        for (int i = 0; i < items.size(); i++) {
            String name = String.valueOf(items.get(i));
            if (name.startsWith("netc-policies-") || name.endsWith("-config") && name.startsWith("rke2-")) {
                sink.report(Diagnostic.of(Code.NS4030, itemValues.get(i).span(), name)
                        .withNote(
                                "RKE2 deletes every object the manifest applied and removes the file from the servers: "
                                        + "the namespace's policies (and with them its isolation), or the chart's settings")
                        .withHelp(
                                "remove the namespace, flow or setting from the spec instead: netc retires what it no "
                                        + "longer writes"));
                keeps = false;
            }
        }
        return keeps;
    }

    /** Every item checked (each may be reported), then whether kube-proxy accepts them all. */
    private boolean kubeProxyArgsAccepted(List<?> items, Value written) {
        List<Value> itemValues = KubeProxyArgs.items(written);
        boolean accepted = true;
        for (int i = 0; i < items.size(); i++) {
            accepted &= kubeProxyArgs.check(String.valueOf(items.get(i)), itemValues.get(i));
        }
        return accepted;
    }

    /** Keys whose string value RKE2 checks against a fixed set at start-up, where any other value is fatal. */
    private static final Map<String, List<String>> ENUMERATED = Map.of("profile", List.of("cis", "etcd"));

    private boolean allowedValue(String key, Object value, Value written) {
        List<String> allowed = ENUMERATED.get(key);
        if (allowed == null || allowed.contains(value)) {
            return true;
        }
        Diagnostic invalid = Diagnostic.of(Code.NS4019, written.span(), key, value, String.join(", ", allowed))
                .withNote("RKE2 refuses to start with any other value (`cis-1.23` was removed in v1.30)");
        sink.report(Suggest.didYouMean(invalid, String.valueOf(value), allowed).orElse(invalid));
        return false;
    }

    private Optional<Object> typed(Rke2Key key, Value value) {
        switch (key.type()) {
            case BOOL:
                if (value instanceof Value.Word w
                        && (w.text().equals("true") || w.text().equals("false"))) {
                    return Optional.of(Boolean.valueOf(w.text()));
                }
                return mismatch(key, value, "`true` or `false`");
            case INT:
                if (value instanceof Value.Number n) {
                    return Optional.of(n.value());
                }
                return mismatch(key, value, "a number");
            case DURATION:
                if (value instanceof Value.Duration || value instanceof Value.Str) {
                    return values.duration(value).map(d -> d);
                }
                return mismatch(key, value, "a duration such as `30s`");
            case STRING_LIST:
                if (value instanceof Value.ListValue list) {
                    List<String> items = new ArrayList<>();
                    for (Value item : list.items()) {
                        Optional<String> text = stringOf(key, item);
                        if (text.isEmpty()) {
                            return Optional.empty();
                        }
                        items.add(text.get());
                    }
                    return Optional.of(items);
                }
                return stringOf(key, value).map(text -> List.of(text));
            default:
                return stringOf(key, value).map(text -> text);
        }
    }

    /** A string value; a bare number is refused because YAML would turn `0640` into 416. */
    private Optional<String> stringOf(Rke2Key key, Value value) {
        if (value instanceof Value.Str
                || value instanceof Value.Word
                || value instanceof Value.Address
                || value instanceof Value.Duration
                || value instanceof Value.PortSpec) {
            return values.text(value).filter(text -> nodeFileText.check(text, value.span(), "`" + key.name() + "`"));
        }
        Diagnostic diagnostic = Diagnostic.of(Code.NS4004, value.span(), key.name(), "a string", value.describe());
        if (value instanceof Value.Number) {
            String quoted = "\"" + value.span().text() + "\"";
            diagnostic = diagnostic
                    .withHelp("quote it: `" + quoted + "`")
                    .withFix(new Fix("quote it", value.span(), quoted));
        }
        sink.report(diagnostic);
        return Optional.empty();
    }

    private Optional<Object> mismatch(Rke2Key key, Value value, String expected) {
        sink.report(Diagnostic.of(Code.NS4004, value.span(), key.name(), expected, value.describe()));
        return Optional.empty();
    }
}
