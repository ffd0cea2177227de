package dev.netc.emit;

import dev.netc.consumers.AirgapArchives;
import dev.netc.consumers.ConsumerTables;
import dev.netc.consumers.HostPrerequisite;
import dev.netc.model.Airgap;
import dev.netc.model.Cluster;
import dev.netc.model.Node;
import dev.netc.model.Proxy;
import dev.netc.model.Rke2Option;
import dev.netc.net.Cidr;
import dev.netc.net.IpAddress;
import dev.netc.yaml.Yaml;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One Kairos {@code #cloud-config} per node with the provider-rke2 {@code cluster:} block, and the
 * yip stages that prepare the node for RKE2 (kairos-stages.tsv says when each stage runs):
 *
 * <ul>
 *   <li>{@code initramfs}: what RKE2, kubelet or kube-proxy check when they start (sysctls, the etcd
 *       user, kernel modules). It is the stage that has run before RKE2 starts on every boot:
 *       {@code /etc} and the kernel's settings are rebuilt at each boot, and from the second boot on
 *       systemd starts RKE2 alongside {@code boot.before}.
 *   <li>{@code boot.before}: the server manifests (in persistent {@code /var/lib/rancher}), after
 *       retiring those of namespaces that left the spec; on the first boot this runs before
 *       provider-rke2 starts RKE2.
 * </ul>
 */
public final class CloudConfigEmitter {
    static final String DEFAULT_DATA_DIR = "/var/lib/rancher/rke2";
    private static final int SECRET_FILE_MODE = 0600;
    /** The policy manifests' names: {@code netc-policies-<namespace>.yaml}. */
    static final String POLICIES_PREFIX = "netc-policies-";
    /**
     * A fixed id for the etcd user: {@code /etc} is rebuilt at every boot, and files etcd owns must
     * keep an owner that exists (RKE2 fixes none: notes/kube-proxy-and-kubelet.md).
     */
    static final String ETCD_UID = "52034";

    private final Cluster cluster;
    /** Server manifests: file name in the manifests folder → content. */
    private final Map<String, String> serverManifests;
    /** Policy manifests a GitOps engine now delivers: removed from the servers, their objects left to it. */
    private final List<String> handedOver;
    /**
     * The {@code boot.before} part of a node by its role and data folder: written once for all
     * nodes alike, since a server's holds every manifest and is most of the output's size.
     */
    private final Map<String, String> bootBeforeYaml = new HashMap<>();

    /** Namespaces of the spec that someone else owns: a manifest netc once wrote for one is emptied, never a tombstone. */
    private final List<String> ownedByOthers;

    public CloudConfigEmitter(
            Cluster cluster, Map<String, String> serverManifests, List<String> handedOver, List<String> ownedByOthers) {
        this.cluster = cluster;
        this.serverManifests = serverManifests;
        this.handedOver = List.copyOf(handedOver);
        this.ownedByOthers = List.copyOf(ownedByOthers);
    }

    public String cloudConfig(Node node) {
        Yaml.MapBuilder clusterBlock = Yaml.map();
        cluster.token().ifPresent(token -> clusterBlock.put("cluster_token", Yaml.quoted(token.reveal())));
        clusterBlock
                .put("control_plane_host", Yaml.quoted(cluster.controlPlaneHost()))
                .put("role", node.role().yamlName())
                .put("config", Yaml.literal(Yaml.write(rke2Config(node))));
        cluster.proxy().ifPresent(proxy -> clusterBlock.put("env", proxyEnvironment(proxy)));
        cluster.airgap()
                .ifPresent(airgap -> clusterBlock
                        .put("import_local_images", Yaml.bool(true))
                        .put("local_images_path", Yaml.quoted(airgap.images())));
        // Line 1 must be the header: Kairos reads a file as cloud-config only then. The keys of the
        // top-level mapping are written one after the other, as one mapping would be.
        Optional<org.snakeyaml.engine.v2.nodes.Node> host = hostStage(node);
        String dataDir = dataDir(node);
        String bootBefore = bootBeforeYaml.computeIfAbsent(
                (node.role().isServer() ? "server " : "agent ") + dataDir,
                key -> bootBefore(node.role().isServer(), dataDir));
        // one copy of a server's part per server (tens of megabytes for a large spec), not one per `+`
        StringBuilder out = new StringBuilder(bootBefore.length() + 4096)
                .append("#cloud-config\n")
                .append(Yaml.write(
                        Yaml.map().put("cluster", clusterBlock.build()).build()));
        if (host.isPresent() || !bootBefore.isEmpty()) {
            out.append("stages:\n");
            host.ifPresent(stage -> out.append(Yaml.writeIndented(
                    Yaml.map().put("initramfs", Yaml.seq(List.of(stage))).build(), 2)));
            out.append(bootBefore);
        }
        return out.toString();
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
            config.put(
                    "cluster-dns",
                    Yaml.quoted(String.join(
                            ",",
                            cluster.clusterDns().stream()
                                    .map(IpAddress::toString)
                                    .toList())));
            cluster.domain().ifPresent(domain -> config.put("cluster-domain", Yaml.quoted(domain)));
            config.put("cni", Yaml.strings(cluster.cni()));
        }
        if (!node.nodeIps().isEmpty()) {
            config.put(
                    "node-ip",
                    Yaml.quoted(String.join(
                            ",",
                            node.nodeIps().stream().map(IpAddress::toString).toList())));
        }
        if (!node.externalIps().isEmpty()) {
            config.put(
                    "node-external-ip",
                    Yaml.quoted(String.join(
                            ",",
                            node.externalIps().stream().map(IpAddress::toString).toList())));
        }
        node.bindAddress().ifPresent(address -> config.put("bind-address", Yaml.quoted(address.toString())));
        if (server && !cluster.tlsSans().isEmpty()) {
            config.put("tls-san", Yaml.strings(cluster.tlsSans()));
        }
        if (server
                && CniChartValues.replacesKubeProxy(cluster)
                && !cluster.effectiveRke2(node).containsKey("disable-kube-proxy")) {
            config.put("disable-kube-proxy", Yaml.bool(true)); // the CNI implements Services
        }
        List<String> kubeProxyArgs = cluster.kubeProxyArgs(node);
        if (!kubeProxyArgs.isEmpty()) {
            config.put("kube-proxy-arg", Yaml.strings(kubeProxyArgs));
        }
        cluster.effectiveRke2(node).values().stream()
                .filter(option -> server || !option.serverOnly())
                .forEach(option -> config.put(option.key(), rawValue(option.value())));
        return config.build();
    }

    /** provider-rke2's {@code env}: it writes the proxies for RKE2 and containerd, NO_PROXY after its own defaults. */
    private static org.snakeyaml.engine.v2.nodes.Node proxyEnvironment(Proxy proxy) {
        Yaml.MapBuilder env = Yaml.map();
        proxy.http().ifPresent(url -> env.put("HTTP_PROXY", Yaml.quoted(url)));
        proxy.https().ifPresent(url -> env.put("HTTPS_PROXY", Yaml.quoted(url)));
        return env.put("NO_PROXY", Yaml.quoted(String.join(",", proxy.noProxy())))
                .build();
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

    /**
     * What the host must have before RKE2 starts: the kernel modules kube-proxy's IPVS mode uses,
     * and what the node's RKE2 options make RKE2 or kubelet check at start-up (host-prerequisites.tsv:
     * kubelet exits when {@code protect-kernel-defaults} finds a kernel default, RKE2 when a
     * {@code profile} finds a sysctl or the etcd user missing).
     */
    private Optional<org.snakeyaml.engine.v2.nodes.Node> hostStage(Node node) {
        Map<String, String> sysctls = new LinkedHashMap<>();
        Set<String> users = new LinkedHashSet<>();
        Map<String, Rke2Option> options = cluster.effectiveRke2(node);
        for (HostPrerequisite prerequisite : ConsumerTables.HOST_PREREQUISITES) {
            Rke2Option option = options.get(prerequisite.option());
            if (option == null
                    || !prerequisite.appliesTo(
                            String.valueOf(option.value()), node.role().isServer())) {
                continue;
            }
            switch (prerequisite.kind()) {
                case "sysctl" -> sysctls.put(prerequisite.name(), prerequisite.required());
                case "user" -> users.add(prerequisite.name());
                // yip creates a group of the same name with every user: HostPrerequisitesTest holds
                // each group of the table to a user of its name
                case "group" -> {}
                default ->
                    throw new IllegalStateException("host-prerequisites.tsv: unknown kind " + prerequisite.kind());
            }
        }
        List<String> modules = cluster.kubeProxy().map(k -> k.kernelModules()).orElse(List.of());
        if (sysctls.isEmpty() && users.isEmpty() && modules.isEmpty()) {
            return Optional.empty();
        }
        Yaml.MapBuilder stage = Yaml.map().put("name", "netc-host");
        if (!modules.isEmpty()) {
            stage.put("modules", Yaml.strings(modules));
        }
        if (!sysctls.isEmpty()) {
            Yaml.MapBuilder values = Yaml.map();
            sysctls.forEach((name, value) -> values.put(name, Yaml.quoted(value)));
            stage.put("sysctl", values.build());
        }
        if (!users.isEmpty()) {
            Yaml.MapBuilder entries = Yaml.map();
            users.forEach(user -> entries.put(
                    user,
                    Yaml.map()
                            .put("name", user)
                            .put("uid", Yaml.quoted(ETCD_UID))
                            .put("homedir", "/var/lib/rancher/rke2/server/db/" + user)
                            .put("shell", "/sbin/nologin")
                            .put("no_create_home", Yaml.bool(true))
                            .put("lock_passwd", Yaml.bool(true))
                            .build()));
            stage.put("users", entries.build());
        }
        return Optional.of(stage.build());
    }

    /** {@code boot.before} of a server: retire the manifests of namespaces gone from the spec, then write the current ones. */
    private String bootBefore(boolean server, String dataDir) {
        List<org.snakeyaml.engine.v2.nodes.Node> stages = new ArrayList<>();
        cluster.airgap()
                .ifPresent(airgap -> stages.add(Yaml.map()
                        .put("name", "netc-airgap-images")
                        .put(
                                "commands",
                                Yaml.seq(List.of(Yaml.literal(placeArchives(airgap, dataDir + "/agent/images/")))))
                        .build()));
        if (server) {
            stages.addAll(serverStages(dataDir + "/server/manifests/"));
        }
        return stages.isEmpty()
                ? ""
                : Yaml.writeIndented(
                        Yaml.map().put("boot.before", Yaml.seq(stages)).build(), 2);
    }

    /**
     * A shell script that copies the archives into the folder RKE2 imports images from at every
     * start. provider-rke2's own import copies only {@code .tar} files, and always to the default
     * data folder (notes/airgap-proxy-cni-charts-fleet.md), so netc places them itself.
     */
    private static String placeArchives(Airgap airgap, String target) {
        String folder = airgap.images() + "/";
        List<String> files = airgap.archives().isEmpty()
                ? AirgapArchives.EXTENSIONS.stream()
                        .map(ext -> shellQuoted(folder) + "*" + ext)
                        .toList()
                : airgap.archives().stream()
                        .map(name -> shellQuoted(folder + name))
                        .toList();
        return "mkdir -p " + shellQuoted(target) + "\n"
                + "for f in " + String.join(" ", files) + "; do\n"
                + "  if [ -f \"$f\" ]; then cp -p \"$f\" " + shellQuoted(target)
                + "; else echo \"netc: no $f\" >&2; fi\n"
                + "done\n";
    }

    private List<org.snakeyaml.engine.v2.nodes.Node> serverStages(String manifestsDir) {
        List<org.snakeyaml.engine.v2.nodes.Node> stages = new ArrayList<>();
        stages.add(Yaml.map()
                .put("name", "netc-retire-policies")
                .put("commands", Yaml.seq(List.of(Yaml.literal(retireScript(manifestsDir)))))
                .build());
        if (!serverManifests.isEmpty()) {
            List<org.snakeyaml.engine.v2.nodes.Node> files = new ArrayList<>();
            serverManifests.forEach((name, content) -> files.add(Yaml.map()
                    .put("path", manifestsDir + name)
                    .put("permissions", Yaml.octal(SECRET_FILE_MODE))
                    .put("owner", Yaml.number(0))
                    .put("group", Yaml.number(0))
                    .put("content", Yaml.literal(content))
                    .build()));
            stages.add(Yaml.map()
                    .put("name", "netc-rke2-manifests")
                    .put("files", Yaml.seq(files))
                    .build());
        }
        return stages;
    }

    /**
     * A shell script (yip runs commands with {@code sh -c}) that turns the policy manifest of every
     * namespace no longer in the spec into a tombstone. RKE2's deploy controller keeps applying a
     * file that is left in place and never deletes what a removed file applied; a file that holds
     * fewer objects makes it delete the others (notes/rke2-and-k3s.md). The tombstone keeps only the
     * Namespace, labelled never to be pruned, so the policies go and the workloads stay; a file
     * without a Namespace (one netc does not create) becomes a comment. So does the file of a
     * namespace the spec now says is owned by others, even when it holds the Namespace netc once
     * created: the Namespace is left to its new owner (it is labelled never to be pruned), and netc
     * neither keeps applying nor recreating it.
     *
     * <p>The manifest of a namespace whose policies a GitOps engine now delivers is removed instead:
     * its objects stay in force until the engine adopts them. A tombstone would delete them first,
     * and the namespace would be open until the engine put them back.
     */
    private String retireScript(String manifestsDir) {
        StringBuilder keep = new StringBuilder(" ");
        serverManifests.keySet().stream()
                .filter(name -> name.startsWith(POLICIES_PREFIX))
                .forEach(name -> keep.append(name).append(' '));
        StringBuilder handOver = new StringBuilder(" ");
        handedOver.forEach(name -> handOver.append(name).append(' '));
        String others = ownedByOthers.isEmpty() ? "" : "others=' " + String.join(" ", ownedByOthers) + " '\n";
        String retireOwned = ownedByOthers.isEmpty()
                ? ""
                : "  case \"$others\" in *\" $ns \"*) printf '# namespace %s is owned by others: netc retired its policies\\n' "
                        + "\"$ns\" > \"$f\"; continue ;; esac\n";
        return "keep='" + keep + "'\n"
                + (handedOver.isEmpty() ? "" : "handover='" + handOver + "'\n")
                + others
                + "for f in " + shellQuoted(manifestsDir) + POLICIES_PREFIX + "*.yaml; do\n"
                + "  [ -f \"$f\" ] || continue\n"
                + "  case \"$keep\" in *\" ${f##*/} \"*) continue ;; esac\n"
                + (handedOver.isEmpty()
                        ? ""
                        : "  case \"$handover\" in *\" ${f##*/} \"*) rm -f \"$f\"; continue ;; esac\n")
                + "  ns=${f##*/" + POLICIES_PREFIX + "}; ns=${ns%.yaml}\n"
                + retireOwned
                + "  if grep -q '^kind: Namespace$' \"$f\"; then\n"
                + "    printf 'apiVersion: v1\\nkind: Namespace\\nmetadata:\\n  name: %s\\n  labels:\\n    "
                + PolicyEmitter.NEVER_PRUNE_LABEL + ": \"false\"\\n' \"$ns\" > \"$f\"\n"
                + "  else\n"
                + "    printf '# namespace %s left the spec: netc retired its policies\\n' \"$ns\" > \"$f\"\n"
                + "  fi\n"
                + "done\n";
    }

    /** A word for {@code sh}: in single quotes, each {@code '} written as {@code '\''}. */
    static String shellQuoted(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }

    /** RKE2 reads auto-deployed manifests from {@code <data-dir>/server/manifests} (K38). */
    private String dataDir(Node node) {
        String dataDir = Optional.ofNullable(cluster.effectiveRke2(node).get("data-dir"))
                .map(o -> String.valueOf(o.value()))
                .orElse(DEFAULT_DATA_DIR);
        int end = dataDir.length();
        while (end > 0 && dataDir.charAt(end - 1) == '/') {
            end--; // trailing slashes, without a regular expression (compiled anew on every call)
        }
        return dataDir.substring(0, end);
    }

    private static String joined(List<Cidr> cidrs) {
        return String.join(",", cidrs.stream().map(Cidr::toString).toList());
    }
}
