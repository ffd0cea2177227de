package dev.netc.emit;

import dev.netc.consumers.BundledChart;
import dev.netc.consumers.ConsumerTables;
import dev.netc.model.Cluster;
import dev.netc.yaml.Yaml;
import java.util.LinkedHashMap;
import java.util.Map;
import org.snakeyaml.engine.v2.nodes.Node;

/**
 * A HelmChartConfig for each chart RKE2 deploys with the cluster's CNI that netc has values for
 * (bundled-cni-charts.tsv): Canal's settings from the {@code canal} block, and what the CNI's chart
 * must be told when kube-proxy runs in nftables mode (RKE2's basic network options). helm-controller
 * applies a HelmChartConfig only to the HelmChart of the same name in kube-system.
 */
public final class ChartConfigEmitter {
    private ChartConfigEmitter() {}

    /** The manifest file of a chart's config: RKE2 would overwrite the bundled {@code <chart>.yaml}. */
    public static String manifestFile(String chart) {
        return chart + "-config.yaml";
    }

    /**
     * A chart's HelmChartConfig.
     *
     * @param secret whether its values hold a secret (WireGuard's pre-shared key)
     */
    public record ChartConfig(Node yaml, boolean secret) {}

    /** Chart name → its HelmChartConfig, in the order of the table; only charts with values. */
    public static Map<String, ChartConfig> configs(Cluster cluster) {
        boolean nftables =
                cluster.kubeProxy().filter(k -> k.mode().equals("nftables")).isPresent();
        Map<String, ChartConfig> configs = new LinkedHashMap<>();
        for (BundledChart chart : ConsumerTables.BUNDLED_CHARTS) {
            if (chart.chart().isEmpty() || !cluster.cni().contains(chart.cni()) || configs.containsKey(chart.chart())) {
                continue;
            }
            ChartValues values = chart.chart().equals("rke2-canal")
                    ? CanalEmitter.values(cluster)
                    : CniChartValues.of(cluster, chart.chart());
            if (nftables) {
                chart.nftablesValues().forEach(item -> values.put(item[0], scalar(item[1])));
            }
            if (!values.isEmpty()) {
                configs.put(
                        chart.chart(), new ChartConfig(helmChartConfig(chart.chart(), values), values.holdsSecret()));
            }
        }
        return configs;
    }

    private static Node scalar(String text) {
        return text.equals("true") || text.equals("false") ? Yaml.bool(Boolean.parseBoolean(text)) : Yaml.quoted(text);
    }

    private static Node helmChartConfig(String chart, ChartValues values) {
        return Yaml.map()
                .put("apiVersion", "helm.cattle.io/v1")
                .put("kind", "HelmChartConfig")
                .put(
                        "metadata",
                        Yaml.map()
                                .put("name", chart)
                                .put("namespace", "kube-system")
                                .build())
                .put(
                        "spec",
                        Yaml.map()
                                .put("valuesContent", Yaml.literal(Yaml.write(values.toYaml())))
                                .build())
                .build();
    }
}
