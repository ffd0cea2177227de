package dev.netc.compile;

import dev.netc.ast.SpecFile;
import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.Fix;
import dev.netc.diagnostics.Label;
import dev.netc.diagnostics.SourceMask;
import dev.netc.diagnostics.format.DiagnosticReport;
import dev.netc.model.Secret;
import dev.netc.parse.SourceToken;
import dev.netc.parse.SourceTokens;
import dev.netc.source.SourceFile;
import dev.netc.source.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hides the cluster token in what netc shows rather than writes: diagnostics in every format.
 * The token is found by where it comes from, never by searching for its text in what is shown
 * (a token that is also a word of the spec, `app` or `allow`, would star that word everywhere
 * and shift the carets):
 *
 * <ul>
 *   <li>a token written in the source (NS2015) is the string after the word `token`: its text
 *       is masked on every source line a diagnostic shows ({@link SourceMask}, which keeps the
 *       carets under what they point at). It is found in the syntax tree, and in the tokens of
 *       a file with a syntax error, whose tree is incomplete, or that is not text (NS0010) and
 *       so has none;</li>
 *   <li>a diagnostic that points at that string may quote it, as the parser quotes what it did
 *       not expect (shortened when long): that quote is masked in its message, labels, notes,
 *       help and fixes;</li>
 *   <li>the token's value (from the source, {@code env(...)} or {@code file(...)}), or WireGuard's
 *       pre-shared key, pasted into a comment is masked there: comments are the one text netc
 *       shows but never reads.</li>
 * </ul>
 * Nothing else shows the token: the value is never an argument of a message, and reaches only
 * the node files.
 */
public final class Redactor {
    private static final Redactor NONE = new Redactor(List.of(), SourceMask.NONE);
    /** A string quoted in a message: `"text"`, or `"tex` when the message shortened it. */
    private static final Pattern QUOTED_STRING = Pattern.compile("`\"([^`]*)`");

    /** The strings written as the token, quotes included. */
    private final List<Span> literals;

    private final SourceMask mask;

    private Redactor(List<Span> literals, SourceMask mask) {
        this.literals = literals;
        this.mask = mask;
    }

    /** For what a compilation reports. */
    public static Redactor of(Compiler.Result result) {
        return of(
                result.diagnostics(),
                result.parsed(),
                result.model().cluster().stream()
                        .flatMap(cluster -> cluster.secrets().stream())
                        .map(Secret::reveal)
                        .toList());
    }

    /**
     * For what loading files reports, when they are not analysed (a fleet's template that does
     * not load), or not even parsed ({@code netc fmt}: no files, and the files its diagnostics
     * point at are lexed). Without an analysis, only a token written in the source is known.
     */
    public static Redactor of(Compiler.Loaded loaded) {
        return of(loaded.diagnostics(), loaded.files(), List.of());
    }

    /** @param values the secrets' values (the token, WireGuard's key), when an analysis found them */
    private static Redactor of(List<Diagnostic> diagnostics, List<SpecFile> parsed, List<String> values) {
        if (diagnostics.isEmpty()) {
            return NONE; // nothing is shown
        }
        // a file with a syntax error has an incomplete tree, and one that is not text (NS0010) none
        Set<SourceFile> broken = Collections.newSetFromMap(new IdentityHashMap<>());
        List<SourceFile> sources = new ArrayList<>();
        Map<SourceFile, SpecFile> trees = new IdentityHashMap<>();
        for (SpecFile file : parsed) {
            sources.add(file.source());
            trees.put(file.source(), file);
        }
        for (Diagnostic diagnostic : diagnostics) {
            if (diagnostic.code().isSyntax()
                    && diagnostic.primary() != null
                    && broken.add(diagnostic.primary().file())
                    && !trees.containsKey(diagnostic.primary().file())) {
                sources.add(diagnostic.primary().file());
            }
        }
        Map<SourceFile, List<SourceToken>> lexed = new IdentityHashMap<>();
        List<Span> literals = new ArrayList<>();
        for (SourceFile source : sources) {
            if (broken.contains(source)) {
                literals.addAll(lexedLiterals(source, tokens(source, lexed)));
            } else {
                treeLiterals(trees.get(source).statements(), literals);
            }
        }
        Set<String> secrets = new LinkedHashSet<>();
        secrets.addAll(values);
        List<Span> masked = new ArrayList<>();
        for (Span literal : literals) {
            Span inside = inside(literal);
            secrets.add(inside.text());
            masked.add(inside);
        }
        secrets.remove("");
        for (SourceFile source : sources) {
            if (elsewhereThanInLiterals(source, secrets, literals)) {
                masked.addAll(inComments(source, tokens(source, lexed), secrets));
            }
        }
        return new Redactor(List.copyOf(literals), SourceMask.of(masked));
    }

    /** The report with the token masked: in source lines, and in the diagnostics that point at it. */
    public DiagnosticReport apply(DiagnosticReport report) {
        return report.masked(report.diagnostics().stream().map(this::apply).toList(), mask);
    }

