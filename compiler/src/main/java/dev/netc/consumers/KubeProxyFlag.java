package dev.netc.consumers;

import java.util.List;

/**
 * A command-line flag of kube-proxy (RKE2 passes each {@code kube-proxy-arg} item as one).
 *
 * @param type the pflag value kind: {@code bool}, {@code duration}, {@code int32}, {@code string}, ...
 * @param modes the proxy modes in which the flag has an effect: {@code all} or a comma list
 * @param deprecated {@code yes} or {@code no}
 */
public record KubeProxyFlag(String flag, String type, String modes, String deprecated, String source) {

    /** Whether kube-proxy reads the flag in this proxy mode. */
    public boolean appliesTo(String mode) {
        return modes.equals("all") || List.of(modes.split(",")).contains(mode);
    }
}
