package dev.netc.parse;

import dev.netc.ast.Endpoint;
import dev.netc.ast.Name;
import dev.netc.ast.PortRef;
import dev.netc.ast.Selector;
import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Fix;
import dev.netc.grammar.NetSpecParser;
import dev.netc.grammar.NetSpecParser.*;
import dev.netc.grammar.NetSpecParserBaseVisitor;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Turns the ANTLR parse tree into the immutable AST. With {@link SpecParser} this is the only
 * code that sees ANTLR types.
 *
 * <p>After a syntax error ANTLR's recovery can leave holes in the tree; a statement with a
 * hole is dropped here (its error is already reported), so later phases only see complete
 * statements.
 */
final class AstBuilder {
    private final SourceFile source;
    private final DiagnosticSink sink;
    /**
     * Above zero while a statement found complete is built: nothing below it has a hole, so its
     * nested statements, entries and selectors are not walked again (walking each level's
     * subtree again was a third of parsing a large file).
     */
    private int insideComplete;

    AstBuilder(SourceFile source, DiagnosticSink sink) {
        this.source = source;
        this.sink = sink;
    }

    /**
     * A builder for trees of a parse that stops at the first syntax error (ANTLR's bail strategy,
     * the fast path): no recovery ran, so they have no holes, and none is looked for.
     */
    static AstBuilder withoutHoles(SourceFile source, DiagnosticSink sink) {
        AstBuilder builder = new AstBuilder(source, sink);
        builder.insideComplete = 1;
        return builder;
    }

    SpecFile build(SpecFileContext tree) {
        return new SpecFile(source, statements(tree.statement(), ""));
    }

    /** One top-level statement, or none when it has a hole. */
    List<Statement> topLevel(StatementContext context) {
        return statements(List.of(context), "");
    }

    /** @param enclosingKind the kind of the block the statements are in ("" at the top level) */
    private List<Statement> statements(List<StatementContext> contexts, String enclosingKind) {
        List<Statement> result = new ArrayList<>();
        for (StatementContext context : contexts) {
            if (isComplete(context)) {
                insideComplete++;
                try {
                    Statement statement = statement(context, enclosingKind);
                    if (statement != null) {
                        result.add(statement);
                    }
                } finally {
                    insideComplete--;
                }
            }
        }
        return result;
    }

    private Statement statement(StatementContext context, String enclosingKind) {
        return context.accept(new StatementBuilder(enclosingKind));
    }

    /**
     * One method per alternative of the grammar's {@code statement} rule (as for the other labelled
     * rules below): {@code GrammarAlternativesTest} fails the build when the grammar gains an
     * alternative no builder handles, and an unhandled one would fail loudly, never be cast.
     */
    private final class StatementBuilder extends Alternatives<Statement> {
        /** The kind of the block the statement is in ("" at the top level). */
        private final String enclosingKind;

        StatementBuilder(String enclosingKind) {
            super("statement");
            this.enclosingKind = enclosingKind;
        }

        @Override
        public Statement visitImportStatement(ImportStatementContext c) {
            return new Statement.Import(string(c.path), span(c));
        }

        @Override
        public Statement visitParamStatement(ParamStatementContext c) {
            return new Statement.Param(
                    name(c.name), name(c.type), c.defaultValue == null ? null : value(c.defaultValue), span(c));
        }

        @Override
        public Statement visitExternalStatement(ExternalStatementContext c) {
            return new Statement.External(
                    name(c.name), addresses(c.include), c.exclude == null ? List.of() : addresses(c.exclude), span(c));
        }

        @Override
        public Statement visitPortConstantStatement(PortConstantStatementContext c) {
            return new Statement.PortConstant(
                    name(c.name),
                    c.portList().portItem().stream().map(AstBuilder.this::port).toList(),
                    span(c));
        }

        @Override
        public Statement visitAllowStatement(AllowStatementContext c) {
            return allow(c);
        }

        @Override
        public Statement visitExpectStatement(ExpectStatementContext c) {
            FlowContext flow = c.flow();
            Name verdict = c.verdict.ALLOW() != null
                    ? new Name(c.verdict.getText(), span(c.verdict))
                    : name(c.verdict.identifier());
            return new Statement.Expect(verdict, endpoints(flow.from), endpoints(flow.to), ports(flow), span(c));
        }

