package dev.netc.lsp;

import dev.netc.analysis.Bindings;
import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.source.SourceFile;
import java.util.List;

/**
 * One version of an open document, compiled as {@code netc check} compiles a file (with what
 * it imports): its diagnostics, and the names the compiler resolved in it.
 */
record Snapshot(String uri, SourceFile source, Compiler.Result result) {

    /** Every name of the compilation declared and where each is used, as the compiler resolved them. */
    Bindings bindings() {
        return result.bindings();
    }

    /** The document's own statements. */
    List<Statement> statements() {
        return result.parsed().stream()
                .filter(f -> f.source() == source)
                .findFirst()
                .map(SpecFile::statements)
                .orElse(List.of());
    }

    /** Whether the document parsed: names and completions are only learnt from a document that did. */
    boolean parsed() {
        return result.diagnostics().stream()
                .noneMatch(d -> d.isError() && d.code().isSyntax());
    }

    List<Diagnostic> diagnostics() {
        return result.diagnostics();
    }
}
