package dev.netc.analysis;

import dev.netc.ast.Name;
import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import dev.netc.vocabulary.NetspecVocabulary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The top-level declarations of every file of a compilation, by kind and name. All files
 * share one scope: an import brings a module's declarations into the compilation.
 */
final class Declarations {
    /** A declaration with its name as written and whether it comes from the standard library. */
    record Declared<T>(T statement, Name name, boolean fromStdlib) {}

    final Map<String, Declared<Statement.Block>> networks = new LinkedHashMap<>();
    final List<Statement.Block> clusters = new ArrayList<>();
    final Map<String, Declared<Statement.Block>> namespaces = new LinkedHashMap<>();
    final Map<String, Declared<Statement.External>> externals = new LinkedHashMap<>();
    final Map<String, Declared<Statement.PortConstant>> ports = new LinkedHashMap<>();
    final List<Statement.Param> params = new ArrayList<>();
    final List<Statement.Allow> topLevelFlows = new ArrayList<>();
    final List<Statement.Expect> topLevelExpectations = new ArrayList<>();

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
            topLevelExpectations.addAll(reader.statements(Statement.Expect.class));
        }
        externals.forEach((name, external) -> {
            Declared<Statement.Block> namespace = namespaces.get(name);
            if (namespace != null && !(external.fromStdlib() && namespace.fromStdlib())) {
                reportHiddenNamespace(external, namespace);
            }
        });
    }

    /**
     * NS3020: an external with the name of a namespace. A bare name in a flow is an external before
     * it is a namespace (docs/language.md, Flows), so {@code allow x -> ...} would silently mean the
     * addresses, not the pods.
     */
    private void reportHiddenNamespace(Declared<Statement.External> external, Declared<Statement.Block> namespace) {
        String name = external.name().text();
        Declared<?> user = external.fromStdlib() ? namespace : external;
        sink.report(Diagnostic.of(Code.NS3020, user.name().span(), name)
                .withSecondary(
                        (external.fromStdlib() ? external : namespace).name().span(),
                        external.fromStdlib() ? "the external is declared here" : "the namespace is declared here")
                .withNote("in a flow a bare `" + name + "` means the external's addresses; the namespace's pods are `"
                        + name + ".*`")
                .withHelp("give one of them another name"));
    }

    /**
     * Records the top-level declarations (the first of each name, as resolution uses it), every
     * file as a module, and where each import leads.
     */
    void record(List<SpecFile> files, Map<Span, SourceFile> importTargets, Bindings.Recorder bindings) {
        for (SpecFile file : files) {
            String text = file.source().text();
            bindings.declare(
                    Bindings.Kind.MODULE,
                    file.source().displayName(),
                    new Span(file.source(), 0, 0),
                    new Span(file.source(), 0, text.codePointCount(0, text.length())));
            for (Statement statement : file.statements()) {
                if (statement instanceof Statement.Import importStatement) {
                    Optional.ofNullable(importTargets.get(importStatement.path().span()))
                            .ifPresent(target -> bindings.use(
                                    importStatement.path().span(), Bindings.Kind.MODULE, target.displayName()));
                }
            }
        }
        networks.forEach((name, d) -> bindings.declare(
                Bindings.Kind.NETWORK, name, d.name().span(), d.statement().span()));
        namespaces.forEach((name, d) -> bindings.declare(
                Bindings.Kind.NAMESPACE, name, d.name().span(), d.statement().span()));
        externals.forEach((name, d) -> bindings.declare(
                Bindings.Kind.EXTERNAL, name, d.name().span(), d.statement().span()));
        ports.forEach((name, d) -> bindings.declare(
                Bindings.Kind.PORT_CONSTANT,
                name,
                d.name().span(),
                d.statement().span()));
        params.forEach(p ->
                bindings.declare(Bindings.Kind.PARAM, p.name().text(), p.name().span(), p.span()));
        clusters.stream().findFirst().ifPresent(cluster -> {
            Optional<Name> label = Optional.ofNullable(cluster.label()).flatMap(Declarations::plainName);
            bindings.declare(
                    Bindings.Kind.CLUSTER,
                    label.map(Name::text).orElse("cluster"),
                    label.map(Name::span).orElse(cluster.kind().span()),
                    cluster.span());
        });
    }

    /** A label written as a word or a string without interpolation. */
    static Optional<Name> plainName(Value label) {
        if (label instanceof Value.Word word) {
            return Optional.of(new Name(word.text(), word.span()));
        }
        if (label instanceof Value.Str str && str.isPlain()) {
            return Optional.of(new Name(str.plainText(), str.span()));
        }
        return Optional.empty();
    }

    /** The name of a block such as {@code namespace app}, or null (reported) when it has none. */
    private Name labelName(Statement.Block block) {
        Value label = block.label();
        Optional<Name> plain = label == null ? Optional.empty() : plainName(label);
        if (plain.isPresent()) {
            return plain.get();
        }
        if (label == null) {
            sink.report(Diagnostic.of(
                            Code.NS2010,
                            block.kind().span(),
                            "a `" + block.kind().text() + "` block",
                            "a name")
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
        if (previous == null) {
            return;
        }
        if (stdlib && !previous.fromStdlib()) {
            // the user's declaration is the one to change: the standard library is not theirs to edit
            sink.report(Diagnostic.of(Code.NS1002, previous.name().span(), kind, name.text())
                    .withSecondary(((Statement) statement).span(), "also declared by the standard library")
                    .withHelp("choose another name, or use the standard library's `" + name.text() + "`"));
        } else {
            sink.report(Diagnostic.of(Code.NS1002, name.span(), kind, name.text())
                    .withSecondary(((Statement) previous.statement()).span(), "first declared here"));
        }
    }
}
