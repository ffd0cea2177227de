package dev.netc.evaluator;

/**
 * Names one rule of a NetworkPolicy in explanations, such as {@code x/web egress[1]}.
 *
 * @param policy    the policy
 * @param direction whether it is an {@code ingress} or {@code egress} rule
 * @param index     its index in that list, counted from 0
 */
public record RuleRef(PolicyRef policy, Direction direction, int index) {

    @Override
    public String toString() {
        return policy + " " + (direction == Direction.INGRESS ? "ingress" : "egress") + "[" + index + "]";
    }
}
