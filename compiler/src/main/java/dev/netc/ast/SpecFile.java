package dev.netc.ast;

import dev.netc.source.SourceFile;
import java.util.List;

/** One parsed `.netspec` file: its statements in source order. */
public record SpecFile(SourceFile source, List<Statement> statements) {
    public SpecFile {
        statements = List.copyOf(statements);
    }
}
