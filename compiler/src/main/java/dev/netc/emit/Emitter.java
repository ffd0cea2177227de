package dev.netc.emit;

import dev.netc.model.Cluster;
import dev.netc.model.Model;
import dev.netc.model.Node;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every output file of a model, in a fixed order: policies per namespace, Canal settings, one
 * cloud-config per node.
 */
public final class Emitter {
    /** Options that change what is emitted. */
    public record Options(boolean legacyCanalConfigMap) {
    }

    private Emitter() {
    }

    public static List<OutputFile> emit(Model model, Options options) {
        List<OutputFile> files = new ArrayList<>();
        Map<String, String> serverManifests = new LinkedHashMap<>();
        model.cluster().flatMap(CanalEmitter::helmChartConfig).ifPresent(config -> {
            String content = Yaml.write(config);
            files.add(new OutputFile("manifests/" + CanalEmitter.MANIFEST_FILE, content, false));
            serverManifests.put(CanalEmitter.MANIFEST_FILE, content);
        });
        if (options.legacyCanalConfigMap()) {
            model.cluster().flatMap(CanalEmitter::legacyConfigMap)
                    .ifPresent(map -> files.add(new OutputFile("manifests/canal-config.yaml", Yaml.write(map), false)));
        }
        new PolicyEmitter(model).documents().forEach((namespace, documents) -> {
            String content = Yaml.writeAll(documents);
            files.add(new OutputFile("policies/" + namespace + ".yaml", content, false));
            serverManifests.put("netc-policies-" + namespace + ".yaml", content);
        });
        if (model.cluster().isPresent()) {
            Cluster cluster = model.cluster().get();
            CloudConfigEmitter cloudConfig = new CloudConfigEmitter(cluster, serverManifests);
            for (Node node : cluster.nodes()) {
                files.add(new OutputFile("nodes/" + node.name() + ".yaml", cloudConfig.cloudConfig(node), cluster.token().isPresent()));
            }
        }
        return files;
    }
}
