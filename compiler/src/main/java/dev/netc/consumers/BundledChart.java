package dev.netc.consumers;

import java.util.Arrays;
import java.util.List;

/**
 * A chart RKE2 deploys for a {@code cni} value, and the values it must be given when kube-proxy runs
 * in nftables mode.
 *
 * @param chart the HelmChart (and HelmChartConfig) name; empty for {@code none}
 * @param valuesForNftables {@code path=value} items joined by commas; empty if none are needed
 */
public record BundledChart(String cni, String chart, String valuesForNftables, String source) {

    /** The {@code path=value} items, each as a two-element array. */
    public List<String[]> nftablesValues() {
        return valuesForNftables.isEmpty()
                ? List.of()
                : Arrays.stream(valuesForNftables.split(","))
                        .map(item -> item.split("=", 2))
                        .toList();
    }
}
