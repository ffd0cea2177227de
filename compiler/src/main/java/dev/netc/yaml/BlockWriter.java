package dev.netc.yaml;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.snakeyaml.engine.v2.common.FlowStyle;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;

/**
 * Writes the documents netc builds exactly as snakeyaml's emitter does with {@link Yaml}'s
 * settings, but without its generality: snakeyaml examines every character of every scalar
 * several times, and writing YAML was most of netc's time on a fleet. This writer knows only
 * the shapes netc produces: block mappings and sequences, empty flow collections, and plain,
 * double-quoted and literal scalars (as a mapping's value or a sequence's item) whose text it
 * can prove snakeyaml would write the same way.
 * For anything else {@link #write} answers empty, and the document is left to snakeyaml.
 */
final class BlockWriter {
    /**
     * From this many items on, a sequence's items are written on every processor: the manifests
     * in a server's cloud-config, a thousand for a thousand namespaces, are most of a large
     * spec's output.
     */
    private static final int PARALLEL_ITEMS = 64;

    /** Longer keys, and empty ones, are written by snakeyaml in the explicit {@code ? key} form. */
    private static final int MAX_SIMPLE_KEY = 128;

    private static final String SPACES = " ".repeat(64);

    private final Supplier<ScalarResolver> resolver;
    private final StringBuilder out = new StringBuilder(256);

    /** Signals a node outside the shapes this writer knows. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private BlockWriter(Supplier<ScalarResolver> resolver) {
        this.resolver = resolver;
    }

    /** The document, or empty when it is not a block mapping of the known shapes. */
    static Optional<String> write(Node root, Supplier<ScalarResolver> resolver) {
        return write(root, resolver, 0);
    }

    /** The document with every line but empty ones indented by {@code indent} spaces, or empty as {@link #write(Node, Supplier)}. */
    static Optional<String> write(Node root, Supplier<ScalarResolver> resolver, int indent) {
        if (!(root instanceof MappingNode mapping)
                || mapping.getValue().isEmpty()
                || mapping.getFlowStyle() != FlowStyle.BLOCK) {
            return Optional.empty();
        }
        BlockWriter writer = new BlockWriter(resolver);
        try {
            writer.mapping(mapping, indent, false);
            return Optional.of(writer.out.toString());
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** @param firstOnLine the first entry follows a sequence's {@code "- "} on the same line */
    private void mapping(MappingNode mapping, int indent, boolean firstOnLine) throws Unsupported {
        boolean first = true;
        for (NodeTuple entry : mapping.getValue()) {
            if (!(first && firstOnLine)) {
                indent(indent);
            }
            first = false;
            if (!(entry.getKeyNode() instanceof ScalarNode key)
                    || key.getValue().isEmpty()
                    || key.getValue().length() >= MAX_SIMPLE_KEY
                    || key.getScalarStyle() == ScalarStyle.LITERAL) {
                throw new Unsupported();
            }
            scalar(key);
            out.append(':');
            value(entry.getValueNode(), indent);
        }
    }

    /** A mapping's value, after its {@code key:}. */
    private void value(Node node, int indent) throws Unsupported {
        if (node instanceof ScalarNode scalar) {
            out.append(' ');
            if (scalar.getScalarStyle() == ScalarStyle.LITERAL) {
                literal(scalar, indent + 2);
            } else {
                scalar(scalar);
                out.append('\n');
            }
        } else if (isEmptyFlow(node)) {
            out.append(' ').append(node instanceof MappingNode ? "{}" : "[]").append('\n');
        } else if (node instanceof MappingNode mapping
                && mapping.getFlowStyle() == FlowStyle.BLOCK
                && !mapping.getValue().isEmpty()) {
            out.append('\n');
            mapping(mapping, indent + 2, false);
        } else if (node instanceof SequenceNode sequence
                && sequence.getFlowStyle() == FlowStyle.BLOCK
                && !sequence.getValue().isEmpty()) {
            out.append('\n');
            sequence(sequence, indent + 2);
        } else {
            throw new Unsupported();
        }
    }

    private void sequence(SequenceNode sequence, int indent) throws Unsupported {
        List<Node> items = sequence.getValue();
        if (items.size() < PARALLEL_ITEMS) {
            for (Node item : items) {
                item(item, indent);
            }
            return;
        }
        // each item on its own writer, then joined in order: what a sequence's items are written
        // as does not depend on one another
        List<Optional<String>> written = items.parallelStream()
                .map(item -> {
                    BlockWriter writer = new BlockWriter(resolver);
                    try {
                        writer.item(item, indent);
                        return Optional.of(writer.out.toString());
                    } catch (Unsupported e) {
                        return Optional.<String>empty();
                    }
                })
                .toList();
        for (Optional<String> item : written) {
            out.append(item.orElseThrow(Unsupported::new));
        }
    }

    /** One item of a block sequence: {@code "- "} and the node. */
    private void item(Node item, int indent) throws Unsupported {
        indent(indent);
        out.append("- ");
        if (item instanceof ScalarNode scalar && scalar.getScalarStyle() == ScalarStyle.LITERAL) {
            // a script in a stage's commands: `- |`, its lines under the item's content
            literal(scalar, indent + 2);
        } else if (item instanceof ScalarNode scalar) {
            scalar(scalar);
            out.append('\n');
        } else if (isEmptyFlow(item)) {
            out.append(item instanceof MappingNode ? "{}" : "[]").append('\n');
        } else if (item instanceof MappingNode mapping
                && mapping.getFlowStyle() == FlowStyle.BLOCK
                && !mapping.getValue().isEmpty()) {
            mapping(mapping, indent + 2, true);
        } else {
            throw new Unsupported();
        }
    }

    private static boolean isEmptyFlow(Node node) {
        return node instanceof MappingNode mapping
                        && mapping.getFlowStyle() == FlowStyle.FLOW
                        && mapping.getValue().isEmpty()
                || node instanceof SequenceNode sequence
                        && sequence.getFlowStyle() == FlowStyle.FLOW
                        && sequence.getValue().isEmpty();
    }

    private void scalar(ScalarNode scalar) throws Unsupported {
        String value = scalar.getValue();
        if (scalar.getScalarStyle() == ScalarStyle.PLAIN && isPlainAsIs(value) && resolvesTo(value, scalar.getTag())) {
            out.append(value);
        } else if (scalar.getScalarStyle() == ScalarStyle.DOUBLE_QUOTED
                && scalar.getTag().equals(Tag.STR)
                && isPrintableAscii(value)) {
            out.append('"');
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\');
                }
                out.append(c);
            }
            out.append('"');
        } else {
            throw new Unsupported();
        }
    }

