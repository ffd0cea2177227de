package dev.netc.yaml;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Which strings a YAML 1.1 reader would take for something else. Kubernetes decodes YAML with
 * YAML 1.1 rules (go-yaml v2), so a label value {@code no} or {@code 0777} written plain
 * would become a boolean or a number there; such strings are always quoted, and so is any
 * string whose plain form depends on subtle YAML rules.
 */
final class Yaml11 {
    // an array, not a list: iterating a list allocates an iterator, and this is asked of every scalar
    private static final String[] BOOLEANS_AND_NULLS = {
        "y", "yes", "n", "no", "true", "false", "on", "off", "null", "~", ""
    };

    /** The first characters of {@link #BOOLEANS_AND_NULLS} in either ASCII case. */
    private static final String FIRST_CHARACTERS = "yYnNtTfFoO~";

    private Yaml11() {}

    static boolean isAmbiguous(String value) {
        // A leading indicator (`::/0`, `*x`, `- x`) or an inner `: ` / ` #` is read differently by
        // older parsers even where YAML 1.2 allows it plain: quote rather than rely on that.
        if (!value.isEmpty() && "-?:,[]{}#&*!|>'\"%@`".indexOf(value.charAt(0)) >= 0
                || value.contains(": ")
                || value.contains(" #")
                || value.endsWith(":")) {
            return true;
        }
        if (startsWithLetter(value)) {
            // most strings netc writes are names; this spares them the regular expressions below
            return isBooleanOrNull(value);
        }
        if (isBooleanOrNull(value)) {
            return true;
        }
        if (couldBeNumber(value) && Patterns.NUMBER.matcher(value).matches()) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        return couldBeTimestamp(value) && Patterns.TIMESTAMP.matcher(value).matches()
                || lower.equals(".inf")
                || lower.equals("-.inf")
                || lower.equals(".nan");
    }

    /**
     * Whether the text starts with an ASCII letter: then the only other readings YAML 1.1 (and
     * the 1.2 core schema) have for it are booleans and nulls. Numbers, timestamps and the
     * special floats start with a digit, a sign or a dot.
     */
    static boolean startsWithLetter(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first >= 'a' && first <= 'z' || first >= 'A' && first <= 'Z';
    }

    /**
     * {@code yes}, {@code Off}, {@code NULL}, {@code ~}, the empty string and the like, in any
     * ASCII case. Asked of every key and value written, so it allocates nothing.
     */
    static boolean isBooleanOrNull(String value) {
        if (value.length() > 5) {
            return false;
        }
        // each word starts with one of these letters (or is empty): most keys and values are
        // decided by their first character, not compared with every word
        if (!value.isEmpty() && FIRST_CHARACTERS.indexOf(value.charAt(0)) < 0) {
            return false;
        }
        for (String word : BOOLEANS_AND_NULLS) {
            if (word.equalsIgnoreCase(value) && isAscii(value)) {
                return true;
            }
        }
        return false;
    }

    /** Only ASCII: then ignoring case is what lower-casing in the root locale does. */
    private static boolean isAscii(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    /**
     * A YAML 1.1 number has a digit, at most one `.` and no `/`. The test spares addresses and
     * CIDRs the regular expression, which is compiled only when some value needs it: compiling
     * it cost about a millisecond of every start.
     */
    private static boolean couldBeNumber(String value) {
        return containsDigit(value) && value.indexOf('/') < 0 && value.indexOf('.') == value.lastIndexOf('.');
    }

    /** A YAML 1.1 timestamp starts with a year and a `-`: {@code 2001-12-14}. */
    private static boolean couldBeTimestamp(String value) {
        return value.length() > 4 && value.charAt(4) == '-' && Character.isDigit(value.charAt(0));
    }

    /** Compiled on first use (see {@link #couldBeNumber}). */
    private static final class Patterns {
        static final Pattern NUMBER =
                Pattern.compile("[-+]?(0b[01_]+|0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(:[0-5]?[0-9])+(\\.[0-9_]*)?"
                        + "|([0-9][0-9_]*)?\\.?[0-9_]*([eE][-+]?[0-9]+)?|\\.(inf|Inf|INF|nan|NaN|NAN))");
        static final Pattern TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt ].*)?");
    }

    private static boolean containsDigit(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