    /** The diagnostic, with the token masked in its texts if it points at the token. */
    public Diagnostic apply(Diagnostic diagnostic) {
        if (!pointsAtToken(diagnostic)) {
            return diagnostic;
        }
        List<Label> labels = diagnostic.labels().stream()
                .map(l -> new Label(l.span(), redact(l.text())))
                .toList();
        List<Fix> fixes = diagnostic.fixes().stream()
                .map(f -> new Fix(redact(f.title()), f.span(), redact(f.replacement())))
                .toList();
        return new Diagnostic(
                diagnostic.code(),
                diagnostic.severity(),
                redact(diagnostic.message()),
                diagnostic.primary(),
                redact(diagnostic.primaryLabel()),
                labels,
                diagnostic.notes().stream().map(this::redact).toList(),
                diagnostic.help().map(this::redact),
                fixes);
    }

    /** What source lines must not show, for a renderer of single diagnostics. */
    public SourceMask mask() {
        return mask;
    }

    private boolean pointsAtToken(Diagnostic diagnostic) {
        List<Span> spans = new ArrayList<>();
        if (diagnostic.primary() != null) {
            spans.add(diagnostic.primary());
        }
        diagnostic.labels().forEach(l -> spans.add(l.span()));
        diagnostic.fixes().forEach(f -> spans.add(f.span()));
        for (Span span : spans) {
            for (Span literal : literals) {
                // an empty span points at the character after it
                boolean overlaps =
                        span.start() < literal.end() && literal.start() < Math.max(span.end(), span.start() + 1);
                if (span.file() == literal.file() && overlaps) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The text with each quote of the token's string masked. */
    private String redact(String text) {
        Matcher quoted = QUOTED_STRING.matcher(text);
        StringBuilder out = new StringBuilder();
        while (quoted.find()) {
            String shown = quoted.group(1);
            boolean closed = shown.endsWith("\"");
            String start = closed ? shown.substring(0, shown.length() - 1) : shown;
            boolean ofToken = !start.isEmpty()
                    && literals.stream().anyMatch(l -> inside(l).text().startsWith(start));
            quoted.appendReplacement(
                    out,
                    Matcher.quoteReplacement(
                            ofToken ? "`\"" + SourceMask.MASK + (closed ? "\"" : "") + "`" : quoted.group()));
        }
        return quoted.appendTail(out).toString();
    }

    /** The strings written as the values of a property `token`, anywhere in the tree. */
    private static void treeLiterals(List<Statement> statements, List<Span> literals) {
        for (Statement statement : statements) {
            if (statement instanceof Statement.Block block) {
                treeLiterals(block.body(), literals);
            } else if (statement instanceof Statement.Property property
                    && property.key().text().equals("token")) {
                property.groups()
                        .forEach(group -> group.stream()
                                .filter(Value.Str.class::isInstance)
                                .forEach(value -> literals.add(value.span())));
            }
        }
    }

    /** The strings, closed or not, whose token comes right after the word `token` (comments aside). */
    private static List<Span> lexedLiterals(SourceFile file, List<SourceToken> tokens) {
        List<Span> literals = new ArrayList<>();
        SourceToken previous = null;
        for (SourceToken token : tokens) {
            if (token.isComment()) {
                continue;
            }
            boolean string = token.kind() == SourceToken.Kind.STRING
                    || (token.kind() == SourceToken.Kind.ERROR && token.text().startsWith("\""));
            if (string
                    && previous != null
                    && previous.kind() == SourceToken.Kind.NAME
                    && previous.text().equals("token")) {
                literals.add(new Span(file, token.start(), token.end()));
            }
            previous = token;
        }
        return literals;
    }

    /** A string's text between its quotes (an unclosed string has only the first). */
    private static Span inside(Span literal) {
        String text = literal.text();
        int backslashes = 0;
        while (text.length() - 2 - backslashes > 0 && text.charAt(text.length() - 2 - backslashes) == '\\') {
            backslashes++;
        }
        boolean closed = text.length() >= 2 && text.endsWith("\"") && backslashes % 2 == 0;
        return new Span(literal.file(), literal.start() + 1, closed ? literal.end() - 1 : literal.end());
    }

    /**
     * Whether a secret stands in the file anywhere but in the token's strings: more often in
     * the text than in those strings. Only then are its comments looked at.
     */
    private static boolean elsewhereThanInLiterals(SourceFile file, Set<String> secrets, List<Span> literals) {
        for (String secret : secrets) {
            int inLiterals = 0;
            for (Span literal : literals) {
                inLiterals += literal.file() == file ? count(inside(literal).text(), secret) : 0;
            }
            if (count(file.text(), secret) > inLiterals) {
                return true;
            }
        }
        return false;
    }

    /** Where secrets stand in the file's comments. */
    private static List<Span> inComments(SourceFile file, List<SourceToken> tokens, Set<String> secrets) {
        List<Span> spans = new ArrayList<>();
        for (SourceToken comment : tokens) {
            if (!comment.isComment()) {
                continue;
            }
            String text = comment.text();
            for (String secret : secrets) {
                for (int at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
                    int start = comment.start() + text.codePointCount(0, at);
                    spans.add(new Span(file, start, start + secret.codePointCount(0, secret.length())));
                }
            }
        }
        return spans;
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static List<SourceToken> tokens(SourceFile file, Map<SourceFile, List<SourceToken>> lexed) {
        return lexed.computeIfAbsent(file, f -> SourceTokens.lex(f.text()));
    }
}
