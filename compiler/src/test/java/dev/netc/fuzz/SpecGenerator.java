package dev.netc.fuzz;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import dev.netc.query.DeclaredExternals;
import dev.netc.query.RandomSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A valid spec from fuzzer data: the namespaces, tiers, externals and flows of
 * {@link RandomSpec} (with the fuzzer's bytes as its random numbers, so coverage guides them),
 * renamed to words YAML 1.1 reads as something else ({@code yes}, {@code off}, {@code null},
 * ...), and sometimes a cluster whose nodes have such names too, that may run NodeLocal DNSCache,
 * and whose RKE2 options carry strings that are hard to write in YAML.
 */
public final class SpecGenerator {
    /** DNS-1123 labels that a YAML 1.1 reader would take for booleans, nulls or numbers if written plain. */
    private static final List<String> YAML_WORDS =
            List.of("yes", "no", "on", "off", "null", "true", "false", "y", "n", "nan", "inf");
    /**
     * RKE2 option strings: YAML indicators, comment and mapping look-alikes, quotes, escapes,
     * non-ASCII. Written into the source with netspec escapes; they must come back unchanged. (A
     * line feed or tab is refused, NS2029: no value RKE2 turns into a flag may hold one.)
     */
    public static final List<String> AWKWARD_STRINGS = List.of(
            "a: b",
            "x # y",
            "yes",
            "no",
            "~",
            "0777",
            "1_000",
            "12:30",
            "- item",
            "*star",
            "&anchor",
            "!tag",
            "%pct",
            "@at",
            "`tick",
            "'single'",
            "\"double\"",
            "trailing:",
            "[x]",
            "{y}",
            "#hash",
            "key=value",
            "café",
            "日本",
            " padded ",
            "back\\slash",
            "");

    /**
     * The spec, the node-label strings it gives RKE2, which the output must carry unchanged, and
     * what its externals hold by their declarations.
     */
    record Spec(String text, Map<String, String> rke2Strings, DeclaredExternals externals) {}

    /**
     * Free-text RKE2 keys (RKE2 passes them to etcd's S3 client as they are, with no syntax of
     * their own), one awkward string each; the servers' node files must carry them unchanged.
     */
    public static final List<String> FREE_TEXT_KEYS =
            List.of("etcd-s3-secret-key", "etcd-s3-access-key", "etcd-s3-folder");

    private SpecGenerator() {}

    static Spec generate(FuzzedDataProvider data) {
        RandomSpec spec = RandomSpec.generate(new FuzzedRandom(data));
        String text = spec.text();
        // RandomSpec names namespaces ns0, ns1, ... and tiers t0, t1, ...: each becomes a YAML word
        List<String> words = new ArrayList<>(YAML_WORDS);
        for (String generated : List.of("ns0", "ns1", "ns2", "t0", "t1", "t2", "t3")) {
            if (data.consumeBoolean()) {
                text = text.replaceAll("\\b" + generated + "\\b", words.remove(data.consumeInt(0, words.size() - 1)));
            }
        }
        Map<String, String> rke2Strings = new java.util.LinkedHashMap<>();
        if (data.consumeBoolean()) {
            text += cluster(data, rke2Strings);
        }
        return new Spec(text, Map.copyOf(rke2Strings), spec.declared());
    }

    private static String cluster(FuzzedDataProvider data, Map<String, String> rke2Strings) {
        StringBuilder out = new StringBuilder("network lan { cidr 10.0.1.0/24; mtu 1500 }\n");
        out.append("cluster edge {\n  token env(\"CLUSTER_TOKEN\")\n  server 10.0.1.10\n");
        if (data.consumeBoolean()) {
            out.append("  canal { on lan; backend vxlan }\n");
        }
        if (data.consumeBoolean()) {
            out.append("  kube-proxy ipvs { scheduler rr; strict-arp }\n");
        }
        if (data.consumeBoolean()) {
            // DNS rules then also reach the cache's address and the cluster DNS address as addresses
            out.append("  node-local-dns 169.254.20.10\n");
        }
        List<String> nodeNames = new ArrayList<>(YAML_WORDS);
        for (int i = 0, workers = data.consumeInt(0, 2); i <= workers; i++) {
            out.append("  node ")
                    .append(nodeNames.remove(data.consumeInt(0, nodeNames.size() - 1)))
                    .append(i == 0 ? " { role init" : " { role worker")
                    .append("; interface eth0 10.0.1.")
                    .append(10 + i)
                    .append(" on lan }\n");
        }
        StringBuilder options = new StringBuilder();
        for (int i = data.consumeInt(1, FREE_TEXT_KEYS.size()); i > 0; i--) {
            String key = FREE_TEXT_KEYS.get(i - 1);
            String value = AWKWARD_STRINGS.get(data.consumeInt(0, AWKWARD_STRINGS.size() - 1));
            rke2Strings.put(key, value);
            options.append(' ').append(key).append(" = ").append(quoted(value)).append(';');
        }
        return out.append("  rke2 {").append(options).append(" }\n}\n").toString();
    }

    /** A netspec string literal: quotes, backslashes, newlines, tabs and `$` escaped. */
    public static String quoted(String text) {
        return "\""
                + text.replace("\\", "\\\\")
                        .replace("\"", "\\\"")
                        .replace("\n", "\\n")
                        .replace("\t", "\\t")
                        .replace("$", "\\$")
                + "\"";
    }

    /** The fuzzer's bytes as the random numbers of a {@link Random}. */
    public static final class FuzzedRandom extends Random {
        private final transient FuzzedDataProvider data;

        public FuzzedRandom(FuzzedDataProvider data) {
            this.data = data;
        }

        @Override
        protected int next(int bits) {
            return data.consumeInt() >>> (32 - bits);
        }
    }
}
