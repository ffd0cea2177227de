package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code netc graph} in its three formats. */
class GraphCommandTest extends CommandLineFixture {
    private static final Path EXAMPLES =
            Path.of("..", "examples").toAbsolutePath().normalize();
    private static final String THREE_TIER =
            EXAMPLES.resolve("three-tier.netspec").toString();

    /**
     * The Mermaid of examples/three-tier, checked by eye (it renders in GitHub Markdown): the
     * three tiers and the pods of `app` in no tier in one subgraph, CoreDNS in another, the
     * internet as an external, and the edges the policies allow, DNS included. What it pins:
     * layout, ids, labels and the edge order (sources in declaration order).
     */
    @Test
    void mermaidOfThreeTierMatchesTheReviewedGolden() throws IOException {
        assertThat(netc("graph", THREE_TIER)).isEqualTo(0);
        Path golden = Path.of("src", "test", "resources", "graph", "three-tier.mmd");
        assertThat(out.toString()).isEqualTo(Files.readString(golden));
    }

    @Test
    void dotHasAClusterPerNamespaceAndLabelledEdges() {
        assertThat(netc("graph", THREE_TIER, "--format", "dot")).isEqualTo(0);
        assertThat(out.toString())
                .startsWith("digraph netc {\n")
                .contains("  subgraph \"cluster_app\" {\n    label=\"app\";\n    t_app_frontend [label=\"frontend\"];")
                .contains("  x_internet [label=\"internet\", shape=ellipse];")
                .contains("  t_app_backend -> t_app_database [label=\"5432/tcp\"];")
                .endsWith("}\n");
    }

    @Test
    void jsonListsNodesAndEdgesWithPorts() {
        assertThat(netc("graph", THREE_TIER, "--format", "json")).isEqualTo(0);
        JsonObject json = JsonParser.parseString(out.toString()).getAsJsonObject();
        List<String> edges = new ArrayList<>();
        for (JsonElement edge : json.getAsJsonArray("edges")) {
            JsonObject e = edge.getAsJsonObject();
            edges.add(
                    e.get("from").getAsString() + " -> " + e.get("to").getAsString() + " " + e.getAsJsonArray("ports"));
        }
        assertThat(edges)
                .contains(
                        "x_internet -> t_app_frontend [\"80/tcp\"]",
                        "t_app_frontend -> t_app_backend [\"8080/tcp\"]",
                        "t_app_backend -> t_kube_system_kube_dns [\"53/tcp\",\"53/udp\"]")
                .noneMatch(e -> e.startsWith("t_app_frontend -> t_app_database"));
        JsonArray nodes = json.getAsJsonArray("nodes");
        assertThat(nodes.get(0).toString())
                .isEqualTo(
                        "{\"id\":\"t_app_frontend\",\"name\":\"app.frontend\",\"kind\":\"tier\",\"namespace\":\"app\",\"label\":\"frontend\"}");
    }

    @Test
    void idsAreMermaidSafeEvenForTiersNamedLikeKeywords() throws IOException {
        Path spec = dir.resolve("keywords.netspec");
        Files.writeString(spec, """
                namespace end {
                  isolate
                  tier end { pods app=end }
                  tier graph { pods app=graph }
                  allow end -> graph:80/tcp
                }
                """);
        assertThat(netc("graph", spec.toString())).isEqualTo(0);
        Matcher edge =
                Pattern.compile("(?m)^  (\\S+) -->\\|\"[^\"]*\"\\| (\\S+)$").matcher(out.toString());
        List<String> ids = new ArrayList<>();
        while (edge.find()) {
            ids.add(edge.group(1));
            ids.add(edge.group(2));
        }
        assertThat(ids)
                .contains("t_end_end", "t_end_graph")
                .allMatch(id -> id.matches("[a-z][a-z0-9_]*") && !id.equals("end"));
    }

    @Test
    void aNamespaceWithoutTiersIsOneNode() {
        assertThat(netc(
                        "graph",
                        EXAMPLES.resolve("allow-from-monitoring.netspec").toString()))
                .isEqualTo(0);
        assertThat(out.toString())
                .contains("ns_app_namespace[\"all pods\"]")
                .contains("ns_monitoring[\"all pods\"]")
                .contains("ns_monitoring -->|\"9090/tcp\"| ns_app_namespace");
    }

    @Test
    void errorsAndUsage() throws IOException {
        assertThat(netc("graph", THREE_TIER, "--format", "png")).isEqualTo(2);
        Path spec = dir.resolve("broken.netspec");
        Files.writeString(spec, "namespace app { allow x -> y }\n");
        assertThat(netc("graph", spec.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("error[NS1001]");
    }
}
