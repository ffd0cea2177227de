package dev.netc.lsp;

import dev.netc.ast.Endpoint;
import dev.netc.ast.Name;
import dev.netc.ast.PortRef;
import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.source.Span;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds the {@link SymbolIndex} from the parsed files, with the compiler's rules for what a
 * name means: the first declaration of a name counts, and a bare name in a flow is a tier of
 * the namespace it is written in, an external, or a namespace, in this order.
 */
final class SymbolIndexBuilder {
    private final List<Symbol> symbols = new ArrayList<>();
    private final List<SymbolIndex.Reference> references = new ArrayList<>();

    private SymbolIndexBuilder() {
    }

    static SymbolIndex build(List<SpecFile> files) {
        SymbolIndexBuilder builder = new SymbolIndexBuilder();
        files.forEach(builder::declareAll);
        files.forEach(builder::referAll);
        return new SymbolIndex(builder.symbols, builder.references);
    }

    // ---- declarations ----------------------------------------------------------------------

    private void declareAll(SpecFile file) {
        String text = file.source().text();
        Span whole = new Span(file.source(), 0, text.codePointCount(0, text.length()));
        declare(Symbol.Kind.MODULE, file.source().displayName(), new Span(file.source(), 0, 0), whole);
        for (Statement statement : file.statements()) {
            if (statement instanceof Statement.Block block) {
                declareBlock(block);
            } else if (statement instanceof Statement.External external) {
                declare(Symbol.Kind.EXTERNAL, external.name(), external.span());
            } else if (statement instanceof Statement.PortConstant port) {
                declare(Symbol.Kind.PORT_CONSTANT, port.name(), port.span());
            } else if (statement instanceof Statement.Param param) {
                declare(Symbol.Kind.PARAM, param.name(), param.span());
            }
        }
    }

    private void declareBlock(Statement.Block block) {
        Optional<Name> label = label(block);
        switch (block.kind().text()) {
            case "network" -> label.ifPresent(name -> declare(Symbol.Kind.NETWORK, name, block.span()));
            case "cluster" -> {
                declare(Symbol.Kind.CLUSTER, label.map(Name::text).orElse("cluster"),
                        label.map(Name::span).orElse(block.kind().span()), block.span());
                blocks(block, "node").forEach(node -> label(node).ifPresent(name -> declare(Symbol.Kind.NODE, name, node.span())));
            }
            case "namespace" -> label.ifPresent(namespace -> {
                declare(Symbol.Kind.NAMESPACE, namespace, block.span());
                blocks(block, "tier").forEach(tier -> label(tier).ifPresent(name -> declareTier(namespace.text(), name, tier)));
            });
            default -> {
            }
        }
    }

    private void declareTier(String namespace, Name name, Statement.Block tier) {
        String qualified = namespace + "." + name.text();
        declare(Symbol.Kind.TIER, qualified, name.span(), tier.span());
        for (Statement statement : tier.body()) {
            if (statement instanceof Statement.Property property && property.key().text().equals("port")) {
                for (List<Value> group : property.groups()) {
                    if (!group.isEmpty() && group.get(0) instanceof Value.Word port) {
                        declare(Symbol.Kind.TIER_PORT, qualified + ":" + port.text(), port.span(), property.span());
                    }
                }
            }
        }
    }

    private void declare(Symbol.Kind kind, Name name, Span declaration) {
        declare(kind, name.text(), name.span(), declaration);
    }

    private void declare(Symbol.Kind kind, String name, Span nameSpan, Span declaration) {
        if (find(kind, name).isEmpty()) {
            symbols.add(new Symbol(kind, name, nameSpan, declaration));
        }
    }

    // ---- references ------------------------------------------------------------------------

    private void referAll(SpecFile file) {
        for (Statement statement : file.statements()) {
            refer(statement, null);
        }
    }

