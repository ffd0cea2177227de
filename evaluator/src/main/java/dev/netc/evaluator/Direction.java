package dev.netc.evaluator;

/** A policy type: the direction of traffic a policy governs for the pods it selects. */
public enum Direction {
    INGRESS("Ingress"),
    EGRESS("Egress");

    private final String policyType;

    Direction(String policyType) {
        this.policyType = policyType;
    }

    /** The spelling used in {@code spec.policyTypes}. */
    public String policyType() {
        return policyType;
    }

    /**
     * The direction spelled exactly so in {@code spec.policyTypes}.
     *
     * @throws IllegalArgumentException for any other text, such as "ingress"
     */
    public static Direction fromPolicyType(String text) {
        for (Direction direction : values()) {
            if (direction.policyType.equals(text)) {
                return direction;
            }
        }
        throw new IllegalArgumentException(
                "unsupported policy type \"" + text + "\": supported values: Ingress, Egress");
    }
}
