package dev.netc.emit;

import dev.netc.model.Cluster;
import dev.netc.model.Model;
import dev.netc.model.Node;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every output file of a model, in a fixed order: policies per namespace, Canal settings, one
 * cloud-config per node.
 */
public final class Emitter {
    /**
     * Options that change what is emitted.
     *
     * @param legacyCanalConfigMap also write the seed-style {@code canal-config} ConfigMap
     * @param traceRules also record where each NetworkPolicy rule came from ({@link Provenance}),
     *     which {@code netc query} shows; writing the files does not need it
     */
    public record Options(boolean legacyCanalConfigMap, boolean traceRules) {
        /** Without the rule trace. */
        public Options(boolean legacyCanalConfigMap) {
            this(legacyCanalConfigMap, false);
        }
    }

    /** The files, and where the rules of their NetworkPolicies came from. */
    public record Emitted(List<OutputFile> files, Provenance provenance) {
        public Emitted {
            files = List.copyOf(files);
        }
    }

    /**
     * From this many namespaces (or output files) on, the work on each is spread over every
     * processor: a thousand namespaces' YAML was about a fifth of a large spec's compile. Less is
     * done on the calling thread: a small spec gains nothing from it, and a batch already runs
     * its sites in parallel.
     */
    public static final int PARALLEL_FROM = 64;

    private Emitter() {
    }

    public static Emitted emit(Model model, Options options) {
        List<OutputFile> files = new ArrayList<>();
        Map<String, String> serverManifests = new LinkedHashMap<>();
        model.cluster().map(ChartConfigEmitter::configs).orElse(Map.of()).forEach((chart, config) -> {
            String content = Yaml.write(config);
            String file = ChartConfigEmitter.manifestFile(chart);
            files.add(new OutputFile("manifests/" + file, content, false));
            serverManifests.put(file, content);
        });
        if (options.legacyCanalConfigMap()) {
            model.cluster().flatMap(CanalEmitter::legacyConfigMap)
                    .ifPresent(map -> files.add(new OutputFile("manifests/canal-config.yaml", Yaml.write(map), false)));
        }
        PolicyEmitter.Policies policies = PolicyEmitter.emit(model, options.traceRules());
        List<String> namespaces = List.copyOf(policies.documents().keySet());
        List<String> contents = yaml(List.copyOf(policies.documents().values()));
        for (int i = 0; i < namespaces.size(); i++) {
            files.add(new OutputFile("policies/" + namespaces.get(i) + ".yaml", contents.get(i), false));
            serverManifests.put("netc-policies-" + namespaces.get(i) + ".yaml", contents.get(i));
        }
        if (model.cluster().isPresent()) {
            Cluster cluster = model.cluster().get();
            CloudConfigEmitter cloudConfig = new CloudConfigEmitter(cluster, serverManifests);
            for (Node node : cluster.nodes()) {
                files.add(new OutputFile("nodes/" + node.name() + ".yaml", cloudConfig.cloudConfig(node), cluster.token().isPresent()));
            }
        }
        return new Emitted(files, policies.provenance());
    }

    /** Each namespace's documents as one YAML text, in the same order. */
    private static List<String> yaml(List<List<org.snakeyaml.engine.v2.nodes.Node>> documents) {
        return streamOf(documents).map(Yaml::writeAll).toList();
    }

    /** The items, on every processor from {@link #PARALLEL_FROM} of them on, else on the calling thread. */
    public static <T> Stream<T> streamOf(List<T> items) {
        return items.size() < PARALLEL_FROM ? items.stream() : items.parallelStream();
    }
}
