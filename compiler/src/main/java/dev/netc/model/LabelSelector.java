package dev.netc.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes label selector; an empty one selects everything.
 *
 * @param matchLabels equality requirements, in declaration order
 */
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> expressions) {
    public static final LabelSelector ALL = new LabelSelector(Map.of(), List.of());

    public LabelSelector {
        matchLabels = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matchLabels));
        expressions = List.copyOf(expressions);
    }

    public static LabelSelector of(String key, String value) {
        return new LabelSelector(Map.of(key, value), List.of());
    }

    public boolean isEmpty() {
        return matchLabels.isEmpty() && expressions.isEmpty();
    }

    /** The selector as netspec writes it: {@code tier=web, env in (a, b), !legacy}; {@code *} for all. */
    public String text() {
        if (isEmpty()) {
            return "*";
        }
        List<String> parts = new java.util.ArrayList<>();
        matchLabels.forEach((key, value) -> parts.add(key + "=" + value));
        for (Requirement requirement : expressions) {
            parts.add(
                    switch (requirement.operator()) {
                        case "Exists" -> requirement.key();
                        case "DoesNotExist" -> "!" + requirement.key();
                        case "NotIn" -> requirement.key() + " notin (" + String.join(", ", requirement.values()) + ")";
                        default -> requirement.key() + " in (" + String.join(", ", requirement.values()) + ")";
                    });
        }
        return String.join(", ", parts);
    }

    /** Whether an object with these labels is selected, as the Kubernetes API defines it. */
    public boolean matches(Map<String, String> labels) {
        for (Map.Entry<String, String> entry : matchLabels.entrySet()) {
            if (!entry.getValue().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (Requirement requirement : expressions) {
            String value = labels.get(requirement.key());
            boolean matches = switch (requirement.operator()) {
                case "In" -> value != null && requirement.values().contains(value);
                case "NotIn" -> value == null || !requirement.values().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("operator " + requirement.operator());
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    /** The pods both selectors select: the requirements of both; empty when no pod can satisfy both. */
    public Optional<LabelSelector> and(LabelSelector other) {
        if (!SelectorOverlap.possible(this, other)) {
            return Optional.empty();
        }
        Map<String, String> labels = new java.util.LinkedHashMap<>(matchLabels);
        labels.putAll(other.matchLabels);
        List<Requirement> requirements = new java.util.ArrayList<>(expressions);
        other.expressions.stream().filter(r -> !requirements.contains(r)).forEach(requirements::add);
        return Optional.of(new LabelSelector(labels, requirements));
    }

    /** A set-based requirement: operator is In, NotIn, Exists or DoesNotExist (API spelling). */
    public record Requirement(String key, String operator, List<String> values) {
        public Requirement {
            values = List.copyOf(values);
        }

        // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
        @Override
        public boolean equals(Object other) {
            return other instanceof Requirement that
                    && Objects.equals(key, that.key)
                    && Objects.equals(operator, that.operator)
                    && Objects.equals(values, that.values);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Objects.hashCode(key) + Objects.hashCode(operator)) + Objects.hashCode(values);
        }
    }

    // as the record would, without its invokedynamic bootstrap (see bench/README.md, Start-up)
    @Override
    public boolean equals(Object other) {
        return other instanceof LabelSelector that
                && Objects.equals(matchLabels, that.matchLabels)
                && Objects.equals(expressions, that.expressions);
    }

    @Override
    public int hashCode() {
        return 31 * Objects.hashCode(matchLabels) + Objects.hashCode(expressions);
    }
}
