package dev.netc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.emit.OutputFile;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import org.snakeyaml.engine.v2.schema.CoreSchema;

/**
 * Checks on emitted YAML that do not trust the compiler's own YAML code: every file parses,
 * and no string is written plain where Kubernetes' YAML 1.1 reader (go-yaml v2) would take it
 * for a boolean, null, number or timestamp. The YAML 1.1 rules here are written from the
 * YAML 1.1 type repository (yaml.org/type), independently of {@code dev.netc.yaml.Yaml11}.
 */
public final class YamlOutput {
    private static final Pattern YAML11_BOOL_OR_NULL = Pattern.compile(
            "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL|");
    private static final Pattern YAML11_INT = Pattern.compile(
            "[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+");
    private static final Pattern YAML11_FLOAT =
            Pattern.compile("[-+]?([0-9][0-9_]*)?\\.[0-9_]*([eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*"
                    + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
    private static final Pattern YAML11_TIMESTAMP = Pattern.compile("[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}([Tt \\t].*)?");

    private YamlOutput() {}

    /** Parses every document of the file and checks its strings; a node file's embedded RKE2 config too. */
    public static void check(OutputFile file) {
        String text = file.content();
        if (file.path().startsWith("nodes/")) {
            assertThat(text).as(file.path()).startsWith("#cloud-config\n");
        }
        for (Node document : compose(text)) {
            checkStrings(file.path(), document);
        }
        if (file.path().startsWith("nodes/")) {
            Object root = new Load(LoadSettings.builder().build()).loadFromString(text);
            Object config = ((Map<?, ?>) ((Map<?, ?>) root).get("cluster")).get("config");
            compose((String) config).forEach(node -> checkStrings(file.path() + " cluster.config", node));
        }
    }

    private static Iterable<Node> compose(String text) {
        // the core schema types `0600` as a number, as Kairos means it; only what it calls a string is checked
        LoadSettings settings =
                LoadSettings.builder().setSchema(new CoreSchema()).build();
        return () -> new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
    }

    private static void checkStrings(String where, Node node) {
        if (node instanceof ScalarNode scalar) {
            if (scalar.getTag().equals(Tag.STR) && scalar.getScalarStyle() == ScalarStyle.PLAIN) {
                assertThat(isYaml11NonString(scalar.getValue()))
                        .as("%s: plain `%s` is not a string to a YAML 1.1 reader", where, scalar.getValue())
                        .isFalse();
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> checkStrings(where, item));
        } else if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                checkStrings(where, tuple.getKeyNode());
                checkStrings(where, tuple.getValueNode());
            }
        }
    }

    static boolean isYaml11NonString(String plain) {
        return YAML11_BOOL_OR_NULL.matcher(plain).matches()
                || YAML11_INT.matcher(plain).matches()
                || YAML11_FLOAT.matcher(plain).matches()
                || YAML11_TIMESTAMP.matcher(plain).matches();
    }
}
