package dev.netc.analysis;

import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Cluster;
import dev.netc.model.Expectation;
import dev.netc.model.Flow;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Network;
import dev.netc.model.Peer;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The passes from parsed files to the resolved {@link Model}: declarations, parameters,
 * networks, namespaces and tiers, the cluster, externals, flows. Each step reports to the
 * sink and carries on with what it could make sense of.
 */
public final class Analyzer {
    private Analyzer() {}

    /**
     * The resolved model, every name declared and where it is used, and the parameters' values
     * as bound (which strings in the model may interpolate).
     */
    public record Analysis(Model model, Bindings bindings, Map<String, String> params) {}

    /** @param importTargets the file each import statement loaded, by the span of its path */
    public static Analysis analyze(
            List<SpecFile> files,
            Map<Span, SourceFile> importTargets,
            Map<String, String> settings,
            SecretSource secrets,
            DiagnosticSink sink) {
        Bindings.Recorder bindings = new Bindings.Recorder();
        Declarations declarations = new Declarations(files, sink);
        declarations.record(files, importTargets, bindings);
        Params params = Params.bind(declarations.params, settings, sink);
        Values values = new Values(params, bindings, sink);

        Map<String, Network> networks = new LinkedHashMap<>();
        NetworkAnalyzer networkAnalyzer = new NetworkAnalyzer(values, sink);
        declarations.networks.forEach(
                (name, declared) -> networks.put(name, networkAnalyzer.analyze(declared.name(), declared.statement())));

        Map<String, Namespace> namespaces = new LinkedHashMap<>();
        Map<String, List<Statement.Allow>> namespaceFlows = new LinkedHashMap<>();
        Map<String, List<Statement.Expect>> namespaceExpectations = new LinkedHashMap<>();
        NamespaceAnalyzer namespaceAnalyzer = new NamespaceAnalyzer(values, bindings, sink);
        declarations.namespaces.forEach((name, declared) -> {
            var analyzed = namespaceAnalyzer.analyze(declared.name(), declared.statement());
            namespaces.put(name, analyzed.namespace());
            namespaceFlows.put(name, analyzed.flows());
            namespaceExpectations.put(name, analyzed.expectations());
        });

        Optional<Cluster> cluster = declarations.clusters.stream()
                .findFirst()
                .map(block -> new ClusterAnalyzer(
                                values, networks, namespaces.containsKey("metallb-system"), secrets, bindings, sink)
                        .analyze(block));

        ExternalResolver externals = new ExternalResolver(declarations.externals, cluster, values, bindings, sink);
        Map<String, Statement.PortConstant> ports = new LinkedHashMap<>();
        declarations.ports.forEach((name, declared) -> ports.put(name, declared.statement()));
        FlowResolver flowResolver = new FlowResolver(
                new Scope(namespaces, declarations.externals.keySet()), externals, ports, values, bindings, sink);
        List<Flow> flows = new ArrayList<>();
        namespaceFlows.forEach(
                (namespace, allows) -> allows.forEach(a -> flows.addAll(flowResolver.resolve(a, namespace))));
        declarations.topLevelFlows.forEach(a -> flows.addAll(flowResolver.resolve(a, null)));
        // expectations after the flows: their names are uses, but they open nothing and keep nothing "used"
        List<Expectation> expectations = new ArrayList<>();
        namespaceExpectations.forEach(
                (namespace, expects) -> expects.forEach(e -> expectations.addAll(flowResolver.resolve(e, namespace))));
        declarations.topLevelExpectations.forEach(e -> expectations.addAll(flowResolver.resolve(e, null)));

        // the user's declarations that no flow used are still checked, and reported as unused
        Set<String> usedExternals = externals.resolvedNames();
        Set<String> usedPorts = flowResolver.resolvedPortConstants();
        declarations.externals.forEach((name, declared) -> {
            if (!declared.fromStdlib()) {
                externals.peer(name);
            }
        });
        flowResolver.resolvePortConstants();
        if (!sink.hasErrors()) { // after an error, "unused" is mostly a flow that did not resolve
            UnusedDeclarations unused = new UnusedDeclarations(sink);
            unused.reportUnused("external", declarations.externals, usedExternals);
            unused.reportUnused("port", declarations.ports, usedPorts);
            unused.reportUnusedTiers(List.copyOf(namespaces.values()), flows);
        }
        new FlowChecks(namespaces, cluster, sink).check(flows);
        new DnsChecks(sink).check(List.copyOf(namespaces.values()), flows);
        FlowChecks.checkExpectations(expectations, sink);

        Model model = new Model(
                cluster,
                List.copyOf(namespaces.values()),
                flows,
                allExternals(declarations, externals, cluster, params),
                expectations);
        return new Analysis(model, bindings.build(), params.values());
    }

    /**
     * Every external that resolves, for `netc query` and `netc diff` to name. The user's were
     * resolved and checked above; those of the standard library that no flow uses are not
     * checked (`kube-api` needs a cluster), so they are resolved with a sink of their own.
     */
    private static List<Peer.Addresses> allExternals(
            Declarations declarations, ExternalResolver checked, Optional<Cluster> cluster, Params params) {
        Set<String> resolved = checked.resolvedNames();
        DiagnosticSink unchecked = new DiagnosticSink();
        Bindings.Recorder unrecorded = new Bindings.Recorder();
        ExternalResolver quiet = new ExternalResolver(
                declarations.externals, cluster, new Values(params, unrecorded, unchecked), unrecorded, unchecked);
        return declarations.externals.keySet().stream()
                .flatMap(name -> (resolved.contains(name) ? checked : quiet).peer(name).stream())
                .toList();
    }
}
