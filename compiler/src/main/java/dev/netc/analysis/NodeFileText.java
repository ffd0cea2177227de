package dev.netc.analysis;

import dev.netc.consumers.ConsumerTables;
import dev.netc.consumers.YamlCharacters;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.source.Span;
import java.util.Locale;
import java.util.Optional;

/**
 * Text the user writes that netc copies into the node files (RKE2 option values, `tls-san`,
 * `domain`; the air-gap `images` folder and archives for the characters alone), checked where it is
 * written rather than found in the output:
 *
 * <ul>
 *   <li>{@code {{}: provider-rke2 writes the RKE2 config through yip, which renders file content as
 *       a Go template (mudler/yip@62df27a pkg/plugins/files.go:64), so it would be evaluated on the
 *       node (NS4012);
 *   <li>a character the YAML readers on the node refuse or read as a line break
 *       (yaml-characters.tsv), and the other control characters, which no value RKE2 turns into a
 *       command-line flag means to hold (NS2029).
 * </ul>
 */
final class NodeFileText {
    private static final String YIP_TEMPLATES = "mudler/yip@62df27a pkg/plugins/files.go:64";

    private final DiagnosticSink sink;

    NodeFileText(DiagnosticSink sink) {
        this.sink = sink;
    }

    /**
     * Reports what the text cannot carry, at {@code span}; true when nothing is wrong.
     *
     * @param what the value, as messages name it: {@code `node-name`}, {@code `tls-san`}
     */
    boolean check(String text, Span span, String what) {
        boolean ok = true;
        if (text.contains("{{")) {
            sink.report(
                    Diagnostic.of(Code.NS4012, span)
                            .withNote(what + " goes into the RKE2 config, which yip writes as a Go template ("
                                    + YIP_TEMPLATES + "): the node would get what the template renders")
                            .withHelp(
                                    "leave `{{` out; a value per node belongs in the node's own `rke2 { }` block, or in a `param`"));
            ok = false;
        }
        return characters(text, span, what) && ok;
    }

    /**
     * Reports the first character of the text the node's YAML readers cannot take (NS2029), for
     * text that reaches the node files but not the RKE2 config; true when there is none.
     */
    boolean characters(String text, Span span, String what) {
        Optional<Problem> problem = problem(text);
        problem.ifPresent(p -> sink.report(Diagnostic.of(Code.NS2029, span, what, p.character())
                .withNote(p.why())
                .withHelp("remove the character; if it came from a `param`, check the value given for it")));
        return problem.isEmpty();
    }

    /** A character that cannot reach the node, and why. */
    record Problem(String character, String why) {}

    /** The first character of the text that the node's readers cannot take as written, if any. */
    static Optional<Problem> problem(String text) {
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 0x20 && c < 0x7f) {
                continue;
            }
            for (YamlCharacters row : ConsumerTables.YAML_CHARACTERS) {
                if (row.contains(c)) {
                    return Optional.of(new Problem(
                            describe(c), row.reader() + ": " + row.behaviour() + " (" + row.source() + ")"));
                }
            }
            if (c < 0x20) {
                // tab, line feed and carriage return: the readers take them escaped, but RKE2 passes
                // the value on as one command-line flag, where a line break or tab is never meant
                return Optional.of(new Problem(
                        describe(c),
                        "RKE2 hands the value on as a command-line flag; a line break or tab in it is a mistake"));
            }
        }
        return Optional.empty();
    }

    /** {@code U+2028 (LINE SEPARATOR)}: the code point and its Unicode name, never the character itself. */
    static String describe(int codePoint) {
        String name = Character.getName(codePoint);
        return String.format(Locale.ROOT, "U+%04X", codePoint) + (name == null ? "" : " (" + name + ")");
    }
}
