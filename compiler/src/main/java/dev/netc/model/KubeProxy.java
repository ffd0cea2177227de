package dev.netc.model;

import java.util.List;

/**
 * kube-proxy settings, lowered to RKE2's {@code kube-proxy-arg} list.
 *
 * @param args {@code flag=value} items in a fixed order, e.g. {@code proxy-mode=ipvs}
 * @param kernelModules modules a {@code modules:} stage must load before RKE2 starts
 */
public record KubeProxy(String mode, List<String> args, List<String> kernelModules) {
    public KubeProxy {
        args = List.copyOf(args);
        kernelModules = List.copyOf(kernelModules);
    }
}
