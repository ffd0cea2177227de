package dev.netc.lsp;

import dev.netc.ast.Endpoint;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.eclipse.lsp4j.DocumentSymbol;
import org.eclipse.lsp4j.SymbolKind;

/** The outline of a document: its declarations and flows, blocks with their contents. */
final class DocumentSymbols {
    private DocumentSymbols() {}

    static List<DocumentSymbol> of(List<Statement> statements) {
        List<DocumentSymbol> symbols = new ArrayList<>();
        for (Statement statement : statements) {
            if (statement instanceof Statement.Block block) {
                symbols.add(block(block));
            } else if (statement instanceof Statement.External external) {
                symbols.add(symbol(
                        external.name().text(),
                        "external",
                        SymbolKind.Constant,
                        statement,
                        external.name().span()));
            } else if (statement instanceof Statement.PortConstant port) {
                symbols.add(symbol(
                        port.name().text(),
                        "port",
                        SymbolKind.Constant,
                        statement,
                        port.name().span()));
            } else if (statement instanceof Statement.Param param) {
                symbols.add(symbol(
                        param.name().text(),
                        "param " + param.type().text(),
                        SymbolKind.Variable,
                        statement,
                        param.name().span()));
            } else if (statement instanceof Statement.Import importStatement) {
                symbols.add(symbol(
                        importStatement.path().span().text(),
                        "import",
                        SymbolKind.Module,
                        statement,
                        importStatement.path().span()));
            } else if (statement instanceof Statement.Allow allow) {
                symbols.add(symbol(
                        ends(allow.from()) + " -> " + ends(allow.to()),
                        "allow",
                        SymbolKind.Event,
                        statement,
                        statement.span()));
            } else if (statement instanceof Statement.Expect expect) {
                symbols.add(symbol(
                        ends(expect.from()) + " -> " + ends(expect.to()),
                        "expect " + expect.verdict().text(),
                        SymbolKind.Boolean,
                        statement,
                        statement.span()));
            } else if (statement instanceof Statement.Property property
                    && property.key().text().equals("port")) {
                property.groups().stream()
                        .filter(g -> !g.isEmpty() && g.get(0) instanceof Value.Word)
                        .forEach(group -> symbols.add(symbol(
                                ((Value.Word) group.get(0)).text(),
                                "port "
                                        + group.stream()
                                                .skip(1)
                                                .map(v -> v.span().text())
                                                .collect(Collectors.joining(" ")),
                                SymbolKind.Field,
                                statement,
                                group.get(0).span())));
            }
        }
        return symbols;
    }

    private static DocumentSymbol block(Statement.Block block) {
        SymbolKind kind = switch (block.kind().text()) {
            case "network" -> SymbolKind.Struct;
            case "cluster" -> SymbolKind.Package;
            case "node" -> SymbolKind.Object;
            case "namespace" -> SymbolKind.Namespace;
            case "tier" -> SymbolKind.Class;
            default -> SymbolKind.Property;
        };
        String name = block.label() == null
                ? block.kind().text()
                : block.label().span().text();
        DocumentSymbol symbol = symbol(
                name,
                block.kind().text(),
                kind,
                block,
                block.label() == null ? block.kind().span() : block.label().span());
        symbol.setChildren(of(block.body()));
        return symbol;
    }

    private static String ends(List<Endpoint> ends) {
        String text = ends.stream().map(e -> e.span().text()).collect(Collectors.joining(", "));
        return ends.size() == 1 ? text : "{" + text + "}";
    }

    private static DocumentSymbol symbol(
            String name, String detail, SymbolKind kind, Statement statement, dev.netc.source.Span selection) {
        return new DocumentSymbol(name, kind, Positions.range(statement.span()), Positions.range(selection), detail);
    }
}
