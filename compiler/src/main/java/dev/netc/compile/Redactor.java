package dev.netc.compile;

import dev.netc.ast.SpecFile;
import dev.netc.model.Cluster;
import dev.netc.model.Secret;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Hides the cluster token in what netc shows rather than writes: diagnostics in every format.
 * Messages never quote a token, but a rendered diagnostic shows source lines, and a token
 * written in the source (NS2015) or pasted into a comment would be on them. So every
 * occurrence of the token's value, and of the source text of every string written as a
 * token, is masked.
 */
public final class Redactor {
    static final String MASK = "********";

    /**
     * A string written after the word `token`, found in the text rather than the syntax tree:
     * a file with a syntax error is neither analysed nor fully parsed, and its lines are still shown.
     */
    private static final Pattern LITERAL_TOKEN = Pattern.compile("\\btoken\\s+\"((?:[^\"\\\\\\n]|\\\\.)*)\"");

    private final List<String> secrets;

    private Redactor(List<String> secrets) {
        this.secrets = secrets;
    }

    public static Redactor of(Compiler.Result result) {
        Set<String> secrets = new LinkedHashSet<>();
        result.model().cluster().flatMap(Cluster::token).map(Secret::reveal).ifPresent(secrets::add);
        for (SpecFile file : result.parsed()) {
            LITERAL_TOKEN.matcher(file.source().text()).results().forEach(m -> secrets.add(m.group(1)));
        }
        secrets.remove("");
        // longest first, so a secret that contains another is masked whole (compared by a lambda of
        // netc's own: the JDK's Comparator.comparing ones are generated at every start)
        List<String> longestFirst = new ArrayList<>(secrets);
        longestFirst.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return new Redactor(longestFirst);
    }

    public String apply(String text) {
        String masked = text;
        for (String secret : secrets) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }
}
