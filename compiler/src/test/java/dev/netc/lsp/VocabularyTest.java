package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.compile.Compiler;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The words completion offers are the words the compiler takes: every one is accepted where it
 * is offered, and every property the compiler lists for a block is offered there.
 */
class VocabularyTest {
    /** A file with `{}` where a block's statement goes, inside a minimal context. */
    private static final Map<String, String> CONTEXTS = Map.of(
            Vocabulary.TOP_LEVEL, "{}\n",
            "network", "network n {\n{}\n}\n",
            "cluster", "cluster c {\n{}\n}\n",
            "node", "cluster c {\n node n {\n{}\n }\n}\n",
            "canal", "cluster c {\n canal {\n{}\n }\n}\n",
            "kube-proxy", "cluster c {\n kube-proxy ipvs {\n{}\n }\n}\n",
            "namespace", "namespace ns {\n{}\n}\n",
            "tier", "namespace ns {\n tier t {\n{}\n }\n}\n");

    private static final Set<Code> MISPLACED = Set.of(Code.NS1005, Code.NS1006, Code.NS1007);

    @Test
    void everyOfferedStatementIsAcceptedInItsBlock() {
        assertThat(CONTEXTS.keySet()).isEqualTo(Vocabulary.STATEMENTS.keySet());
        Vocabulary.STATEMENTS.forEach((block, words) -> {
            for (String word : words) {
                List<Diagnostic> misplaced = compile(CONTEXTS.get(block).replace("{}", statement(block, word))).stream()
                        .filter(d -> MISPLACED.contains(d.code())).toList();
                assertThat(misplaced).as("`%s` in %s", word, block.isEmpty() ? "the top level" : block).isEmpty();
            }
        });
    }

    @Test
    void everyPropertyTheCompilerListsIsOffered() {
        Set<String> checked = new TreeSet<>();
        Vocabulary.STATEMENTS.forEach((block, words) -> {
            // an unknown property far from every known one: the compiler lists the block's properties in a note
            for (Diagnostic diagnostic : compile(CONTEXTS.get(block).replace("{}", "zzzzzzzzzzzz"))) {
                diagnostic.notes().stream().filter(n -> n.startsWith("properties of ")).forEach(note -> {
                    Set<String> listed = Arrays.stream(note.substring(note.indexOf(':') + 1).split(","))
                            .map(String::strip).collect(Collectors.toCollection(TreeSet::new));
                    assertThat(words).as("properties of %s", block).containsAll(listed);
                    checked.add(block);
                });
            }
        });
        // the top level takes no properties; every block does
        assertThat(checked).containsExactlyInAnyOrder("network", "cluster", "node", "canal", "kube-proxy", "namespace", "tier");
    }

    /** A statement that starts with the word and parses: blocks get braces, flows and imports their parts. */
    private static String statement(String block, String word) {
        return switch (block + " " + word) {
            case " import" -> "import \"std/ports\"";
            case " param" -> "param p: int = 1";
            case " external" -> "external e = 10.0.0.0/8";
            case " port" -> "port p = 80/tcp"; // a port constant
            case "tier port" -> "port http 80/tcp"; // a named port of the tier
            case "cluster pods" -> "pods 10.42.0.0/16"; // the cluster's pod range, not a selector
            default -> switch (word) {
                case "allow" -> "allow * -> *";
                case "pods", "labels" -> word + " a=b";
                case "network", "cluster", "namespace", "node", "tier" -> word + " x { }";
                case "canal", "rke2" -> word + " { }";
                default -> word;
            };
        };
    }

    private static List<Diagnostic> compile(String text) {
        return Compiler.compile(new Compiler.Request(List.of(), List.of(new SourceFile("v.netspec", text)), Path.of(""),
                Path.of(""), Map.of(), DocumentChecker.NO_SECRETS, Emitter.Options.DEFAULT)).diagnostics();
    }
}
