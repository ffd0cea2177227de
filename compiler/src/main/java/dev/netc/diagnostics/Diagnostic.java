package dev.netc.diagnostics;

import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One finding about the input: what, where, and how to fix it. Diagnostics are values; the
 * compiler never throws for bad input.
 *
 * @param primary the smallest span that shows the problem, or null for problems of the
 *     invocation itself (a missing environment variable named on the command line)
 * @param primaryLabel text under the carets; may be empty
 * @param fixes edits that would resolve the problem, best first
 */
public record Diagnostic(
        Code code,
        Severity severity,
        String message,
        Span primary,
        String primaryLabel,
        List<Label> labels,
        List<String> notes,
        Optional<String> help,
        List<Fix> fixes) {

    public Diagnostic {
        labels = List.copyOf(labels);
        notes = List.copyOf(notes);
        fixes = List.copyOf(fixes);
    }

    /** A diagnostic with the code's default severity and its bundle message. */
    public static Diagnostic of(Code code, Span primary, Object... args) {
        return new Diagnostic(
                code,
                code.defaultSeverity(),
                Messages.format(code, args),
                primary,
                "",
                List.of(),
                List.of(),
                Optional.empty(),
                List.of());
    }

    public Diagnostic withLabel(String text) {
        return new Diagnostic(code, severity, message, primary, text, labels, notes, help, fixes);
    }

    public Diagnostic withSecondary(Span span, String text) {
        List<Label> more = new ArrayList<>(labels);
        more.add(new Label(span, text));
        return new Diagnostic(code, severity, message, primary, primaryLabel, more, notes, help, fixes);
    }

    public Diagnostic withNote(String note) {
        List<String> more = new ArrayList<>(notes);
        more.add(note);
        return new Diagnostic(code, severity, message, primary, primaryLabel, labels, more, help, fixes);
    }

    public Diagnostic withHelp(String text) {
        return new Diagnostic(code, severity, message, primary, primaryLabel, labels, notes, Optional.of(text), fixes);
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(code, newSeverity, message, primary, primaryLabel, labels, notes, help, fixes);
    }

    public Diagnostic withFix(Fix fix) {
        List<Fix> more = new ArrayList<>(fixes);
        more.add(fix);
        return new Diagnostic(code, severity, message, primary, primaryLabel, labels, notes, help, more);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    // equals and hashCode written out exactly as the record's own (same components, same hash
    // codes): the generated ones are linked through an ObjectMethods bootstrap on first use,
    // which generated about 20 method-handle classes in every compile that reports something
    // (the sink keeps its diagnostics in a set). RecordLinkageTest keeps it so, and
    // HandWrittenEqualityTest holds them to every component.

    @Override
    public boolean equals(Object other) {
        return other instanceof Diagnostic that
                && code == that.code
                && severity == that.severity
                && Objects.equals(message, that.message)
                && Objects.equals(primary, that.primary)
                && Objects.equals(primaryLabel, that.primaryLabel)
                && Objects.equals(labels, that.labels)
                && Objects.equals(notes, that.notes)
                && Objects.equals(help, that.help)
                && Objects.equals(fixes, that.fixes);
    }

    @Override
    public int hashCode() {
        int hash = Objects.hashCode(code);
        hash = 31 * hash + Objects.hashCode(severity);
        hash = 31 * hash + Objects.hashCode(message);
        hash = 31 * hash + Objects.hashCode(primary);
        hash = 31 * hash + Objects.hashCode(primaryLabel);
        hash = 31 * hash + Objects.hashCode(labels);
        hash = 31 * hash + Objects.hashCode(notes);
        hash = 31 * hash + Objects.hashCode(help);
        return 31 * hash + Objects.hashCode(fixes);
    }
}
