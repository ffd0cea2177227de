package dev.netc.compile;

import dev.netc.ast.SpecFile;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.diagnostics.Severity;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Warnings accepted in the source, at their place: a line comment {@code // netc:allow NS4017
 * <reason>} (the reason up to the end of the comment, or to a {@code //} that starts another
 * remark) allows the warnings of that code that start on its line, or, when the comment
 * stands on a line of its own, on the next line with code. They are then not reported, so
 * {@code --deny-warnings} can gate a pipeline on new warnings while a known one stays.
 *
 * <p>As Rust's {@code #[expect]}, a comment that no longer allows anything is itself a warning
 * (NS0021), so an acceptance does not outlive its warning; so is one without a code, without a
 * reason, or naming an error, which cannot be accepted.
 */
final class Suppressions {
    private static final String MARKER = "netc:allow";
    private static final Pattern ALLOW = Pattern.compile("//\\s*netc:allow\\b\\s*(\\S*)\\s*(.*)");

    /** One {@code netc:allow} comment: where it stands, what it allows and on which line. */
    private static final class Allowance {
        final Span comment;
        final Code code;
        final SourceFile file;
        final int line;
        boolean used;

        Allowance(Span comment, Code code, int line) {
            this.comment = comment;
            this.code = code;
            this.file = comment.file();
            this.line = line;
        }

        boolean allows(Diagnostic diagnostic) {
            return diagnostic.code() == code
                    && diagnostic.severity() != Severity.ERROR
                    && diagnostic.primary() != null
                    && diagnostic.primary().file() == file
                    && diagnostic.primary().line() == line;
        }
    }

    private Suppressions() {}

    /** The diagnostics without those the files' comments allow, with NS0021 for each comment that allows nothing. */
    static List<Diagnostic> apply(List<SpecFile> files, List<Diagnostic> diagnostics) {
        List<Allowance> allowances = new ArrayList<>();
        DiagnosticSink sink = new DiagnosticSink();
        for (SpecFile file : files) {
            // most files have none: only they are lexed again
            if (file.source().text().contains(MARKER)) {
                read(file.source(), allowances, sink);
            }
        }
        if (allowances.isEmpty() && sink.sorted().isEmpty()) {
            return diagnostics;
        }
        for (Diagnostic diagnostic : diagnostics) {
            Allowance allowance = allowances.stream()
                    .filter(a -> a.allows(diagnostic))
                    .findFirst()
                    .orElse(null);
            if (allowance == null) {
                sink.report(diagnostic);
            } else {
                allowance.used = true;
            }
        }
        for (Allowance allowance : allowances) {
            if (!allowance.used) {
                sink.report(Diagnostic.of(
                                Code.NS0021,
                                allowance.comment,
                                "allows nothing: no warning " + allowance.code + " starts on line " + allowance.line)
                        .withLabel("no longer needed")
                        .withHelp("remove the comment; the warning it accepted is gone"));
            }
        }
        return sink.sorted();
    }

    private static void read(SourceFile file, List<Allowance> allowances, DiagnosticSink sink) {
        List<SourceToken> tokens = SourceTokens.lex(file.text());
        for (int i = 0; i < tokens.size(); i++) {
            SourceToken token = tokens.get(i);
            Matcher allow = ALLOW.matcher(token.text());
            if (token.kind() != SourceToken.Kind.LINE_COMMENT || !allow.matches()) {
                continue;
            }
            Span comment = new Span(
                    file,
                    token.start(),
                    token.start() + token.text().codePointCount(0, token.text().length()));
            Code code = Code.parse(allow.group(1));
            if (code == null) {
                sink.report(Diagnostic.of(Code.NS0021, comment, "names no diagnostic code: `" + allow.group(1) + "`")
                        .withHelp("write `// netc:allow NS4017 <why the warning is accepted>`"));
            } else if (code.defaultSeverity() == Severity.ERROR) {
                sink.report(Diagnostic.of(Code.NS0021, comment, "cannot allow " + code + ", which is an error")
                        .withNote("only warnings can be accepted: an error stops the output from being written"));
            } else if (reason(allow.group(2)).isBlank()) {
                sink.report(Diagnostic.of(Code.NS0021, comment, "gives no reason")
                        .withHelp("say why the warning is accepted: `// netc:allow " + code + " <reason>`"));
            } else {
                allowances.add(new Allowance(comment, code, lineAllowed(tokens, i)));
            }
        }
    }

    /** The reason runs to the end of the comment, or to a `//` that starts another remark. */
    private static String reason(String rest) {
        int another = rest.indexOf("//");
        return another < 0 ? rest : rest.substring(0, another);
    }

    /** The comment's line when code precedes it there; else the line of the next token that is not a comment. */
    private static int lineAllowed(List<SourceToken> tokens, int comment) {
        SourceToken token = tokens.get(comment);
        boolean trailing = comment > 0 && token.newlinesBefore() == 0;
        if (trailing) {
            return token.line();
        }
        for (int next = comment + 1; next < tokens.size(); next++) {
            if (!tokens.get(next).isComment()) {
                return tokens.get(next).line();
            }
        }
        return token.line();
    }
}
