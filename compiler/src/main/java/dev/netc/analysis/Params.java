package dev.netc.analysis;

import dev.netc.ast.Name;
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
                sink.report(Diagnostic.of(
                                Code.NS1002,
                                param.name().span(),
                                "parameter",
                                param.name().text())
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
            sink.report(Diagnostic.of(
                    Code.NS2009, param.type().span(), "a parameter type, `int` or `string`", "`" + type + "`"));
            return;
        }
        String value = setting;
        if (value == null && param.defaultValue() != null) {
            Optional<String> byDefault = defaultText(param.defaultValue(), name);
            if (byDefault.isEmpty()) {
                return; // reported
            }
            value = byDefault.get();
        }
        if (value == null) {
            sink.report(Diagnostic.of(Code.NS1008, param.name().span(), name)
                    .withLabel("declared here without a default")
                    .withHelp("pass `--set " + name + "=...` to `netc compile`, or declare a default: `param " + name
                            + ": " + type + " = ...`"));
            return;
        }
        if (type.equals("int") && !value.matches("-?[0-9]{1,9}")) {
            sink.report(Diagnostic.of(Code.NS2013, param.name().span(), name, type, value));
            return;
        }
        values.put(name, value);
    }

    /**
     * A default's text. It may interpolate parameters declared before it (`param host: string =
     * "api-${site}"`), since parameters are bound in declaration order.
     */
    private Optional<String> defaultText(Value value, String name) {
        if (value instanceof Value.Number n) {
            return Optional.of(String.valueOf(n.value()));
        } else if (value instanceof Value.Word w) {
            return Optional.of(w.text());
        } else if (value instanceof Value.Str str) {
            StringBuilder text = new StringBuilder();
            for (Value.Str.Part part : str.parts()) {
                if (part instanceof Value.Str.Part.Text literal) {
                    text.append(literal.text());
                    continue;
                }
                Name ref = ((Value.Str.Part.ParamRef) part).name();
                String bound = values.get(ref.text());
                if (bound == null) {
                    sink.report(Diagnostic.of(
                                    Code.NS1001, ref.span(), "parameter", ref.text(), " declared before `" + name + "`")
                            .withNote("a default may use the parameters declared above it"));
                    return Optional.empty();
                }
                text.append(bound);
            }
            return Optional.of(text.toString());
        }
        sink.report(Diagnostic.of(Code.NS2009, value.span(), "a number, word or string", value.describe()));
        return Optional.empty();
    }

    public Optional<String> value(String name) {
        return Optional.ofNullable(values.get(name));
    }

    /** The value of every parameter that could be bound, from {@code --set} or its default. */
    public Map<String, String> values() {
        return Map.copyOf(values);
    }

    /** True for every declared parameter, also one whose value could not be bound. */
    public boolean isDeclared(String name) {
        return declared.contains(name);
    }

    public Iterable<String> names() {
        return declared;
    }
}
