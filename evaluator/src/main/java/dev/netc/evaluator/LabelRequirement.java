package dev.netc.evaluator;

import java.util.Map;
import java.util.Set;

/**
 * One {@code matchExpressions} entry of a label selector.
 *
 * @param key      the label key tested
 * @param operator how the key is tested
 * @param values   the values for {@code In}/{@code NotIn}; empty for the other operators
 */
public record LabelRequirement(String key, Operator operator, Set<String> values) {

    /** Selector operators, named exactly as in the API (S4). */
    public enum Operator {
        In,
        NotIn,
        Exists,
        DoesNotExist
    }

    public LabelRequirement {
        values = Set.copyOf(values);
    }

    /** Whether an object with these labels satisfies the requirement. */
    public boolean matches(Map<String, String> labels) {
        String value = labels.get(key);
        return switch (operator) {
            case In -> value != null && values.contains(value);
            // NotIn also holds when the key is absent (labels.Selector semantics)
            case NotIn -> value == null || !values.contains(value);
            case Exists -> value != null;
            case DoesNotExist -> value == null;
        };
    }
}