    /** @param namespace the namespace block the statement is written in, or null */
    private void refer(Statement statement, String namespace) {
        forEachValue(statement, this::parameterReferences);
        if (statement instanceof Statement.Import importStatement) {
            module(importStatement).ifPresent(module -> references.add(new SymbolIndex.Reference(importStatement.path().span(), module)));
        } else if (statement instanceof Statement.Allow allow) {
            flow(allow, namespace);
        } else if (statement instanceof Statement.External external) {
            Stream.concat(external.include().stream(), external.exclude().stream()).forEach(item -> {
                if (item instanceof Value.Word word) {
                    refer(Symbol.Kind.EXTERNAL, word.text(), word.span());
                }
            });
        } else if (statement instanceof Statement.Block block) {
            String inner = block.kind().text().equals("namespace") ? label(block).map(Name::text).orElse(null) : namespace;
            block.body().forEach(child -> refer(child, inner));
            if (block.kind().text().equals("canal")) {
                properties(block, "on").forEach(on -> on.groups().stream().flatMap(List::stream).findFirst()
                        .ifPresent(this::network));
            } else if (block.kind().text().equals("node")) {
                properties(block, "interface").forEach(this::interfaceNetworks);
            }
        }
    }

    private void flow(Statement.Allow allow, String namespace) {
        allow.from().forEach(end -> endpoint(end, namespace));
        List<Symbol> targetTiers = allow.to().stream().flatMap(end -> endpoint(end, namespace).stream())
                .filter(s -> s.kind() == Symbol.Kind.TIER).toList();
        for (PortRef port : allow.ports()) {
            if (port instanceof PortRef.Named named) {
                String name = named.name().text();
                Optional<Symbol> tierPort = targetTiers.stream()
                        .flatMap(tier -> find(Symbol.Kind.TIER_PORT, tier.name() + ":" + name).stream()).findFirst();
                Optional<Symbol> target = tierPort.isPresent() ? tierPort : find(Symbol.Kind.PORT_CONSTANT, name);
                target.ifPresent(symbol -> references.add(new SymbolIndex.Reference(named.span(), symbol)));
            }
        }
    }

    /** Records the references of one end of a flow; returns what the end resolves to. */
    private Optional<Symbol> endpoint(Endpoint end, String namespace) {
        if (end instanceof Endpoint.WholeNamespace whole) {
            return refer(Symbol.Kind.NAMESPACE, whole.namespace().text(), whole.namespace().span());
        }
        if (!(end instanceof Endpoint.Named named)) {
            return Optional.empty();
        }
        String text = named.name().text();
        Span span = named.span();
        int dot = text.indexOf('.');
        if (dot > 0 && find(Symbol.Kind.EXTERNAL, text).isEmpty()) {
            refer(Symbol.Kind.NAMESPACE, text.substring(0, dot), new Span(span.file(), span.start(), span.start() + dot));
            return refer(Symbol.Kind.TIER, text, new Span(span.file(), span.start() + dot + 1, span.end()));
        }
        if (namespace != null && find(Symbol.Kind.TIER, namespace + "." + text).isPresent()) {
            return refer(Symbol.Kind.TIER, namespace + "." + text, span);
        }
        return find(Symbol.Kind.EXTERNAL, text).isPresent() ? refer(Symbol.Kind.EXTERNAL, text, span)
                : refer(Symbol.Kind.NAMESPACE, text, span);
    }

    /** {@code interface eth1 192.168.1.50 on data, ...}: the word after each {@code on}. */
    private void interfaceNetworks(Statement.Property property) {
        for (List<Value> group : property.groups()) {
            for (int i = 0; i + 1 < group.size(); i++) {
                if (group.get(i) instanceof Value.Word on && on.text().equals("on")) {
                    network(group.get(i + 1));
                }
            }
        }
    }

    private void network(Value value) {
        if (value instanceof Value.Word word) {
            refer(Symbol.Kind.NETWORK, word.text(), word.span());
        }
    }

