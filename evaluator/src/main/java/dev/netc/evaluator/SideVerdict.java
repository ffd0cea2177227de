package dev.netc.evaluator;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What one side of a connection decided: the source's egress or the destination's ingress.
 *
 * @param direction  {@link Direction#EGRESS} for the source side, {@link Direction#INGRESS} for the destination
 * @param endpoint   the endpoint whose policies were consulted
 * @param isolatedBy the policies that select the endpoint in this direction; empty when it is not isolated
 * @param allowedBy  the rules of those policies that admit the connection
 */
public record SideVerdict(Direction direction, Endpoint endpoint, List<PolicyRef> isolatedBy, List<RuleRef> allowedBy) {

    public SideVerdict {
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(endpoint, "endpoint");
        isolatedBy = List.copyOf(isolatedBy);
        allowedBy = List.copyOf(allowedBy);
    }

    /** Whether the endpoint is a pod; an external endpoint's side has no policies and never restricts. */
    public boolean governed() {
        return endpoint instanceof Pod;
    }

    /** Whether at least one policy isolates the endpoint in this direction. */
    public boolean isolated() {
        return !isolatedBy.isEmpty();
    }

    /** Whether this side lets the connection through: not isolated, or admitted by a rule. */
    public boolean allowed() {
        return !isolated() || !allowedBy.isEmpty();
    }

    /** One line such as {@code egress of x/a: isolated by x/p; allowed by x/p egress[0]}. */
    public String explain() {
        String side = (direction == Direction.INGRESS ? "ingress of " : "egress of ") + endpoint.displayName() + ": ";
        if (!governed()) {
            return side + "external endpoint, no policies apply";
        }
        if (!isolated()) {
            return side + "not isolated (no policy selects it for " + direction.policyType() + "), allowed";
        }
        String isolation = "isolated by " + join(isolatedBy) + "; ";
        return side + isolation + (allowed() ? "allowed by " + join(allowedBy) : "no rule allows it, denied");
    }

    private static String join(List<?> items) {
        return items.stream().map(Object::toString).collect(Collectors.joining(", "));
    }
}
