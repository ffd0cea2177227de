package dev.netc.emit;

import dev.netc.model.Cluster;
import dev.netc.model.Node;
import dev.netc.model.Rke2Option;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One Kairos {@code #cloud-config} per node with the provider-rke2 {@code cluster:} block.
 *
 * <p>What RKE2 must see at its first start (Canal values, manifests, kernel modules) goes into
 * {@code stages.boot.before}: the user's config runs there before provider-rke2 (re)starts
 * RKE2, while top-level {@code write_files} would only land afterwards.
 */
public final class CloudConfigEmitter {
    static final String DEFAULT_DATA_DIR = "/var/lib/rancher/rke2";
    private static final int SECRET_FILE_MODE = 0600;

    private final Cluster cluster;
    /** Server manifests: file name in the manifests folder → content. */
    private final Map<String, String> serverManifests;
    /**
     * The {@code stages:} part of the cloud-config by what it depends on (agent, or the
     * server's manifests folder): written once for all nodes alike, not once per node, since a
     * server's part holds every manifest and is most of the output's size.
     */
    private final Map<String, String> stagesYaml = new HashMap<>();

    public CloudConfigEmitter(Cluster cluster, Map<String, String> serverManifests) {
        this.cluster = cluster;
        this.serverManifests = serverManifests;
    }

    public String cloudConfig(Node node) {
        Yaml.MapBuilder clusterBlock = Yaml.map();
        cluster.token().ifPresent(token -> clusterBlock.put("cluster_token", Yaml.quoted(token.reveal())));
        clusterBlock.put("control_plane_host", Yaml.quoted(cluster.controlPlaneHost()))
                .put("role", node.role().yamlName())
                .put("config", Yaml.literal(Yaml.write(rke2Config(node))));
        // Line 1 must be the header: Kairos reads a file as cloud-config only then. The two keys
        // of the top-level mapping are written one after the other, as one mapping would be.
        Optional<String> manifestsDir = node.role().isServer() ? Optional.of(manifestsDir(node)) : Optional.empty();
        return "#cloud-config\n" + Yaml.write(Yaml.map().put("cluster", clusterBlock.build()).build())
                + stagesYaml.computeIfAbsent(manifestsDir.orElse(""), key -> stagesYaml(manifestsDir));
    }

    /** @param manifestsDir where a server's manifests go; empty for an agent */
    private String stagesYaml(Optional<String> manifestsDir) {
        List<org.snakeyaml.engine.v2.nodes.Node> stages = stages(manifestsDir);
        return stages.isEmpty() ? "" : Yaml.write(Yaml.map().put("stages", Yaml.map().put("boot.before", Yaml.seq(stages)).build())
                .build());
    }

    /**
     * The RKE2 config of a node. {@code cluster-cidr} and {@code service-cidr} are always
     * present as single strings: provider-rke2 reads both as strings for NO_PROXY and fails
     * without them. {@code token} and {@code server} are never here: the provider writes them,
     * and its merge would concatenate two values.
     */
    private org.snakeyaml.engine.v2.nodes.Node rke2Config(Node node) {
        Yaml.MapBuilder config = Yaml.map()
                .put("cluster-cidr", Yaml.quoted(joined(cluster.podCidrs())))
                .put("service-cidr", Yaml.quoted(joined(cluster.serviceCidrs())));
        boolean server = node.role().isServer();
        if (server) {
            config.put("cluster-dns", Yaml.quoted(String.join(",", cluster.clusterDns().stream().map(IpAddress::toString).toList())));
            cluster.domain().ifPresent(domain -> config.put("cluster-domain", Yaml.quoted(domain)));
            config.put("cni", Yaml.strings(cluster.cni()));
        }
        if (!node.nodeIps().isEmpty()) {
            config.put("node-ip", Yaml.quoted(String.join(",", node.nodeIps().stream().map(IpAddress::toString).toList())));
        }
        if (!node.externalIps().isEmpty()) {
            config.put("node-external-ip",
                    Yaml.quoted(String.join(",", node.externalIps().stream().map(IpAddress::toString).toList())));
        }
        node.bindAddress().ifPresent(address -> config.put("bind-address", Yaml.quoted(address.toString())));
        if (server && !cluster.tlsSans().isEmpty()) {
            config.put("tls-san", Yaml.strings(cluster.tlsSans()));
        }
        List<String> kubeProxyArgs = new ArrayList<>();
        cluster.kubeProxy().ifPresent(kubeProxy -> kubeProxyArgs.addAll(kubeProxy.args()));
        // kube-proxy-arg lists of both blocks are joined; any other key set in both takes the
        // node's value, as a later file in RKE2's config.yaml.d replaces an earlier one
        Map<String, Rke2Option> byKey = new LinkedHashMap<>();
        for (Rke2Option option : concat(cluster.rke2(), node.rke2())) {
            if (option.key().equals("kube-proxy-arg")) {
                ((List<?>) option.value()).forEach(item -> kubeProxyArgs.add(String.valueOf(item)));
            } else if (server || !option.serverOnly()) {
                byKey.put(option.key(), option);
            }
        }
        if (!kubeProxyArgs.isEmpty()) {
            config.put("kube-proxy-arg", Yaml.strings(kubeProxyArgs));
        }
        byKey.values().forEach(option -> config.put(option.key(), rawValue(option.value())));
        return config.build();
    }

    private static List<Rke2Option> concat(List<Rke2Option> first, List<Rke2Option> second) {
        List<Rke2Option> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static org.snakeyaml.engine.v2.nodes.Node rawValue(Object value) {
        if (value instanceof Boolean b) {
            return Yaml.bool(b);
        } else if (value instanceof Long n) {
            return Yaml.number(n);
        } else if (value instanceof List<?> list) {
            return Yaml.strings(list.stream().map(String::valueOf).toList());
        }
        // quoted: RKE2 parses e.g. write-kubeconfig-mode "0640" as octal text; plain 0640 would become 416
        return Yaml.quoted(String.valueOf(value));
    }

    private List<org.snakeyaml.engine.v2.nodes.Node> stages(Optional<String> manifestsDir) {
        List<org.snakeyaml.engine.v2.nodes.Node> stages = new ArrayList<>();
        cluster.kubeProxy().filter(k -> !k.kernelModules().isEmpty()).ifPresent(kubeProxy -> stages.add(Yaml.map()
                .put("name", "netc-kernel-modules")
                .put("modules", Yaml.strings(kubeProxy.kernelModules()))
                .build()));
        if (manifestsDir.isPresent() && !serverManifests.isEmpty()) {
            List<org.snakeyaml.engine.v2.nodes.Node> files = new ArrayList<>();
            serverManifests.forEach((name, content) -> files.add(Yaml.map()
                    .put("path", manifestsDir.get() + name)
                    .put("permissions", Yaml.octal(SECRET_FILE_MODE))
                    .put("owner", Yaml.number(0))
                    .put("group", Yaml.number(0))
                    .put("content", Yaml.literal(content))
                    .build()));
            stages.add(Yaml.map().put("name", "netc-rke2-manifests").put("files", Yaml.seq(files)).build());
        }
        return stages;
    }

    /** RKE2 reads auto-deployed manifests from {@code <data-dir>/server/manifests} (K38). */
    private String manifestsDir(Node node) {
        String dataDir = concat(cluster.rke2(), node.rke2()).stream().filter(o -> o.key().equals("data-dir"))
                .reduce((clusterValue, nodeValue) -> nodeValue).map(o -> String.valueOf(o.value())).orElse(DEFAULT_DATA_DIR);
        int end = dataDir.length();
        while (end > 0 && dataDir.charAt(end - 1) == '/') {
            end--; // trailing slashes, without a regular expression (compiled anew on every call)
        }
        return dataDir.substring(0, end) + "/server/manifests/";
    }

    private static String joined(List<Cidr> cidrs) {
        return String.join(",", cidrs.stream().map(Cidr::toString).toList());
    }
}
