package dev.netc.compile;

import dev.netc.ast.Statement;
import dev.netc.ast.Value;
import dev.netc.model.Cluster;
import dev.netc.model.Secret;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hides the cluster token in what netc shows rather than writes: diagnostics in every format.
 * Messages never quote a token, but a rendered diagnostic shows source lines, and a token
 * written in the source (NS2015) or pasted into a comment would be on them. So every
 * occurrence of the token's value, and of the source text of every string written as a
 * token, is masked.
 */
public final class Redactor {
    static final String MASK = "********";

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor of(Compiler.Result result) {
        Set<String> secrets = new LinkedHashSet<>();
        result.model().cluster().flatMap(Cluster::token).map(Secret::reveal).ifPresent(secrets::add);
        // from the parsed files, not the analysis: a file with a syntax error is never analysed
        result.parsed().forEach(file -> literalTokens(file.statements(), secrets));
        secrets.remove("");
        // longest first, so a secret that contains another is masked whole
        return new Redactor(secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }

    public String apply(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** The source text of every string given to a `token` property, in any block. */
    private static void literalTokens(List<Statement> statements, Set<String> secrets) {
        for (Statement statement : statements) {
            if (statement instanceof Statement.Block block) {
                literalTokens(block.body(), secrets);
            } else if (statement instanceof Statement.Property property && property.key().text().equals("token")) {
                property.groups().stream().flatMap(List::stream).filter(Value.Str.class::isInstance)
                        .forEach(value -> secrets.add(unquoted(value.span().text())));
            }
        }
    }

    private static String unquoted(String literal) {
        return literal.length() >= 2 && literal.startsWith("\"") && literal.endsWith("\"")
                ? literal.substring(1, literal.length() - 1) : literal;
    }
}