    private void parameterReferences(Value value) {
        if (value instanceof Value.Str string) {
            for (Value.Str.Part part : string.parts()) {
                if (part instanceof Value.Str.Part.ParamRef ref) {
                    refer(Symbol.Kind.PARAM, ref.name().text(), ref.name().span());
                }
            }
        }
    }

    private Optional<Symbol> refer(Symbol.Kind kind, String name, Span span) {
        Optional<Symbol> target = find(kind, name);
        target.ifPresent(symbol -> references.add(new SymbolIndex.Reference(span, symbol)));
        return target;
    }

    /** The module an import loads: a standard module by its name, a file by its path. */
    private Optional<Symbol> module(Statement.Import statement) {
        if (!statement.path().isPlain()) {
            return Optional.empty();
        }
        String path = statement.path().plainText();
        String file = path.endsWith(".netspec") ? path : path + ".netspec";
        if (path.startsWith("std/")) {
            return find(Symbol.Kind.MODULE, file);
        }
        Optional<Path> base = statement.span().file().path().map(Path::getParent);
        if (base.isEmpty()) {
            return Optional.empty();
        }
        Path target = base.get().resolve(file).toAbsolutePath().normalize();
        return symbols.stream().filter(s -> s.kind() == Symbol.Kind.MODULE)
                .filter(s -> s.nameSpan().file().path().map(p -> p.toAbsolutePath().normalize().equals(target)).orElse(false))
                .findFirst();
    }

    private Optional<Symbol> find(Symbol.Kind kind, String name) {
        return symbols.stream().filter(s -> s.kind() == kind && s.name().equals(name)).findFirst();
    }

    // ---- walking the AST -------------------------------------------------------------------

    private static Optional<Name> label(Statement.Block block) {
        if (block.label() instanceof Value.Word word) {
            return Optional.of(new Name(word.text(), word.span()));
        }
        if (block.label() instanceof Value.Str string && string.isPlain()) {
            return Optional.of(new Name(string.plainText(), string.span()));
        }
        return Optional.empty();
    }

    private static List<Statement.Block> blocks(Statement.Block block, String kind) {
        return block.body().stream().filter(s -> s instanceof Statement.Block b && b.kind().text().equals(kind))
                .map(Statement.Block.class::cast).toList();
    }

    private static List<Statement.Property> properties(Statement.Block block, String key) {
        return block.body().stream().filter(s -> s instanceof Statement.Property p && p.key().text().equals(key))
                .map(Statement.Property.class::cast).toList();
    }

    /** Every value written in a statement, outside nested blocks (they are statements of their own). */
    private static void forEachValue(Statement statement, Consumer<Value> action) {
        List<Value> values = new ArrayList<>();
        if (statement instanceof Statement.Param param && param.defaultValue() != null) {
            values.add(param.defaultValue());
        } else if (statement instanceof Statement.External external) {
            values.addAll(external.include());
            values.addAll(external.exclude());
        } else if (statement instanceof Statement.Allow allow) {
            Stream.concat(allow.from().stream(), allow.to().stream()).forEach(end -> {
                if (end instanceof Endpoint.Address address) {
                    values.add(address.value());
                }
            });
        } else if (statement instanceof Statement.Rke2 rke2) {
            rke2.entries().forEach(entry -> values.add(entry.value()));
        } else if (statement instanceof Statement.Block block && block.label() != null) {
            values.add(block.label());
        } else if (statement instanceof Statement.Property property) {
            property.groups().forEach(values::addAll);
        }
        values.forEach(value -> visit(value, action));
    }

    private static void visit(Value value, Consumer<Value> action) {
        action.accept(value);
        if (value instanceof Value.Call call) {
            visit(call.argument(), action);
        } else if (value instanceof Value.ListValue list) {
            list.items().forEach(item -> visit(item, action));
        }
    }
}
