package dev.netc.model;

/**
 * The sides of a flow netc writes rules on: both (the default {@code allow}), or one, when the
 * other side is managed by someone else ({@code allow ingress}: only the destination's ingress;
 * {@code allow egress}: only the source's egress).
 */
public enum Sides {
    BOTH(true, true),
    INGRESS(true, false),
    EGRESS(false, true);

    private final boolean ingress;
    private final boolean egress;

    Sides(boolean ingress, boolean egress) {
        this.ingress = ingress;
        this.egress = egress;
    }

    /** Whether the destination's ingress side gets a rule. */
    public boolean ingress() {
        return ingress;
    }

    /** Whether the source's egress side gets a rule. */
    public boolean egress() {
        return egress;
    }
}
