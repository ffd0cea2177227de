package dev.netc.lsp;

import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every declaration of a compilation and every place that refers to one, across the files
 * of the compilation (imports and the standard library included).
 */
record SymbolIndex(List<Symbol> symbols, List<Reference> references) {

    /** A use of a declared name. */
    record Reference(Span span, Symbol target) {
    }

    SymbolIndex {
        symbols = List.copyOf(symbols);
        references = List.copyOf(references);
    }

    /** The symbol declared or referred to at an offset of a file; the innermost span wins. */
    Optional<Symbol> at(SourceFile file, int offset) {
        Optional<Reference> reference = references.stream().filter(r -> Positions.contains(r.span(), file, offset))
                .min(Comparator.comparingInt(r -> r.span().end() - r.span().start()));
        if (reference.isPresent()) {
            return Optional.of(reference.get().target());
        }
        return symbols.stream().filter(s -> Positions.contains(s.nameSpan(), file, offset) && s.kind() != Symbol.Kind.MODULE)
                .findFirst();
    }

    List<Reference> referencesTo(Symbol symbol) {
        return references.stream().filter(r -> r.target().equals(symbol)).toList();
    }

    List<Symbol> ofKind(Symbol.Kind kind) {
        return symbols.stream().filter(s -> s.kind() == kind).toList();
    }
}