        @Override
        public Statement visitPodsStatement(PodsStatementContext c) {
            if (enclosingKind.equals("cluster") && isPlainList(c.selectorList())) {
                return podRanges(c);
            }
            return new Statement.Pods(selectors(c.selectorList()), span(c));
        }

        @Override
        public Statement visitLabelsStatement(LabelsStatementContext c) {
            return new Statement.Labels(selectors(c.selectorList()), span(c));
        }

        @Override
        public Statement visitRke2Statement(Rke2StatementContext c) {
            return new Statement.Rke2(
                    c.rke2Entry().stream()
                            .filter(AstBuilder.this::isComplete)
                            .map(AstBuilder.this::rke2Entry)
                            .toList(),
                    span(c));
        }

        @Override
        public Statement visitBlockStatement(BlockStatementContext c) {
            Value label = c.label == null
                    ? null
                    : c.label.STRING() != null ? string(c.label.STRING().getSymbol()) : word(c.label.identifier());
            return new Statement.Block(name(c.kind), label, statements(c.statement(), c.kind.getText()), span(c));
        }

        @Override
        public Statement visitPropertyStatement(PropertyStatementContext c) {
            List<List<Value>> groups = c.valueGroup().stream()
                    .map(g -> g.value().stream().map(AstBuilder.this::value).toList())
                    .toList();
            return new Statement.Property(name(c.key), groups, span(c));
        }

        @Override
        public Statement visitEmptyStatement(EmptyStatementContext c) {
            return null; // `;`
        }
    }

    /**
     * A builder for the alternatives of one labelled grammar rule. ANTLR's base visitor answers an
     * alternative nobody overrides by visiting its children; here that is an error naming the rule.
     */
    abstract static class Alternatives<T> extends NetSpecParserBaseVisitor<T> {
        private final String rule;

        Alternatives(String rule) {
            this.rule = rule;
        }

        @Override
        public T visitChildren(org.antlr.v4.runtime.tree.RuleNode node) {
            throw new IllegalStateException("no AST for this alternative of `" + rule + "`: "
                    + node.getClass().getSimpleName());
        }
    }

    private Statement.Allow allow(AllowStatementContext c) {
        FlowContext flow = c.flow();
        java.util.Optional<Name> side =
                c.side == null ? java.util.Optional.empty() : java.util.Optional.of(name(c.side));
        return new Statement.Allow(endpoints(flow.from), endpoints(flow.to), ports(flow), side, span(c));
    }

    /** The ports after {@code :} of a flow; none means every port. */
    private List<PortRef> ports(FlowContext flow) {
        return flow.ports == null
                ? List.of()
                : flow.ports.portItem().stream().map(this::port).toList();
    }

    private List<Endpoint> endpoints(EndpointSetContext set) {
        return set.endpoint().stream().map(this::endpoint).toList();
    }

    private Endpoint endpoint(EndpointContext context) {
        return context.accept(endpoints);
    }

    private final Alternatives<Endpoint> endpoints = new EndpointBuilder();

    private final class EndpointBuilder extends Alternatives<Endpoint> {
        EndpointBuilder() {
            super("endpoint");
        }

        @Override
        public Endpoint visitEveryNamespaceEndpoint(EveryNamespaceEndpointContext c) {
            return new Endpoint.EveryNamespace(span(c));
        }

        @Override
        public Endpoint visitWholeNamespaceEndpoint(WholeNamespaceEndpointContext c) {
            return new Endpoint.WholeNamespace(name(c.identifier()), span(c));
        }

        @Override
        public Endpoint visitNamedEndpoint(NamedEndpointContext c) {
            return new Endpoint.Named(name(c.identifier()));
        }

        @Override
        public Endpoint visitSelectedNamespacesEndpoint(SelectedNamespacesEndpointContext c) {
            List<Name> except = c.exceptions == null
                    ? List.of()
                    : c.exceptions.identifier().stream()
                            .map(AstBuilder.this::name)
                            .toList();
            return new Endpoint.SelectedNamespaces(
                    choice(c.namespaces), except, c.pods == null ? List.of() : choice(c.pods), span(c));
        }

        @Override
        public Endpoint visitEveryoneEndpoint(EveryoneEndpointContext c) {
            return new Endpoint.Everyone(span(c));
        }

