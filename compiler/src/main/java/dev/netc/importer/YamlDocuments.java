package dev.netc.importer;

import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.constructor.StandardConstructor;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * The YAML documents of one file, each as its node tree (which knows where each value was
 * written, for diagnostics with file and line) and as the plain maps and lists the evaluator
 * reads. A {@code List} (what {@code kubectl get -o yaml} prints) stands for its items. Text that
 * is not YAML, and a document that is not a mapping, are NS1050 at the place the YAML parser
 * names; nothing here throws.
 */
final class YamlDocuments {
    /** One Kubernetes object of a file: its tree, its content, where it starts. */
    record Document(SourceFile file, Node node, Map<String, Object> content) {
        /** The first line of the object, where diagnostics about it point. */
        Span span() {
            return YamlDocuments.lineSpan(file, node.getStartMark());
        }

        /**
         * The first line of the value at a path of keys and indexes ({@code spec}, {@code ingress}, 0),
         * or of the deepest value on the way that exists.
         */
        Span span(Object... path) {
            Node current = node;
            for (Object step : path) {
                Optional<Node> next = child(current, step);
                if (next.isEmpty()) {
                    break;
                }
                current = next.get();
            }
            return YamlDocuments.lineSpan(file, current.getStartMark());
        }

        String kind() {
            return String.valueOf(content.get("kind"));
        }
    }

    private YamlDocuments() {}

    /** The objects of a file; what cannot be read is reported, and the rest still read. */
    static List<Document> read(SourceFile file, DiagnosticSink sink) {
        List<Document> documents = new ArrayList<>();
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new CoreSchema())
                .setAllowDuplicateKeys(false)
                .setLabel(file.displayName())
                .build();
        try {
            Composer composer =
                    new Composer(settings, new ParserImpl(settings, new StreamReader(settings, file.text())));
            while (composer.hasNext()) {
                Node node = composer.next();
                add(file, settings, node, documents, sink);
            }
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            sink.report(Diagnostic.of(Code.NS1050, lineSpan(file, mark), file.displayName(), e.getProblem()));
        } catch (YamlEngineException e) {
            sink.report(Diagnostic.of(Code.NS1050, new Span(file, 0, 0), file.displayName(), e.getMessage()));
        }
        return documents;
    }

    private static void add(
            SourceFile file, LoadSettings settings, Node node, List<Document> documents, DiagnosticSink sink) {
        if (!(node instanceof MappingNode)) {
            if (!(node instanceof ScalarNode scalar && scalar.getValue().isEmpty())) { // an empty document is nothing
                sink.report(Diagnostic.of(
                        Code.NS1050,
                        lineSpan(file, node.getStartMark()),
                        file.displayName(),
                        "a document is not a mapping"));
            }
            return;
        }
        Map<String, Object> content = mapping(settings, (MappingNode) node);
        if ("List".equals(content.get("kind")) && child(node, "items").orElse(null) instanceof SequenceNode items) {
            // kubectl's list of objects: each item is an object of its own
            for (Node item : items.getValue()) {
                add(file, settings, item, documents, sink);
            }
            return;
        }
        documents.add(new Document(file, node, content));
    }

    private static Optional<Node> child(Node node, Object step) {
        if (node instanceof MappingNode mapping && step instanceof String key) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode scalar
                        && scalar.getValue().equals(key)) {
                    return Optional.of(tuple.getValueNode());
                }
            }
        } else if (node instanceof SequenceNode sequence
                && step instanceof Integer index
                && index < sequence.getValue().size()) {
            return Optional.of(sequence.getValue().get(index));
        }
        return Optional.empty();
    }

    /** The plain maps, lists and scalars of a node, as the YAML library constructs them (core schema). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> mapping(LoadSettings settings, MappingNode node) {
        Object value = new StandardConstructor(settings).constructSingleDocument(Optional.of(node));
        Map<String, Object> map = new LinkedHashMap<>();
        ((Map<Object, Object>) value).forEach((k, v) -> map.put(String.valueOf(k), v));
        return map;
    }

    /** From a mark to the end of its line: where a diagnostic about the value there points. */
    static Span lineSpan(SourceFile file, Optional<Mark> mark) {
        int start = Math.min(
                mark.map(Mark::getIndex).orElse(0),
                file.text().codePointCount(0, file.text().length()));
        int line = file.line(start);
        int end = Math.max(start, file.lineEnd(line));
        return new Span(file, start, end);
    }
}
