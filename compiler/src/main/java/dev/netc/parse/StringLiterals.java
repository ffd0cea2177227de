package dev.netc.parse;

import dev.netc.ast.Name;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes a string literal: escapes {@code \" \\ \n \t \$} and interpolations {@code ${param}}.
 */
final class StringLiterals {
    private StringLiterals() {}

    /** @param quoted the token text including both quotes */
    static Value.Str parse(String quoted, Span span, DiagnosticSink sink) {
        List<Value.Str.Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        int end = quoted.length() - 1;
        int i = 1;
        while (i < end) {
            char c = quoted.charAt(i);
            if (c == '\\' && i + 1 < end) {
                char escaped = quoted.charAt(i + 1);
                switch (escaped) {
                    case '"', '\\', '$' -> text.append(escaped);
                    case 'n' -> text.append('\n');
                    case 't' -> text.append('\t');
                    default ->
                        sink.report(Diagnostic.of(Code.NS0009, at(span, i, 2), "\\" + escaped)
                                .withLabel("unknown escape")
                                .withHelp("the escapes are `\\\"`, `\\\\`, `\\n`, `\\t` and `\\$`"));
                }
                i += 2;
            } else if (c == '$' && i + 1 < end && quoted.charAt(i + 1) == '{') {
                int close = quoted.indexOf('}', i);
                String name = close < 0 ? "" : quoted.substring(i + 2, close);
                if (close < 0 || close > end || !name.matches("[A-Za-z_][A-Za-z0-9_-]*")) {
                    sink.report(Diagnostic.of(Code.NS0009, at(span, i, 2), "${")
                            .withLabel("not a parameter reference")
                            .withHelp("write `${name}` to insert a parameter, or `\\$` for a literal `$`"));
                    text.append(c);
                    i++;
                    continue;
                }
                if (text.length() > 0) {
                    parts.add(new Value.Str.Part.Text(text.toString()));
                    text.setLength(0);
                }
                parts.add(new Value.Str.Part.ParamRef(new Name(name, at(span, i + 2, name.length()))));
                i = close + 1;
            } else {
                text.append(c);
                i++;
            }
        }
        if (text.length() > 0 || parts.isEmpty()) {
            parts.add(new Value.Str.Part.Text(text.toString()));
        }
        return new Value.Str(parts, span);
    }

    private static Span at(Span literal, int offset, int length) {
        return new Span(literal.file(), literal.start() + offset, literal.start() + offset + length);
    }
}