        @Override
        public Endpoint visitAddressEndpoint(AddressEndpointContext c) {
            Token token = c.getStart();
            return new Endpoint.Address(
                    token.getType() == NetSpecParser.STRING
                            ? string(token)
                            : new Value.Address(token.getText(), span(token)));
        }
    }

    private PortRef port(PortItemContext c) {
        if (c.PORT_SPEC() != null) {
            return new PortRef.Literal(c.getText(), span(c));
        } else if (c.NUMBER() != null) {
            return new PortRef.Bare(number(c.NUMBER().getSymbol()), span(c));
        } else if (c.STAR_PORT() != null) {
            return starPort(c);
        }
        String text = c.getText();
        int slash = text.lastIndexOf('/');
        if (PROTOCOLS.contains(text)) {
            return new PortRef.Protocol(text, span(c));
        } else if (slash > 0) {
            Span whole = span(c);
            Name portName = new Name(text.substring(0, slash), new Span(source, whole.start(), whole.start() + slash));
            return new PortRef.ContainerPort(portName, text.substring(slash + 1), whole);
        }
        return new PortRef.Named(name(c.identifier()));
    }

    /** The words that, as a port, mean every port of a protocol (the model's protocols, in lower case). */
    private static final java.util.Set<String> PROTOCOLS = java.util.Set.of("tcp", "udp", "sctp");

    /** {@code *}{@code /tcp}: what other tools write for every port of a protocol; netspec writes {@code tcp}. */
    private PortRef starPort(PortItemContext c) {
        String protocol = c.getText().substring(2);
        Span span = span(c);
        sink.report(Diagnostic.of(
                        Code.NS2009, span, "a port such as `80/tcp`, `tcp` or `http/tcp`", "`" + c.getText() + "`")
                .withHelp("every " + protocol.toUpperCase(java.util.Locale.ROOT) + " port is written `"
                        + protocol.toLowerCase(java.util.Locale.ROOT) + "`")
                .withFix(new Fix(
                        "write `" + protocol.toLowerCase(java.util.Locale.ROOT) + "`",
                        span,
                        protocol.toLowerCase(java.util.Locale.ROOT))));
        return new PortRef.Protocol(protocol, span);
    }

    private List<Value> addresses(AddressListContext list) {
        List<Value> result = new ArrayList<>();
        for (AddressItemContext item : list.addressItem()) {
            if (item.identifier() != null) {
                result.add(word(item.identifier()));
            } else if (item.STRING() != null) {
                result.add(string(item.STRING().getSymbol()));
            } else {
                result.add(new Value.Address(item.getText(), span(item)));
            }
        }
        return result;
    }

    /** True for `pods a, "b"`: bare keys only, which is also how a list of words or strings parses. */
    private static boolean isPlainList(SelectorListContext list) {
        return list.STAR() == null && list.selector().stream().allMatch(ExistsSelectorContext.class::isInstance);
    }

    /**
     * In the cluster block `pods` is the pod address range, not a pod selector: `pods
     * "10.${site}.0.0/16"` parses as a selector with a quoted key, so it is read back as the
     * property it is.
     */
    private Statement.Property podRanges(PodsStatementContext c) {
        List<List<Value>> groups = c.selectorList().selector().stream()
                .map(selector -> ((ExistsSelectorContext) selector).key)
                .map(key -> List.of(
                        key.STRING() != null ? (Value) string(key.STRING().getSymbol()) : word(key.identifier())))
                .toList();
        return new Statement.Property(new Name(c.PODS().getText(), span(c.PODS().getSymbol())), groups, span(c));
    }

    /** {@code *} (no selector), one selector, or several in parentheses. */
    private List<Selector> choice(ChoiceContext choice) {
        return choice.selector().stream()
                .filter(this::isComplete)
                .map(this::selector)
                .toList();
    }

    private List<Selector> selectors(SelectorListContext list) {
        if (list.STAR() != null) {
            return List.of();
        }
        return list.selector().stream()
                .filter(this::isComplete)
                .map(this::selector)
                .toList();
    }

    private Selector selector(SelectorContext context) {
        return context.accept(selectorBuilder);
    }

    private final Alternatives<Selector> selectorBuilder = new SelectorBuilder();

    private final class SelectorBuilder extends Alternatives<Selector> {
        SelectorBuilder() {
            super("selector");
        }

