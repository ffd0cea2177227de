package dev.netc.model;

import java.util.List;
import java.util.Optional;

/**
 * The HTTP proxy the nodes reach the outside through, written as provider-rke2's {@code cluster.env}
 * (which RKE2 and containerd read).
 *
 * @param http the proxy for {@code http://} requests ({@code HTTP_PROXY})
 * @param https the proxy for {@code https://} requests ({@code HTTPS_PROXY})
 * @param noProxy what never goes through the proxy ({@code NO_PROXY}): what netc derives from the
 *     spec (the cluster's ranges, every node network, the join address, the cluster's service
 *     domains), then what the spec adds
 */
public record Proxy(Optional<String> http, Optional<String> https, List<String> noProxy) {
    public Proxy {
        noProxy = List.copyOf(noProxy);
    }
}
