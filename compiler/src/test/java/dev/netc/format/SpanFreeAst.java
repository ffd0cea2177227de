package dev.netc.format;

import dev.netc.ast.SpecFile;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.List;

/**
 * A printout of an AST without positions: two files that differ only in layout print the
 * same. Generic over the AST records, so a new record component is compared without a change here.
 */
final class SpanFreeAst {
    private SpanFreeAst() {}

    static String print(SpecFile file) {
        StringBuilder out = new StringBuilder();
        print(file.statements(), out);
        return out.toString();
    }

    private static void print(Object value, StringBuilder out) {
        if (value instanceof List<?> list) {
            out.append('[');
            list.forEach(item -> {
                print(item, out);
                out.append(", ");
            });
            out.append(']');
        } else if (value instanceof Record record) {
            out.append(record.getClass().getSimpleName()).append('(');
            for (RecordComponent component : record.getClass().getRecordComponents()) {
                if (component.getType() == Span.class || component.getType() == SourceFile.class) {
                    continue;
                }
                out.append(component.getName()).append('=');
                print(read(component, record), out);
                out.append(' ');
            }
            out.append(')');
        } else {
            out.append(value);
        }
    }

    private static Object read(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(e);
        }
    }
}