        @Override
        public Selector visitNotExistsSelector(NotExistsSelectorContext c) {
            return new Selector.Exists(labelPart(c.key), true, span(c));
        }

        @Override
        public Selector visitEqualitySelector(EqualitySelectorContext c) {
            return new Selector.Equals(
                    labelPart(c.key), labelPart(c.labelValue()), c.operator.getType() == NetSpecParser.NEQ, span(c));
        }

        @Override
        public Selector visitSetSelector(SetSelectorContext c) {
            return new Selector.In(
                    labelPart(c.key),
                    c.labelValue().stream().map(AstBuilder.this::labelPart).toList(),
                    c.operator.getType() == NetSpecParser.NOTIN,
                    span(c));
        }

        @Override
        public Selector visitExistsSelector(ExistsSelectorContext c) {
            return new Selector.Exists(labelPart(c.key), false, span(c));
        }
    }

    /** A label key or value: its text, unquoted when it was written as a string. */
    private Name labelPart(ParserRuleContext context) {
        Token token = context.getStart();
        if (token.getType() == NetSpecParser.STRING) {
            Value.Str str = string(token);
            return new Name(str.isPlain() ? str.plainText() : token.getText(), str.span());
        }
        return new Name(context.getText(), span(context));
    }

    private Statement.Rke2Entry rke2Entry(Rke2EntryContext c) {
        Name key = c.key.STRING() != null ? labelPart(c.key) : name(c.key.identifier());
        return new Statement.Rke2Entry(key, value(c.value()), span(c));
    }

    private Value value(ValueContext context) {
        return context.accept(values);
    }

    private final Alternatives<Value> values = new ValueBuilder();

    private final class ValueBuilder extends Alternatives<Value> {
        ValueBuilder() {
            super("value");
        }

        @Override
        public Value visitCallValue(CallValueContext c) {
            return new Value.Call(name(c.function), value(c.argument), span(c));
        }

        @Override
        public Value visitListValue(ListValueContext c) {
            return new Value.ListValue(
                    c.value().stream().map(AstBuilder.this::value).toList(), span(c));
        }

        @Override
        public Value visitStringValue(StringValueContext c) {
            return string(c.STRING().getSymbol());
        }

        @Override
        public Value visitNumberValue(NumberValueContext c) {
            return new Value.Number(number(c.NUMBER().getSymbol()), span(c));
        }

        @Override
        public Value visitDurationValue(DurationValueContext c) {
            return new Value.Duration(c.getText(), span(c));
        }

        @Override
        public Value visitPortSpecValue(PortSpecValueContext c) {
            return new Value.PortSpec(c.getText(), span(c));
        }

        @Override
        public Value visitAddressValue(AddressValueContext c) {
            return new Value.Address(c.getText(), span(c));
        }

        @Override
        public Value visitWordValue(WordValueContext c) {
            return word(c.identifier());
        }
    }

    private Value.Word word(IdentifierContext c) {
        return new Value.Word(c.getText(), span(c));
    }

    private Name name(IdentifierContext c) {
        return new Name(c.getText(), span(c));
    }

    /** Numbers too large for a long become -1, which every range check rejects. */
    private long number(Token token) {
        try {
            return Long.parseLong(token.getText());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private Value.Str string(Token token) {
        return StringLiterals.parse(token.getText(), span(token), sink);
    }

    private Span span(ParserRuleContext context) {
        Token stop = context.getStop() != null ? context.getStop() : context.getStart();
        int start = context.getStart().getStartIndex();
        int end = Math.max(start, stop.getStopIndex() + 1);
        return new Span(source, start, end);
    }

    private Span span(Token token) {
        return Spans.of(source, token);
    }

    /** False when error recovery left a missing token or a failed sub-rule inside. */
    private boolean isComplete(ParserRuleContext context) {
        if (insideComplete > 0) {
            return true;
        }
        if (context.exception != null) {
            return false;
        }
        for (int i = 0; i < context.getChildCount(); i++) {
            var child = context.getChild(i);
            if (child instanceof ParserRuleContext rule && !isComplete(rule)) {
                return false;
            }
            if (child instanceof TerminalNode terminal
                    && (terminal.getSymbol().getTokenIndex() < 0
                            || child instanceof org.antlr.v4.runtime.tree.ErrorNode)) {
                return false;
            }
        }
        return Objects.nonNull(context.getStart());
    }
}
