package dev.netc.yaml;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.api.StreamDataWriter;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Builds YAML documents node by node and writes them, so every scalar gets exactly the style
 * its consumer needs: numbers plain, ambiguous strings quoted, embedded documents as block
 * literals, file modes as unquoted octal.
 */
public final class Yaml {
    private Yaml() {}

    /**
     * snakeyaml's schema and emitter settings, set up on first use (their regular expressions
     * and builders cost a short compile milliseconds): {@link BlockWriter} writes most documents
     * without asking the schema anything.
     */
    private static final class Snakeyaml {
        static final ResolverOnceSchema SCHEMA = new ResolverOnceSchema();
        static final DumpSettings SETTINGS = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setIndent(2)
                .setIndicatorIndent(2)
                .setIndentWithIndicator(true)
                .setWidth(100_000)
                .setSplitLines(false)
                .setDereferenceAliases(true)
                .setSchema(SCHEMA)
                .setBestLineBreak("\n")
                .build();
    }

    /** How the YAML 1.2 core schema types a plain scalar, as snakeyaml's emitter asks. */
    static ScalarResolver scalarResolver() {
        return Snakeyaml.SCHEMA.getScalarResolver();
    }

    /**
     * The YAML 1.2 core schema with one scalar resolver for all documents: snakeyaml-engine's
     * {@link CoreSchema} builds a new resolver, regular expressions and all, each time the
     * serializer asks for it, which is once per scalar. The resolver is immutable once built,
     * so threads may share it.
     */
    static final class ResolverOnceSchema extends CoreSchema {
        private final ScalarResolver resolver = super.getScalarResolver();

        @Override
        public ScalarResolver getScalarResolver() {
            return resolver;
        }
    }

    /** An ordered mapping under construction. */
    public static final class MapBuilder {
        private final List<NodeTuple> entries = new ArrayList<>();

        public MapBuilder put(String key, Node value) {
            entries.add(new NodeTuple(string(key), value));
            return this;
        }

        public MapBuilder put(String key, String value) {
            return put(key, string(value));
        }

        public MapBuilder putIfPresent(String key, Optional<? extends Node> value) {
            value.ifPresent(v -> put(key, v));
            return this;
        }

        public boolean isEmpty() {
            return entries.isEmpty();
        }

        public Node build() {
            return new MappingNode(Tag.MAP, List.copyOf(entries), entries.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
        }
    }

    public static MapBuilder map() {
        return new MapBuilder();
    }

    public static Node seq(List<? extends Node> items) {
        return new SequenceNode(Tag.SEQ, List.copyOf(items), items.isEmpty() ? FlowStyle.FLOW : FlowStyle.BLOCK);
    }

    public static Node strings(List<String> items) {
        return seq(items.stream().map(Yaml::string).toList());
    }

    /** A string, quoted when a YAML 1.1 reader could take it for anything but a string. */
    public static Node string(String value) {
        return new ScalarNode(
                Tag.STR, value, Yaml11.isAmbiguous(value) ? ScalarStyle.DOUBLE_QUOTED : ScalarStyle.PLAIN);
    }

    /** A string that is always double-quoted (values whose type matters to the reader, e.g. CIDRs in cluster.config). */
    public static Node quoted(String value) {
        return new ScalarNode(Tag.STR, value, ScalarStyle.DOUBLE_QUOTED);
    }

    public static Node number(long value) {
        return new ScalarNode(Tag.INT, Long.toString(value), ScalarStyle.PLAIN);
    }

    public static Node bool(boolean value) {
        return new ScalarNode(Tag.BOOL, Boolean.toString(value), ScalarStyle.PLAIN);
    }

    /** A file mode as an unquoted octal literal ({@code 0600}), the form yip's stage files need. */
    public static Node octal(int mode) {
        return new ScalarNode(Tag.INT, String.format("0%o", mode), ScalarStyle.PLAIN);
    }

    /** A multi-line string as a block literal ({@code |}), e.g. a YAML document inside YAML. */
    public static Node literal(String text) {
        return new ScalarNode(Tag.STR, text, ScalarStyle.LITERAL);
    }

    /** One document, ending with a newline. */
    public static String write(Node root) {
        return BlockWriter.write(root, Yaml::scalarResolver).orElseGet(() -> dump(root));
    }

    /**
     * One mapping written as entries of an enclosing one: the document with every line but empty
     * ones indented by {@code indent} spaces. The fast writer indents as it writes; a server's
     * cloud-config holds every manifest, half a million lines for a thousand namespaces, which
     * were copied once more to indent them.
     */
    public static String writeIndented(Node root, int indent) {
        return BlockWriter.write(root, Yaml::scalarResolver, indent).orElseGet(() -> indented(dump(root), indent));
    }

    /** The lines as {@link String#lines()} splits them, each but empty ones after {@code indent} spaces. */
    static String indented(String yaml, int indent) {
        String spaces = " ".repeat(indent);
        StringBuilder out = new StringBuilder(yaml.length() + yaml.length() / 4);
        yaml.lines()
                .forEach(line ->
                        out.append(line.isEmpty() ? "" : spaces).append(line).append('\n'));
        return out.toString();
    }

    /** One document as snakeyaml's emitter writes it: what {@link BlockWriter} must equal. */
    static String dump(Node root) {
        StringWriter out = new StringWriter();
        new Dump(Snakeyaml.SETTINGS).dumpNode(root, new Writer(out));
        return out.toString();
    }

    /** Several documents separated by {@code ---}. */
    public static String writeAll(List<Node> roots) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < roots.size(); i++) {
            if (i > 0) {
                out.append("---\n");
            }
            out.append(write(roots.get(i)));
        }
        return out.toString();
    }

    private record Writer(StringWriter out) implements StreamDataWriter {
        @Override
        public void write(String str) {
            out.write(str);
        }

        @Override
        public void write(String str, int off, int len) {
            out.write(str, off, len);
        }
    }
}
