package dev.netc.evaluator;

import java.util.Objects;

/**
 * An address outside the cluster. It is never selected by a pod or namespace selector, only by
 * ipBlock peers, and it has no policies of its own.
 *
 * @param ip its address
 */
public record ExternalEndpoint(IpAddress ip) implements Endpoint {

    public ExternalEndpoint {
        Objects.requireNonNull(ip, "ip");
    }

    @Override
    public String displayName() {
        return ip.toString();
    }
}
