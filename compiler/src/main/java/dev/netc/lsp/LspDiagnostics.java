package dev.netc.lsp;

import dev.netc.compile.Redactor;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Fix;
import dev.netc.diagnostics.Label;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.lsp4j.CodeAction;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.DiagnosticRelatedInformation;
import org.eclipse.lsp4j.DiagnosticSeverity;
import org.eclipse.lsp4j.Location;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.WorkspaceEdit;

/**
 * The compiler's diagnostics as the protocol's, with the same codes and spans; their fixes as
 * quick-fix code actions. A diagnostic without a position in the document is shown on its first
 * line: a problem of the compilation as a whole, or an error in an imported file (which stops
 * this document's compilation too); warnings about other files are left to those files.
 */
final class LspDiagnostics {
    private static final Range FIRST_LINE = new Range(new Position(0, 0), new Position(0, 0));

    private final Snapshot snapshot;
    private final Function<Span, Optional<Location>> locations;
    /** What the texts must not show: a literal token that a diagnostic quotes, as {@code netc check} masks it. */
    private final Redactor redactor;

    LspDiagnostics(Snapshot snapshot, Function<Span, Optional<Location>> locations) {
        this.snapshot = snapshot;
        this.locations = locations;
        this.redactor = Redactor.of(snapshot.result());
    }

    List<org.eclipse.lsp4j.Diagnostic> all() {
        return snapshot.diagnostics().stream()
                .filter(d -> d.primary() == null || inDocument(d.primary()) || d.isError())
                .map(this::convert)
                .toList();
    }

    /** The quick fixes of the diagnostics that touch {@code range}. */
    List<CodeAction> fixes(Range range) {
        List<CodeAction> actions = new ArrayList<>();
        for (Diagnostic diagnostic : snapshot.diagnostics()) {
            if (!inDocument(diagnostic.primary()) || !overlaps(Positions.range(diagnostic.primary()), range)) {
                continue;
            }
            for (Fix fix : diagnostic.fixes()) {
                locations.apply(fix.span()).ifPresent(location -> {
                    CodeAction action = new CodeAction(fix.title());
                    action.setKind(CodeActionKind.QuickFix);
                    action.setDiagnostics(List.of(convert(diagnostic)));
                    action.setIsPreferred(fix == diagnostic.fixes().get(0));
                    action.setEdit(new WorkspaceEdit(
                            Map.of(location.getUri(), List.of(new TextEdit(location.getRange(), fix.replacement())))));
                    actions.add(action);
                });
            }
        }
        return actions;
    }

    private org.eclipse.lsp4j.Diagnostic convert(Diagnostic original) {
        Diagnostic diagnostic = redactor.apply(original);
        Span primary = diagnostic.primary();
        boolean here = inDocument(primary);
        StringBuilder message = new StringBuilder();
        if (primary != null && !here) {
            message.append("in ").append(primary.location()).append(": ");
        }
        message.append(diagnostic.message());
        if (!diagnostic.primaryLabel().isEmpty()) {
            message.append(": ").append(diagnostic.primaryLabel());
        }
        diagnostic.notes().forEach(note -> message.append("\nnote: ").append(note));
        diagnostic.help().ifPresent(help -> message.append("\nhelp: ").append(help));
        org.eclipse.lsp4j.Diagnostic converted = new org.eclipse.lsp4j.Diagnostic(
                here ? Positions.range(primary) : FIRST_LINE,
                message.toString(),
                severity(diagnostic),
                "netc",
                diagnostic.code().name());
        List<DiagnosticRelatedInformation> related = new ArrayList<>();
        for (Label label : diagnostic.labels()) {
            locations
                    .apply(label.span())
                    .ifPresent(location -> related.add(new DiagnosticRelatedInformation(location, label.text())));
        }
        if (!related.isEmpty()) {
            converted.setRelatedInformation(related);
        }
        return converted;
    }

    private boolean inDocument(Span span) {
        return span != null && span.file() == snapshot.source();
    }

    private static DiagnosticSeverity severity(Diagnostic diagnostic) {
        return switch (diagnostic.severity()) {
            case ERROR -> DiagnosticSeverity.Error;
            case WARNING -> DiagnosticSeverity.Warning;
            case NOTE -> DiagnosticSeverity.Information;
        };
    }

    private static boolean overlaps(Range a, Range b) {
        return !before(a.getEnd(), b.getStart()) && !before(b.getEnd(), a.getStart());
    }

    private static boolean before(Position a, Position b) {
        return a.getLine() < b.getLine() || a.getLine() == b.getLine() && a.getCharacter() < b.getCharacter();
    }
}
