package dev.netc.emit;

import dev.netc.model.Cluster;
import dev.netc.model.Model;
import dev.netc.model.Namespace;
import dev.netc.model.Node;
import java.util.List;

/**
 * {@code nodes/<node>.yaml}: each node's Kairos cloud-config (see {@link CloudConfigEmitter}),
 * which places the manifests of the kinds before it on the servers. Mode 0600: it holds the token.
 */
final class NodeConfigs implements OutputKind {
    /** The nodes' cloud-configs place the other kinds' manifests; they hold none of their own. */
    @Override
    public boolean nodesOnly() {
        return true;
    }

    @Override
    public void emit(Model model, Emitter.Options options, Emission emission) {
        if (model.cluster().isEmpty()) {
            return;
        }
        Cluster cluster = model.cluster().get();
        // namespaces netc may once have created, which someone else owns now (Kubernetes' own never were netc's)
        List<String> ownedByOthers = model.namespaces().stream()
                .filter(n -> n.ownedByOthers() && !Namespace.KUBERNETES_OWN.contains(n.name()))
                .map(Namespace::name)
                .toList();
        CloudConfigEmitter cloudConfig =
                new CloudConfigEmitter(cluster, emission.serverManifests(), emission.handedOver(), ownedByOthers);
        for (Node node : cluster.nodes()) {
            emission.add(new OutputFile(
                    "nodes/" + node.name() + ".yaml",
                    cloudConfig.cloudConfig(node),
                    cluster.token().isPresent()));
        }
    }
}
