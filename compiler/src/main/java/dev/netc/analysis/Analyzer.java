package dev.netc.analysis;

import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.model.Cluster;
import dev.netc.model.Flow;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Network;
import dev.netc.model.Peer;
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
    private Analyzer() {
    }

    public static Model analyze(List<SpecFile> files, Map<String, String> settings, SecretSource secrets,
            DiagnosticSink sink) {
        Declarations declarations = new Declarations(files, sink);
        Params params = Params.bind(declarations.params, settings, sink);
        Values values = new Values(params, sink);

        Map<String, Network> networks = new LinkedHashMap<>();
        NetworkAnalyzer networkAnalyzer = new NetworkAnalyzer(values, sink);
        declarations.networks.forEach((name, declared) ->
                networks.put(name, networkAnalyzer.analyze(declared.name(), declared.statement())));

        Map<String, Namespace> namespaces = new LinkedHashMap<>();
        Map<String, List<Statement.Allow>> namespaceFlows = new LinkedHashMap<>();
        NamespaceAnalyzer namespaceAnalyzer = new NamespaceAnalyzer(values, sink);
        declarations.namespaces.forEach((name, declared) -> {
            var analyzed = namespaceAnalyzer.analyze(declared.name(), declared.statement(), declared.fromStdlib());
            namespaces.put(name, analyzed.namespace());
            namespaceFlows.put(name, analyzed.flows());
        });

        Optional<Cluster> cluster = declarations.clusters.stream().findFirst()
                .map(block -> new ClusterAnalyzer(values, networks, namespaces.containsKey("metallb-system"), secrets, sink).analyze(block));

        ExternalResolver externals = new ExternalResolver(declarations.externals, cluster, values, sink);
        Map<String, Statement.PortConstant> ports = new LinkedHashMap<>();
        declarations.ports.forEach((name, declared) -> ports.put(name, declared.statement()));
        FlowResolver flowResolver = new FlowResolver(namespaces, externals, ports, values, sink);
        List<Flow> flows = new ArrayList<>();
        namespaceFlows.forEach((namespace, allows) -> allows.forEach(a -> flows.addAll(flowResolver.resolve(a, namespace))));
        declarations.topLevelFlows.forEach(a -> flows.addAll(flowResolver.resolve(a, null)));

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

        return new Model(cluster, List.copyOf(namespaces.values()), flows, allExternals(declarations, externals, cluster, params));
    }

    /**
     * Every external that resolves, for `netc query` and `netc diff` to name. The user's were
     * resolved and checked above; those of the standard library that no flow uses are not
     * checked (`kube-api` needs a cluster), so they are resolved with a sink of their own.
     */
    private static List<Peer.Addresses> allExternals(Declarations declarations, ExternalResolver checked,
            Optional<Cluster> cluster, Params params) {
        Set<String> resolved = checked.resolvedNames();
        DiagnosticSink unchecked = new DiagnosticSink();
        ExternalResolver quiet = new ExternalResolver(declarations.externals, cluster, new Values(params, unchecked), unchecked);
        return declarations.externals.keySet().stream()
                .flatMap(name -> (resolved.contains(name) ? checked : quiet).peer(name).stream()).toList();
    }
}
