package dev.netc.analysis;

import dev.netc.ast.Name;
import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The top-level declarations of every file of a compilation, by kind and name. All files
 * share one scope: an import brings a module's declarations into the compilation.
 */
final class Declarations {
    /** A declaration with its name as written and whether it comes from the standard library. */
    record Declared<T>(T statement, Name name, boolean fromStdlib) {
    }

    final Map<String, Declared<Statement.Block>> networks = new LinkedHashMap<>();
    final List<Statement.Block> clusters = new ArrayList<>();
    final Map<String, Declared<Statement.Block>> namespaces = new LinkedHashMap<>();
    final Map<String, Declared<Statement.External>> externals = new LinkedHashMap<>();
    final Map<String, Declared<Statement.PortConstant>> ports = new LinkedHashMap<>();
    final List<Statement.Param> params = new ArrayList<>();
    final List<Statement.Allow> topLevelFlows = new ArrayList<>();

    private final DiagnosticSink sink;

    Declarations(List<SpecFile> files, DiagnosticSink sink) {
        this.sink = sink;
        for (SpecFile file : files) {
            boolean stdlib = file.source().displayName().startsWith("std/");
            BlockReader reader = new BlockReader(file.statements(), NetspecVocabulary.TOP_LEVEL, sink);
            for (Statement.Block block : reader.blocks("network")) {
                add(networks, "network", labelName(block), block, stdlib);
            }
            for (Statement.Block block : reader.blocks("namespace")) {
                add(namespaces, "namespace", labelName(block), block, stdlib);
            }
            for (Statement.Block block : reader.blocks("cluster")) {
                if (!clusters.isEmpty()) {
                    sink.report(Diagnostic.of(Code.NS1002, block.kind().span(), "block", "cluster")
                            .withSecondary(clusters.get(0).kind().span(), "first declared here")
                            .withNote("one compilation describes one cluster; compile each site on its own"));
                    continue;
                }
                clusters.add(block);
            }
            for (Statement.External external : reader.statements(Statement.External.class)) {
                add(externals, "external", external.name(), external, stdlib);
            }
            for (Statement.PortConstant port : reader.statements(Statement.PortConstant.class)) {
                add(ports, "port", port.name(), port, stdlib);
            }
            params.addAll(reader.statements(Statement.Param.class));
            topLevelFlows.addAll(reader.statements(Statement.Allow.class));
        }
    }

    /** The name of a block such as {@code namespace app}, or null (reported) when it has none. */
    private Name labelName(Statement.Block block) {
        Value label = block.label();
        if (label instanceof Value.Word word) {
            return new Name(word.text(), word.span());
        }
        if (label instanceof Value.Str str && str.isPlain()) {
            return new Name(str.plainText(), str.span());
        }
        if (label == null) {
            sink.report(Diagnostic.of(Code.NS2010, block.kind().span(), "a `" + block.kind().text() + "` block", "a name")
                    .withHelp("write `" + block.kind().text() + " NAME { ... }`"));
        } else {
            sink.report(Diagnostic.of(Code.NS2009, label.span(), "a plain name", label.describe()));
        }
        return null;
    }

    private <T> void add(Map<String, Declared<T>> map, String kind, Name name, T statement, boolean stdlib) {
        if (name == null) {
            return;
        }
        Declared<T> previous = map.putIfAbsent(name.text(), new Declared<>(statement, name, stdlib));
        if (previous != null) {
            sink.report(Diagnostic.of(Code.NS1002, name.span(), kind, name.text())
                    .withSecondary(((Statement) previous.statement()).span(), "first declared here"));
        }
    }
}
