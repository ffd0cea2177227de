package dev.netc.model;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Whether one pod's labels could satisfy two label selectors at once. */
public final class SelectorOverlap {
    private SelectorOverlap() {}

    /**
     * True unless some key is constrained in contradictory ways: two different required values,
     * a value both required and excluded, or a key both required and forbidden.
     */
    public static boolean possible(LabelSelector first, LabelSelector second) {
        Map<String, KeyConstraint> constraints = new LinkedHashMap<>();
        for (LabelSelector selector : List.of(first, second)) {
            selector.matchLabels()
                    .forEach((key, value) -> constraint(constraints, key).allowOnly(Set.of(value)));
            for (LabelSelector.Requirement requirement : selector.expressions()) {
                KeyConstraint constraint = constraint(constraints, requirement.key());
                switch (requirement.operator()) {
                    case "In" -> constraint.allowOnly(Set.copyOf(requirement.values()));
                    case "NotIn" -> constraint.excluded.addAll(requirement.values());
                    case "Exists" -> constraint.present = true;
                    case "DoesNotExist" -> constraint.absent = true;
                    default -> throw new IllegalArgumentException("operator " + requirement.operator());
                }
            }
        }
        return constraints.values().stream().allMatch(KeyConstraint::satisfiable);
    }

    private static KeyConstraint constraint(Map<String, KeyConstraint> constraints, String key) {
        return constraints.computeIfAbsent(key, k -> new KeyConstraint());
    }

    /** What both selectors together ask of one label key; built and read inside {@link #possible} only. */
    private static final class KeyConstraint {
        Set<String> allowed; // null: any value
        final Set<String> excluded = new HashSet<>();
        boolean present;
        boolean absent;

        void allowOnly(Set<String> values) {
            if (allowed == null) {
                allowed = new HashSet<>(values);
            } else {
                allowed.retainAll(values);
            }
        }

        boolean satisfiable() {
            if (absent) {
                return !present && allowed == null;
            }
            return allowed == null || !excluded.containsAll(allowed);
        }
    }
}
