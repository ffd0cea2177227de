package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.vocabulary.BlockKind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The statements of one block, sorted by what they are, with everything the block does not
 * take reported once: unknown properties (with a suggestion), misplaced statements, properties
 * set twice. What a kind of block takes is the vocabulary's ({@code NetspecVocabulary}).
 */
final class BlockReader {
    private final Map<String, List<Statement.Property>> properties = new LinkedHashMap<>();
    private final List<Statement.Block> blocks = new ArrayList<>();
    private final List<Statement> others = new ArrayList<>();

    BlockReader(List<Statement> body, BlockKind schema, DiagnosticSink sink) {
        for (Statement statement : body) {
            if (statement instanceof Statement.Property property) {
                addProperty(property, schema, sink);
            } else if (statement instanceof Statement.Block block) {
                if (schema.blocks().contains(block.kind().text())) {
                    blocks.add(block);
                } else {
                    reportMisplacedBlock(block, schema, sink);
                }
            } else if (schema.statements().contains(Placement.keyword(statement))) {
                others.add(statement);
            } else {
                sink.report(Diagnostic.of(
                                Code.NS1007,
                                statement.span(),
                                Placement.describe(statement),
                                "in " + schema.description())
                        .withHelp(Placement.where(statement)));
            }
        }
    }

    private void addProperty(Statement.Property property, BlockKind schema, DiagnosticSink sink) {
        String key = property.key().text();
        if (!schema.properties().contains(key)) {
            Diagnostic unknown = Diagnostic.of(Code.NS1005, property.key().span(), key, schema.description())
                    .withLabel("unknown property");
            sink.report(Suggest.didYouMean(unknown, key, schema.properties())
                    .orElse(unknown.withNote(
                            schema.properties().isEmpty()
                                    ? schema.description() + " takes no properties"
                                    : "properties of " + schema.description() + ": "
                                            + String.join(", ", schema.properties()))));
            return;
        }
        List<Statement.Property> same = properties.computeIfAbsent(key, k -> new ArrayList<>());
        if (!same.isEmpty() && !schema.repeatable().contains(key)) {
            sink.report(Diagnostic.of(Code.NS1011, property.key().span(), key, schema.description())
                    .withSecondary(same.get(0).key().span(), "first set here"));
            return;
        }
        same.add(property);
    }

    private static void reportMisplacedBlock(Statement.Block block, BlockKind schema, DiagnosticSink sink) {
        String kind = block.kind().text();
        if (Placement.isKnownBlock(kind)) {
            sink.report(Diagnostic.of(
                            Code.NS1007, block.kind().span(), "a `" + kind + "` block", "in " + schema.description())
                    .withHelp(Placement.where(block)));
            return;
        }
        Diagnostic unknown =
                Diagnostic.of(Code.NS1006, block.kind().span(), kind, "").withLabel("unknown block");
        sink.report(Suggest.didYouMean(unknown, kind, schema.blocks())
                .orElse(
                        schema.blocks().isEmpty()
                                ? unknown
                                : unknown.withNote("blocks allowed in " + schema.description() + ": "
                                        + String.join(", ", schema.blocks()))));
    }

    Optional<Statement.Property> property(String key) {
        List<Statement.Property> list = properties.get(key);
        return list == null ? Optional.empty() : Optional.of(list.get(0));
    }

    List<Statement.Property> properties(String key) {
        return properties.getOrDefault(key, List.of());
    }

    List<Statement.Block> blocks(String kind) {
        return blocks.stream().filter(b -> b.kind().text().equals(kind)).toList();
    }

    <T extends Statement> List<T> statements(Class<T> type) {
        return others.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
