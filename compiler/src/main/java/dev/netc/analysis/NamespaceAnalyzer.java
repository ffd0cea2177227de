package dev.netc.analysis;

import dev.netc.ast.Name;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.LabelSelector;
import dev.netc.model.Namespace;
import dev.netc.model.PortRange;
import dev.netc.model.Tier;
import dev.netc.source.Span;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Namespaces and their tiers: names, labels, isolation and the ports each tier serves. */
final class NamespaceAnalyzer {
    /** Namespaces Kubernetes creates itself: netc never emits a Namespace object for them. */
    static final Set<String> BUILT_IN = Namespace.KUBERNETES_OWN;

    /** A namespace with the flows and expectations written inside it, still to be resolved. */
    record Analyzed(Namespace namespace, List<Statement.Allow> flows, List<Statement.Expect> expectations) {}

    private final Values values;
    /** Where tiers and their ports are declared. */
    private final Bindings.Recorder bindings;

    private final Labels labels;
    private final DiagnosticSink sink;

    NamespaceAnalyzer(Values values, Bindings.Recorder bindings, DiagnosticSink sink) {
        this.values = values;
        this.bindings = bindings;
        this.labels = new Labels(sink);
        this.sink = sink;
    }

    Analyzed analyze(Name nameNode, Statement.Block block) {
        String name = nameNode.text();
        Labels.dnsLabelProblem(name)
                .ifPresent(problem ->
                        sink.report(Diagnostic.of(Code.NS2008, nameNode.span(), "namespace", name, problem)));
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.NAMESPACE, sink);
        boolean ownedByOthers =
                reader.property("owned-by").map(this::ownedByOthers).orElse(false);
        Optional<Statement.Property> isolate = policyProperty(reader, "isolate", ownedByOthers, name);
        Optional<Statement.Property> dnsSwitch = policyProperty(reader, "dns", ownedByOthers, name);
        boolean[] isolation = isolation(isolate);
        checkKubeSystemIsolation(name, isolate);
        boolean dns = dnsSwitch.map(this::onOff).orElse(true);
        Map<String, String> namespaceLabels = new LinkedHashMap<>();
        for (Statement.Labels statement : reader.statements(Statement.Labels.class)) {
            namespaceLabels.putAll(labels.labels(statement.labels()));
        }
        List<Tier> tiers = new ArrayList<>();
        Map<String, Name> seen = new LinkedHashMap<>();
        for (Statement.Block tierBlock : reader.blocks("tier")) {
            Name tierName = tierName(tierBlock);
            if (tierName == null) {
                continue;
            }
            Name previous = seen.putIfAbsent(tierName.text(), tierName);
            if (previous != null) {
                sink.report(Diagnostic.of(Code.NS1002, tierName.span(), "tier", tierName.text())
                        .withSecondary(previous.span(), "first declared here"));
                continue;
            }
            tiers.add(tier(name, tierName, tierBlock, ownedByOthers, isolation[1] && dns));
        }
        boolean managed = !ownedByOthers && !BUILT_IN.contains(name);
        Namespace namespace = new Namespace(
                name,
                namespaceLabels,
                isolation[0],
                isolation[1],
                dns,
                managed,
                ownedByOthers,
                tiers,
                isolate.map(Statement.Property::span),
                dns ? Optional.empty() : dnsSwitch.map(Statement.Property::span));
        return new Analyzed(
                namespace, reader.statements(Statement.Allow.class), reader.statements(Statement.Expect.class));
    }

    private Name tierName(Statement.Block block) {
        if (block.label() instanceof Value.Word word) {
            Labels.dnsLabelProblem(word.text())
                    .ifPresent(problem ->
                            sink.report(Diagnostic.of(Code.NS2008, word.span(), "tier", word.text(), problem)));
            return new Name(word.text(), word.span());
        }
        if (block.label() != null) {
            // flows name tiers by a word: a string would name a tier no flow could reach
            sink.report(Diagnostic.of(
                            Code.NS2009,
                            block.label().span(),
                            "a tier name such as `web`",
                            block.label().describe())
                    .withHelp("tier names are words: letters, digits and `-`, starting with a letter"));
            return null;
        }
        sink.report(Diagnostic.of(Code.NS2010, block.kind().span(), "a tier", "a name")
                .withHelp("write `tier NAME { ... }`"));
        return null;
    }

    /**
     * @param ownedByOthers the namespace is someone else's: its tiers name pods, and netc isolates nothing there
     * @param namespaceDns the namespace's DNS rule covers every pod of it (it isolates egress with DNS on)
     */
    private Tier tier(String namespace, Name name, Statement.Block block, boolean ownedByOthers, boolean namespaceDns) {
        String qualified = namespace + "." + name.text();
        bindings.declare(Bindings.Kind.TIER, qualified, name.span(), block.span());
        BlockReader reader = new BlockReader(block.body(), NetspecVocabulary.TIER, sink);
        List<Statement.Pods> pods = reader.statements(Statement.Pods.class);
        LabelSelector selector = LabelSelector.ALL;
        if (pods.isEmpty()) {
            sink.report(Diagnostic.of(Code.NS2010, name.span(), "tier `" + name.text() + "`", "a `pods` selector")
                    .withHelp("say which pods belong to the tier, e.g. `pods app=" + name.text()
                            + "`, or `pods *` for all"));
        } else {
            if (pods.size() > 1) {
                sink.report(Diagnostic.of(Code.NS1011, pods.get(1).span(), "pods", "a tier")
                        .withSecondary(pods.get(0).span(), "first set here"));
            }
            selector = labels.tierSelector(name.text(), pods.get(0).selectors());
        }
        List<Tier.TierPort> ports = new ArrayList<>();
        Map<String, Span> portNames = new LinkedHashMap<>();
        for (Statement.Property property : reader.properties("port")) {
            for (List<Value> group : property.groups()) {
                tierPort(group, property, qualified)
                        .filter(port -> uniquePortName(port, group.get(0).span(), portNames))
                        .ifPresent(ports::add);
            }
        }
        Optional<Statement.Property> isolate = policyProperty(reader, "isolate", ownedByOthers, namespace);
        Optional<Statement.Property> dnsSwitch = policyProperty(reader, "dns", ownedByOthers, namespace);
        boolean[] isolation = isolation(isolate);
        checkKubeSystemIsolation(namespace, isolate);
        Optional<Boolean> dns = dnsSwitch.map(this::onOff);
        if (dns.equals(Optional.of(false)) && namespaceDns) {
            sink.report(Diagnostic.of(Code.NS3018, dnsSwitch.get().span(), qualified, namespace)
                    .withNote("namespace `" + namespace + "` isolates egress with DNS on: its `allow-dns-egress` "
                            + "policy gives every pod of it DNS, and a policy can only add")
                    .withHelp("say `dns off` in the namespace and `dns on` in the tiers that need DNS"));
        }
        return new Tier(
                namespace,
                name.text(),
                selector,
                ports,
                isolation[0],
                isolation[1],
                block.span(),
                isolate.map(Statement.Property::span),
                dns,
                dnsSwitch.map(Statement.Property::span));
    }

    /** {@code http 80/tcp} */
    private Optional<Tier.TierPort> tierPort(List<Value> group, Statement.Property property, String tier) {
        if (group.size() != 2
                || !(group.get(0) instanceof Value.Word portName)
                || !(group.get(1) instanceof Value.PortSpec spec)) {
            var span = group.isEmpty()
                    ? property.span()
                    : group.get(0).span().to(group.get(group.size() - 1).span());
            sink.report(
                    Diagnostic.of(Code.NS2009, span, "a named port such as `http 80/tcp`", "`" + span.text() + "`"));
            return Optional.empty();
        }
        Optional<String> problem = Labels.declaredPortNameProblem(portName.text());
        if (problem.isPresent()) {
            sink.report(Diagnostic.of(Code.NS2028, portName.span(), portName.text(), problem.get())
                    .withNote("a tier's port names the pods' container port, and Kubernetes names ports this way"));
            return Optional.empty();
        }
        bindings.declare(Bindings.Kind.TIER_PORT, tier + ":" + portName.text(), portName.span(), property.span());
        Optional<PortRange> range = values.portSpec(spec.text(), spec.span());
        return range.map(r -> new Tier.TierPort(portName.text(), r));
    }

    /** A tier's port names are its own: a second `http` would never be used, since flows name the first. */
    private boolean uniquePortName(Tier.TierPort port, Span span, Map<String, Span> seen) {
        Span first = seen.putIfAbsent(port.name(), span);
        if (first != null) {
            sink.report(Diagnostic.of(Code.NS1002, span, "port", port.name())
                    .withSecondary(first, "first declared here")
                    .withHelp("give each port of the tier its own name"));
            return false;
        }
        return true;
    }

    /**
     * RKE2's own workloads live in kube-system and were not written with isolation in mind: CoreDNS
     * must answer every pod and reach the upstream servers and the API, the bundled charts' install
     * jobs must reach the API (RKE2 itself installs tailored policies there only in CIS mode).
     */
    private void checkKubeSystemIsolation(String namespace, Optional<Statement.Property> isolate) {
        if (namespace.equals("kube-system") && isolate.isPresent()) {
            sink.report(Diagnostic.of(Code.NS3014, isolate.get().span())
                    .withNote(
                            "CoreDNS, the CNI's controllers and the helm-install jobs of RKE2's bundled charts run in "
                                    + "kube-system: isolated, cluster DNS and chart installs and upgrades fail unless every flow "
                                    + "they need is declared")
                    .withHelp("leave kube-system unisolated, or declare the flows of its workloads first (DNS to and "
                            + "from kube-dns, the API server, the nodes)"));
        }
    }

    /** {@code isolate} (both), {@code isolate ingress}, {@code isolate ingress, egress} → [ingress, egress]. */
    private boolean[] isolation(Optional<Statement.Property> property) {
        boolean[] result = new boolean[2];
        if (property.isEmpty()) {
            return result;
        }
        if (property.get().groups().isEmpty()) {
            return new boolean[] {true, true};
        }
        for (List<Value> group : property.get().groups()) {
            for (Value value : group) {
                String word = value instanceof Value.Word w ? w.text() : "";
                switch (word) {
                    case "ingress" -> result[0] = true;
                    case "egress" -> result[1] = true;
                    default ->
                        sink.report(
                                Diagnostic.of(Code.NS2009, value.span(), "`ingress` or `egress`", value.describe()));
                }
            }
        }
        return result;
    }

    /** {@code owned-by others}: true; {@code owned-by netc}: false (the default, said aloud). */
    private boolean ownedByOthers(Statement.Property property) {
        List<List<Value>> groups = property.groups();
        if (groups.size() == 1
                && groups.get(0).size() == 1
                && groups.get(0).get(0) instanceof Value.Word w
                && NetspecVocabulary.OWNER_WORDS.contains(w.text())) {
            return w.text().equals("others");
        }
        sink.report(Diagnostic.of(
                Code.NS2009,
                property.span(),
                "`owned-by others` or `owned-by netc`",
                "`" + property.span().text() + "`"));
        return false;
    }

    /**
     * A property that takes netc's policies to honour ({@code isolate}, {@code dns}): in a
     * namespace owned by others, which netc writes no policy into, it is NS3017 and left out.
     */
    private Optional<Statement.Property> policyProperty(
            BlockReader reader, String key, boolean ownedByOthers, String namespace) {
        Optional<Statement.Property> property = reader.property(key);
        if (ownedByOthers && property.isPresent()) {
            notOurs(property.get(), namespace);
            return Optional.empty();
        }
        return property;
    }

    private void notOurs(Statement.Property property, String namespace) {
        sink.report(Diagnostic.of(Code.NS3017, property.span(), property.key().text(), namespace)
                .withNote("netc writes nothing into a namespace owned by others: no Namespace, no policy; its owner "
                        + "isolates it or not")
                .withHelp("remove it; flows to and from the namespace's tiers still get rules on the spec's own side"));
    }

    private boolean onOff(Statement.Property property) {
        List<List<Value>> groups = property.groups();
        if (groups.size() == 1
                && groups.get(0).size() == 1
                && groups.get(0).get(0) instanceof Value.Word w
                && (w.text().equals("on") || w.text().equals("off"))) {
            return w.text().equals("on");
        }
        sink.report(Diagnostic.of(
                Code.NS2009,
                property.span(),
                "`" + property.key().text() + " on` or `" + property.key().text() + " off`",
                "`" + property.span().text() + "`"));
        return true;
    }
}
