package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Shapes of property values: exactly one value, a flag, a list of single values. */
final class Properties {
    private Properties() {}

    /** The one value of {@code key value}; anything else is reported. */
    static Optional<Value> single(Statement.Property property, DiagnosticSink sink) {
        List<List<Value>> groups = property.groups();
        if (groups.size() == 1 && groups.get(0).size() == 1) {
            return Optional.of(groups.get(0).get(0));
        }
        sink.report(Diagnostic.of(
                Code.NS2009,
                property.span(),
                "one value after `" + property.key().text() + "`",
                groups.isEmpty() ? "none" : "`" + property.span().text() + "`"));
        return Optional.empty();
    }

    /** The one whole number of an optional {@code key N} property, in {@code [min, max]}. */
    static OptionalInt integer(
            Optional<Statement.Property> property,
            Values values,
            DiagnosticSink sink,
            String what,
            long min,
            long max) {
        return property.flatMap(p -> single(p, sink))
                .map(v -> values.integer(v, what, min, max))
                .orElse(OptionalInt.empty());
    }

    /** The values of {@code key a, b, c}, each group holding one value. */
    static List<Value> list(Statement.Property property, DiagnosticSink sink) {
        if (property.groups().isEmpty()) {
            sink.report(Diagnostic.of(
                    Code.NS2009,
                    property.span(),
                    "a value after `" + property.key().text() + "`",
                    "none"));
        }
        for (List<Value> group : property.groups()) {
            if (group.size() > 1) {
                sink.report(Diagnostic.of(
                        Code.NS2009,
                        group.get(1).span(),
                        "`,` between values",
                        group.get(1).describe()));
            }
        }
        return property.groups().stream().map(g -> g.get(0)).toList();
    }

    /** A flag such as {@code strict-arp}: no value. */
    static void flag(Statement.Property property, DiagnosticSink sink) {
        if (!property.groups().isEmpty()) {
            sink.report(Diagnostic.of(
                    Code.NS2009,
                    property.groups().get(0).get(0).span(),
                    "nothing after the flag `" + property.key().text() + "`",
                    property.groups().get(0).get(0).describe()));
        }
    }
}