    /** Whether a reader takes the plain text for the tag, as snakeyaml's emitter asks before writing it plain. */
    private boolean resolvesTo(String value, Tag tag) {
        if (Yaml11.startsWithLetter(value) && !Yaml11.isBooleanOrNull(value)) {
            // a word that is no boolean or null is a string in the core schema: most scalars are
            // names, and this spares them the resolver's regular expressions
            return tag.equals(Tag.STR);
        }
        if (isDigits(value)) {
            return tag.equals(Tag.INT); // ports and counts: the core schema's [-+]?[0-9]+
        }
        if (isAddressLike(value)) {
            return tag.equals(Tag.STR);
        }
        return resolver.get().resolve(value, true).equals(tag);
    }

    /**
     * {@code |}, {@code |-} without a final line break, then the lines; empty lines carry no
     * indentation. Only lines of printable ASCII that end in no blank are written as they are.
     * (Text ending in several line breaks needs {@code |+}, after which snakeyaml may end the
     * document explicitly: left to it.)
     */
    private void literal(ScalarNode scalar, int indent) throws Unsupported {
        String text = scalar.getValue();
        if (!scalar.getTag().equals(Tag.STR) || text.isEmpty() || text.charAt(0) == ' ' || text.charAt(0) == '\n') {
            throw new Unsupported();
        }
        boolean endsWithBreak = text.charAt(text.length() - 1) == '\n';
        if (endsWithBreak && (text.length() == 1 || text.charAt(text.length() - 2) == '\n')) {
            throw new Unsupported();
        }
        out.append(endsWithBreak ? "|\n" : "|-\n");
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            if (end > start) {
                // checked line by line as it is copied: embedded documents are most of a large output
                if (!isPrintableAscii(text, start, end) || text.charAt(end - 1) == ' ') {
                    throw new Unsupported();
                }
                indent(indent);
                out.append(text, start, end);
            }
            out.append('\n');
            start = end + 1;
        }
    }

    private void indent(int indent) {
        for (int left = indent; left > 0; left -= SPACES.length()) {
            out.append(SPACES, 0, Math.min(left, SPACES.length()));
        }
    }

    /**
     * Text snakeyaml writes plain in block context unchanged: printable ASCII, no leading
     * indicator or blank, no document marker, no trailing blank, no {@code ": "}, {@code " #"}
     * or final {@code ':'}.
     */
    private static boolean isPlainAsIs(String value) {
        if (value.isEmpty()
                || "-?:,[]{}#&*!|>'\"%@` ".indexOf(value.charAt(0)) >= 0
                || value.startsWith("...")
                || value.endsWith(" ")
                || value.endsWith(":")
                || !isPrintableAscii(value)) {
            return false;
        }
        return !value.contains(": ") && !value.contains(" #");
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return !value.isEmpty();
    }

    /**
     * Starts with a digit and has a {@code /}, a {@code :} or two dots, as addresses and CIDRs
     * do: no number of the core schema (the only reading of such text besides a string) has
     * any of these, so the resolver, a dozen regular expressions built on first use, is not needed.
     */
    private static boolean isAddressLike(String value) {
        return !value.isEmpty()
                && value.charAt(0) >= '0'
                && value.charAt(0) <= '9'
                && (value.indexOf('/') >= 0 || value.indexOf(':') >= 0 || value.indexOf('.') != value.lastIndexOf('.'));
    }

    private static boolean isPrintableAscii(String value) {
        return isPrintableAscii(value, 0, value.length());
    }

    private static boolean isPrintableAscii(String value, int start, int end) {
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }
}
