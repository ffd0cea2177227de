package dev.netc.analysis;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Values of the spec's {@code param}s: from {@code --set name=value}, else the declared default.
 * One template then serves every site of a fleet.
 */
public final class Params {
    private final Map<String, String> values = new LinkedHashMap<>();
    private final java.util.Set<String> declared = new java.util.LinkedHashSet<>();
    private final DiagnosticSink sink;

    private Params(DiagnosticSink sink) {
        this.sink = sink;
    }

    static Params bind(List<Statement.Param> declarations, Map<String, String> settings, DiagnosticSink sink) {
        Params params = new Params(sink);
        Map<String, Statement.Param> declared = new LinkedHashMap<>();
        for (Statement.Param param : declarations) {
            Statement.Param previous = declared.putIfAbsent(param.name().text(), param);
            if (previous != null) {
                sink.report(Diagnostic.of(Code.NS1002, param.name().span(), "parameter", param.name().text())
                        .withSecondary(previous.name().span(), "first declared here"));
            }
        }
        for (String name : settings.keySet()) {
            if (!declared.containsKey(name)) {
                Diagnostic unknown = Diagnostic.of(Code.NS1009, null, name);
                sink.report(Suggest.didYouMean(unknown, name, declared.keySet()).orElse(unknown));
            }
        }
        params.declared.addAll(declared.keySet());
        for (Statement.Param param : declared.values()) {
            params.bindOne(param, settings.get(param.name().text()));
        }
        return params;
    }

    private void bindOne(Statement.Param param, String setting) {
        String name = param.name().text();
        String type = param.type().text();
        if (!type.equals("int") && !type.equals("string")) {
            sink.report(Diagnostic.of(Code.NS2009, param.type().span(), "a parameter type, `int` or `string`",
                    "`" + type + "`"));
            return;
        }
        String value = setting;
        if (value == null && param.defaultValue() != null) {
            value = literalText(param.defaultValue());
        }
        if (value == null) {
            sink.report(Diagnostic.of(Code.NS1008, param.name().span(), name).withLabel("declared here without a default")
                    .withHelp("pass `--set " + name + "=...` to `netc compile`, or declare a default: `param "
                            + name + ": " + type + " = ...`"));
            return;
        }
        if (type.equals("int") && !value.matches("-?[0-9]{1,9}")) {
            sink.report(Diagnostic.of(Code.NS2013, param.name().span(), name, type, value));
            return;
        }
        values.put(name, value);
    }

    private static String literalText(Value value) {
        if (value instanceof Value.Number n) {
            return String.valueOf(n.value());
        } else if (value instanceof Value.Str s && s.isPlain()) {
            return s.plainText();
        } else if (value instanceof Value.Word w) {
            return w.text();
        }
        return null;
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** True for every declared parameter, also one whose value could not be bound. */
    public boolean isDeclared(String name) {
        return declared.contains(name);
    }

    public Iterable<String> names() {
        return declared;
    }
}
