package dev.netc.evaluator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the plainest YAML there is, as {@link KubeYaml} would read it with snakeyaml, about ten
 * times faster: the NetworkPolicies of a thousand namespaces are 14 MB of it, and reading them
 * back took longer than compiling them. It knows block mappings and sequences (a sequence
 * indented under its key), the empty flow collections {@code {}} and {@code []}, plain scalars
 * that are unmistakably a string or a small decimal integer, and double-quoted strings of
 * printable ASCII whose only escapes are {@code \"} and {@code \\}. Anything else (comments,
 * tabs, other scalars, block scalars, multi-line scalars, duplicate keys, flow content) makes it
 * answer empty, and the text is left to snakeyaml. {@code BlockYamlTest} holds it to snakeyaml on
 * random documents and on random damage done to them.
 */
final class BlockYaml {
    private final String text;
    /** Start of each line, and the text's length after the last. */
    private final int[] starts;

    private int line;

    /** Signals text outside what this reader knows. */
    private static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported() {
            super(null, null, false, false);
        }
    }

    private BlockYaml(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    /** The documents of the text, each a mapping; empty when the text is not of the plain kind. */
    static Optional<List<Map<String, Object>>> read(String text) {
        int[] starts = lineStarts(text);
        if (starts == null) {
            return Optional.empty();
        }
        BlockYaml reader = new BlockYaml(text, starts);
        try {
            return Optional.of(reader.documents());
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /**
     * Where each line starts; null when the text holds anything but printable ASCII and line
     * feeds, or does not end with a line feed.
     */
    private static int[] lineStarts(String text) {
        if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
            return null;
        }
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                count++;
            } else if (c < 0x20 || c > 0x7e) {
                return null;
            }
        }
        int[] starts = new int[count + 1];
        int next = 1;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts[next++] = i + 1;
            }
        }
        return starts;
    }

    private int lines() {
        return starts.length - 1;
    }

    /** The line's text without its line feed. */
    private String lineText(int index) {
        return text.substring(starts[index], starts[index + 1] - 1);
    }

    private int indentOf(int index) {
        int i = starts[index];
        int end = starts[index + 1] - 1;
        while (i < end && text.charAt(i) == ' ') {
            i++;
        }
        return i - starts[index];
    }

    private boolean isSeparator(int index) {
        return text.startsWith("---\n", starts[index]);
    }

    private List<Map<String, Object>> documents() throws Unsupported {
        List<Map<String, Object>> documents = new ArrayList<>();
        if (lines() > 0 && isSeparator(0)) {
            line = 1;
        }
        while (line < lines()) {
            if (isSeparator(line) || indentOf(line) != 0) {
                throw new Unsupported(); // an empty document, or one that is not a mapping
            }
            documents.add(mapping(0, -1));
            if (line < lines()) {
                if (!isSeparator(line)) {
                    throw new Unsupported();
                }
                line++;
                if (line == lines()) {
                    throw new Unsupported(); // a document marker ends the text
                }
            }
        }
        if (documents.isEmpty()) {
            throw new Unsupported();
        }
        return documents;
    }

    /**
     * A block mapping whose entries start at column {@code indent}; with {@code inline} at or
     * after zero, its first entry starts there on the current line, after a sequence's
     * {@code "- "}.
     */
    private Map<String, Object> mapping(int indent, int inline) throws Unsupported {
        Map<String, Object> mapping = new LinkedHashMap<>();
        int from = inline;
        while (line < lines()) {
            if (from < 0) {
                if (isSeparator(line) || indentOf(line) < indent) {
                    break;
                }
                if (indentOf(line) > indent) {
                    throw new Unsupported();
                }
                from = starts[line] + indent;
            }
            int end = starts[line + 1] - 1;
            int colon = key(from, end);
            String key = text.substring(from, colon);
            if (mapping.containsKey(key)) {
                throw new Unsupported(); // snakeyaml refuses it, with its own message
            }
            if (colon + 1 == end) {
                line++;
                mapping.put(key, nested(indent));
            } else {
                if (text.charAt(colon + 1) != ' ') {
                    throw new Unsupported();
                }
                mapping.put(key, inlineValue(colon + 2, end));
                line++;
                noContinuation(indent);
            }
            from = -1;
        }
        return mapping;
    }

    /** A key of letters, digits and {@code . _ / -}, starting with a letter and no boolean or null: the position of its colon. */
    private int key(int from, int end) throws Unsupported {
        int i = from;
        if (i >= end || !isLetter(text.charAt(i))) {
            throw new Unsupported();
        }
        while (i < end && isKeyCharacter(text.charAt(i))) {
            i++;
        }
        if (i >= end || text.charAt(i) != ':' || isBooleanOrNull(text, from, i)) {
            throw new Unsupported();
        }
        return i;
    }

    /** The value of a key with nothing after its colon: a block mapping or sequence on the lines below. */
    private Object nested(int indent) throws Unsupported {
        if (line >= lines() || isSeparator(line) || indentOf(line) <= indent) {
            throw new Unsupported(); // an empty value (null), or an indentless sequence
        }
        int inner = indentOf(line);
        if (text.startsWith("- ", starts[line] + inner)) {
            return sequence(inner);
        }
        return mapping(inner, -1);
    }

    /** A block sequence whose {@code "- "} are at column {@code indent}. */
    private List<Object> sequence(int indent) throws Unsupported {
        List<Object> sequence = new ArrayList<>();
        while (line < lines() && !isSeparator(line) && indentOf(line) >= indent) {
            if (indentOf(line) > indent || !text.startsWith("- ", starts[line] + indent)) {
                throw new Unsupported();
            }
            int from = starts[line] + indent + 2;
            int end = starts[line + 1] - 1;
            if (from < end && isLetter(text.charAt(from)) && isKeyThenColon(from, end)) {
                sequence.add(mapping(indent + 2, from));
            } else {
                sequence.add(inlineValue(from, end));
                line++;
                noContinuation(indent);
            }
        }
        return sequence;
    }

    /** Whether the item's text is a key followed by a colon, as a mapping in a sequence starts. */
    private boolean isKeyThenColon(int from, int end) {
        int i = from;
        while (i < end && isKeyCharacter(text.charAt(i))) {
            i++;
        }
        return i < end && text.charAt(i) == ':' && (i + 1 == end || text.charAt(i + 1) == ' ');
    }

    /** After a value on its line, a line more indented would continue it (a multi-line scalar). */
    private void noContinuation(int indent) throws Unsupported {
        if (line < lines() && !isSeparator(line) && indentOf(line) > indent) {
            throw new Unsupported();
        }
    }

    /** A value written on its key's (or its dash's) line. */
    private Object inlineValue(int from, int end) throws Unsupported {
        int length = end - from;
        if (length == 2 && text.startsWith("{}", from)) {
            return new LinkedHashMap<String, Object>();
        }
        if (length == 2 && text.startsWith("[]", from)) {
            return new ArrayList<>();
        }
        if (length > 0 && text.charAt(from) == '"') {
            return quoted(from, end);
        }
        return plain(from, end);
    }

    /** A double-quoted string that ends on its line, escaping only quotes and backslashes. */
    private String quoted(int from, int end) throws Unsupported {
        StringBuilder value = new StringBuilder(end - from);
        int i = from + 1;
        while (i < end) {
            char c = text.charAt(i);
            if (c == '"') {
                if (i + 1 != end) {
                    throw new Unsupported();
                }
                return value.toString();
            }
            if (c == '\\') {
                if (i + 1 >= end || (text.charAt(i + 1) != '"' && text.charAt(i + 1) != '\\')) {
                    throw new Unsupported();
                }
                i++;
                c = text.charAt(i);
            }
            value.append(c);
            i++;
        }
        throw new Unsupported();
    }

    /**
     * A plain scalar the core schema can only read one way: a word that starts with a letter and
     * is no boolean or null (a string), up to nine decimal digits without a leading zero (an
     * integer), or text that starts with a digit and has a {@code /}, {@code :} or two dots, as
     * addresses and CIDRs have (no number of the core schema has them: a string).
     */
    private Object plain(int from, int end) throws Unsupported {
        if (from >= end || text.charAt(end - 1) == ' ') {
            throw new Unsupported();
        }
        String value = text.substring(from, end);
        if (value.contains(": ") || value.contains(" #") || value.endsWith(":")) {
            throw new Unsupported();
        }
        char first = value.charAt(0);
        if (isLetter(first)) {
            if (isBooleanOrNull(text, from, end)) {
                throw new Unsupported();
            }
            return value;
        }
        if (first >= '0' && first <= '9') {
            if (isDigits(value) && value.length() <= 9 && (first != '0' || value.length() == 1)) {
                return Integer.valueOf(value);
            }
            if (value.indexOf('/') >= 0 || value.indexOf(':') >= 0 || value.indexOf('.') != value.lastIndexOf('.')) {
                return value;
            }
        }
        throw new Unsupported();
    }

    private static boolean isDigits(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isKeyCharacter(char c) {
        return isLetter(c) || c >= '0' && c <= '9' || c == '.' || c == '_' || c == '/' || c == '-';
    }

    /**
     * Words that either schema reads as a boolean or null: the core schema's, and YAML 1.1's
     * {@code yes}, {@code no}, {@code on}, {@code off}, {@code y}, {@code n} (left to snakeyaml
     * too, so that no reader's opinion of them matters here).
     */
    private static boolean isBooleanOrNull(String text, int from, int end) {
        if (end - from > 5) {
            return false;
        }
        return switch (text.substring(from, end).toLowerCase(java.util.Locale.ROOT)) {
            case "null", "true", "false", "yes", "no", "on", "off", "y", "n" -> true;
            default -> false;
        };
    }
}
