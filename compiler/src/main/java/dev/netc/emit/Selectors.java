package dev.netc.emit;

import dev.netc.model.LabelSelector;
import dev.netc.yaml.Yaml;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/** Label selectors as NetworkPolicy YAML. */
final class Selectors {
    static final String NAMESPACE_NAME_LABEL = dev.netc.model.Namespace.NAME_LABEL;

    private Selectors() {}

    static Node selector(LabelSelector selector) {
        Yaml.MapBuilder map = Yaml.map();
        if (!selector.matchLabels().isEmpty()) {
            map.put("matchLabels", labels(selector.matchLabels()));
        }
        if (!selector.expressions().isEmpty()) {
            map.put(
                    "matchExpressions",
                    Yaml.seq(selector.expressions().stream()
                            .map(r -> {
                                Yaml.MapBuilder requirement =
                                        Yaml.map().put("key", r.key()).put("operator", r.operator());
                                if (!r.values().isEmpty()) {
                                    requirement.put("values", Yaml.strings(r.values()));
                                }
                                return requirement.build();
                            })
                            .toList()));
        }
        return map.build();
    }

    static Node labels(Map<String, String> labels) {
        Yaml.MapBuilder map = Yaml.map();
        labels.forEach(map::put);
        return map.build();
    }

    static Node namespace(String name) {
        return Yaml.map()
                .put("matchLabels", Yaml.map().put(NAMESPACE_NAME_LABEL, name).build())
                .build();
    }
}
