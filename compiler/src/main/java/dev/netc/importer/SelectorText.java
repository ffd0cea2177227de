package dev.netc.importer;

import dev.netc.evaluator.LabelRequirement;
import dev.netc.evaluator.LabelSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A NetworkPolicy's label selector as netspec writes it: {@code app=web}, {@code env in (a, b)}, {@code !legacy}. */
final class SelectorText {
    private SelectorText() {}

    static boolean isEmpty(LabelSelector selector) {
        return selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty();
    }

    /** Each requirement, matchLabels first (sorted by key), then the expressions in order. */
    static List<String> requirements(LabelSelector selector) {
        List<String> requirements = new ArrayList<>();
        for (Map.Entry<String, String> label : new TreeMap<>(selector.matchLabels()).entrySet()) {
            requirements.add(PolicyImport.quoted(label.getKey()) + "=" + PolicyImport.quoted(label.getValue()));
        }
        for (LabelRequirement requirement : selector.matchExpressions()) {
            String key = PolicyImport.quoted(requirement.key());
            List<String> values = requirement.values().stream()
                    .sorted()
                    .map(PolicyImport::quoted)
                    .toList();
            requirements.add(
                    switch (requirement.operator()) {
                        case In -> key + " in (" + String.join(", ", values) + ")";
                        case NotIn -> key + " notin (" + String.join(", ", values) + ")";
                        case Exists -> key;
                        case DoesNotExist -> "!" + key;
                    });
        }
        return requirements;
    }

    /** As a tier's {@code pods}: its requirements, or {@code *}. */
    static String pods(LabelSelector selector) {
        List<String> requirements = requirements(selector);
        return requirements.isEmpty() ? "*" : String.join(", ", requirements);
    }

    /**
     * A tier name from what the pods are labelled: the value of a label that names workloads, else
     * of the first label, else of the first key; {@code pods} when nothing fits.
     */
    static String name(LabelSelector selector) {
        for (String key : List.of("app.kubernetes.io/name", "app", "name", "k8s-app", "tier", "role", "component")) {
            String value = selector.matchLabels().get(key);
            if (value != null) {
                return value;
            }
        }
        if (!selector.matchLabels().isEmpty()) {
            return new TreeMap<>(selector.matchLabels()).firstEntry().getValue();
        }
        return selector.matchExpressions().isEmpty()
                ? "pods"
                : selector.matchExpressions().get(0).key();
    }
}
