package dev.netc.graph;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.netc.query.NamedEndpoint.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The ways a {@link Graph} is written. */
public enum GraphFormat {
    /** Graphviz: one {@code cluster_} subgraph per namespace. */
    DOT {
        @Override
        public String render(Graph graph) {
            List<String> lines = new ArrayList<>(List.of("digraph netc {", "  rankdir=LR;", "  node [shape=box];"));
            for (Map.Entry<Optional<String>, List<Graph.Node>> group :
                    graph.groups().entrySet()) {
                String indent = group.getKey().isPresent() ? "    " : "  ";
                group.getKey().ifPresent(namespace -> {
                    lines.add("  subgraph \"cluster_" + dot(namespace) + "\" {");
                    lines.add("    label=\"" + dot(namespace) + "\";");
                });
                for (Graph.Node node : group.getValue()) {
                    lines.add(indent + node.id() + " [label=\"" + dot(node.label()) + "\""
                            + (isAddress(node) ? ", shape=ellipse" : "") + "];");
                }
                group.getKey().ifPresent(namespace -> lines.add("  }"));
            }
            for (Graph.Edge edge : graph.edges()) {
                lines.add("  " + edge.from().id() + " -> " + edge.to().id() + " [label=\""
                        + dot(edge.ports().toString()) + "\"];");
            }
            lines.add("}");
            return String.join("\n", lines) + "\n";
        }
    },

    /** A Mermaid flowchart, which GitHub renders in Markdown: one subgraph per namespace. */
    MERMAID {
        @Override
        public String render(Graph graph) {
            List<String> lines = new ArrayList<>(List.of("flowchart LR"));
            int group = 0;
            for (Map.Entry<Optional<String>, List<Graph.Node>> entry :
                    graph.groups().entrySet()) {
                String indent = entry.getKey().isPresent() ? "    " : "  ";
                if (entry.getKey().isPresent()) {
                    lines.add("  subgraph namespace_" + ++group + "[\""
                            + mermaid(entry.getKey().get()) + "\"]");
                }
                for (Graph.Node node : entry.getValue()) {
                    String text = "\"" + mermaid(node.label()) + "\"";
                    lines.add(indent + node.id() + (isAddress(node) ? "([" + text + "])" : "[" + text + "]"));
                }
                if (entry.getKey().isPresent()) {
                    lines.add("  end");
                }
            }
            for (Graph.Edge edge : graph.edges()) {
                lines.add("  " + edge.from().id() + " -->|\""
                        + mermaid(edge.ports().toString()) + "\"| " + edge.to().id());
            }
            return String.join("\n", lines) + "\n";
        }
    },

    /** Nodes and edges as JSON, ports as lists in the language's syntax. */
    JSON {
        @Override
        public String render(Graph graph) {
            JsonArray nodes = new JsonArray();
            for (Graph.Node node : graph.nodes()) {
                JsonObject item = new JsonObject();
                item.addProperty("id", node.id());
                item.addProperty("name", node.name());
                item.addProperty(
                        "kind", node.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                node.namespace().ifPresent(namespace -> item.addProperty("namespace", namespace));
                item.addProperty("label", node.label());
                nodes.add(item);
            }
            JsonArray edges = new JsonArray();
            for (Graph.Edge edge : graph.edges()) {
                JsonObject item = new JsonObject();
                item.addProperty("from", edge.from().id());
                item.addProperty("to", edge.to().id());
                JsonArray ports = new JsonArray();
                edge.ports().texts().forEach(ports::add);
                item.add("ports", ports);
                edges.add(item);
            }
            JsonObject root = new JsonObject();
            root.add("nodes", nodes);
            root.add("edges", edges);
            return new GsonBuilder()
                            .setPrettyPrinting()
                            .disableHtmlEscaping()
                            .create()
                            .toJson(root) + "\n";
        }
    };

    public abstract String render(Graph graph);

    private static boolean isAddress(Graph.Node node) {
        return node.kind() == Kind.EXTERNAL || node.kind() == Kind.OTHER_ADDRESS;
    }

    /** Inside a DOT string. */
    private static String dot(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /** Inside a quoted Mermaid label, where {@code "} cannot be escaped with a backslash. */
    private static String mermaid(String text) {
        return text.replace("\"", "#quot;");
    }
}
