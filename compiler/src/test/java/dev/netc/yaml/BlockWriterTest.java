package dev.netc.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.Tag;

/**
 * netc's own YAML writer must write every document exactly as snakeyaml's emitter does, or leave
 * it to snakeyaml: the output may only get faster, never different.
 */
class BlockWriterTest {
    /** Scalars that are plain, quoted, ambiguous, escaped, non-ASCII, blank-edged, or YAML syntax. */
    private static final List<String> TEXTS = List.of(
            "app",
            "store-12.example.com",
            "proxy-mode=ipvs",
            "10.0.0.0/8",
            "/var/lib/rancher/rke2/server/manifests/x.yaml",
            "kubernetes.io/metadata.name",
            "a:b",
            "a: b",
            "a #b",
            "a#b",
            "x:",
            "-x",
            "- x",
            "?x",
            "...",
            "..x",
            "---",
            "yes",
            "no",
            "on",
            "~",
            "null",
            "",
            " ",
            " lead",
            "trail ",
            "a  b",
            "0640",
            "8080",
            "1_000",
            "12:30",
            "1e3",
            "0x1F",
            ".inf",
            "say \"hi\"",
            "back\\slash",
            "tab\there",
            "line\nbreak",
            "ünïcode",
            "emoji \uD83D\uDE00",
            "comma,list",
            "[x]",
            "{y}",
            "it's",
            "%pct",
            "@at",
            "`tick",
            "a'b",
            "k=v,w",
            "10.0.1.10",
            "1.2.3",
            "1.5",
            "1/2",
            "1:2",
            "fd00::1",
            "2001:db8::/32",
            "10.0.0.1:6443",
            "::/0",
            "0x1F/8",
            "1e3.4");

    private static final List<String> LITERALS = List.of(
            "one line\n",
            "two\nlines\n",
            "no final break",
            "blank\n\nline\n",
            "  indented first\n",
            "\nstarts with a break\n",
            "keep\n\n",
            "trailing space \nx\n",
            "tab\tin text\n",
            "unicode ü\n",
            "\n",
            "a\n  nested: 1\n  list:\n    - x\n");

    private final Random random = new Random(7);

    private Node scalar() {
        return switch (random.nextInt(7)) {
            case 0 -> Yaml.quoted(pick(TEXTS));
            case 1 -> Yaml.number(random.nextInt(70_000) - 5);
            case 2 -> Yaml.bool(random.nextBoolean());
            case 3 -> Yaml.octal(random.nextInt(0777));
            // plain whatever the text: the writer must ask how a reader would type it ("8080" is no string)
            case 4 -> new ScalarNode(Tag.STR, pick(TEXTS), ScalarStyle.PLAIN);
            default -> Yaml.string(pick(TEXTS));
        };
    }

    private Node node(int depth) {
        int kind = depth > 3 ? 0 : random.nextInt(6);
        return switch (kind) {
            case 1 -> Yaml.literal(pick(LITERALS));
            case 2, 3 -> mapping(depth + 1);
            case 4 -> {
                List<Node> items = new ArrayList<>();
                int size = random.nextInt(4);
                for (int i = 0; i < size; i++) {
                    items.add(
                            random.nextInt(3) == 0
                                    ? mapping(depth + 1)
                                    : random.nextInt(8) == 0 ? node(depth + 1) : scalar());
                }
                yield Yaml.seq(items);
            }
            default -> scalar();
        };
    }

    private Node mapping(int depth) {
        Yaml.MapBuilder map = Yaml.map();
        int size = random.nextInt(4);
        for (int i = 0; i < size; i++) {
            map.put(random.nextInt(10) == 0 ? pick(TEXTS) : "key" + i, node(depth));
        }
        return map.build();
    }

    private String pick(List<String> texts) {
        return texts.get(random.nextInt(texts.size()));
    }

    @Test
    void randomDocumentsAreWrittenExactlyAsSnakeyamlWritesThem() {
        int fast = 0;
        for (int i = 0; i < 10_000; i++) {
            Node root = Yaml.map().put("root", node(0)).put("other", node(1)).build();
            String expected = Yaml.dump(root);
            assertThat(Yaml.write(root)).as("document %d", i).isEqualTo(expected);
            // as entries of an enclosing mapping (a cloud-config's stages): snakeyaml's lines, indented
            int indent = 2 * random.nextInt(3);
            assertThat(Yaml.writeIndented(root, indent))
                    .as("document %d indented by %d", i, indent)
                    .isEqualTo(expected.lines()
                            .map(line -> line.isEmpty() ? "\n" : " ".repeat(indent) + line + "\n")
                            .collect(java.util.stream.Collectors.joining()));
            if (BlockWriter.write(root, Yaml::scalarResolver).isPresent()) {
                fast++;
            }
        }
        assertThat(fast).as("documents the fast writer wrote itself").isGreaterThan(500);
    }

    /** A long sequence's items are written each on its own (in parallel) and joined in order. */
    @Test
    void aLongSequenceIsWrittenAsSnakeyamlWritesIt() {
        List<Node> files = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            files.add(Yaml.map()
                    .put("path", "/var/lib/rancher/rke2/server/manifests/netc-policies-ns" + i + ".yaml")
                    .put("permissions", Yaml.octal(0600))
                    .put("content", Yaml.literal("kind: Namespace\nmetadata:\n  name: ns" + i + "\n"))
                    .build());
        }
        Node root = Yaml.map().put("files", Yaml.seq(files)).build();
        assertThat(BlockWriter.write(root, Yaml::scalarResolver)).contains(Yaml.dump(root));

        // one item the fast writer does not know sends the whole document to snakeyaml
        List<Node> withUnknown = new ArrayList<>(files);
        withUnknown.add(150, Yaml.literal("keep\n\n"));
        Node mixed = Yaml.map().put("files", Yaml.seq(withUnknown)).build();
        assertThat(BlockWriter.write(mixed, Yaml::scalarResolver)).isEmpty();
        assertThat(Yaml.writeIndented(mixed, 2)).isEqualTo(Yaml.indented(Yaml.dump(mixed), 2));
    }

    @Test
    void netcsUsualShapesTakeTheFastPath() {
        Node policy = Yaml.map()
                .put("apiVersion", "networking.k8s.io/v1")
                .put("kind", "NetworkPolicy")
                .put(
                        "metadata",
                        Yaml.map().put("name", "web").put("namespace", "shop").build())
                .put(
                        "spec",
                        Yaml.map()
                                .put(
                                        "podSelector",
                                        Yaml.map()
                                                .put(
                                                        "matchLabels",
                                                        Yaml.map()
                                                                .put("app", "web")
                                                                .build())
                                                .build())
                                .put("policyTypes", Yaml.strings(List.of("Ingress", "Egress")))
                                .put(
                                        "ingress",
                                        Yaml.seq(List.of(Yaml.map()
                                                .put(
                                                        "from",
                                                        Yaml.seq(List.of(Yaml.map()
                                                                .put(
                                                                        "ipBlock",
                                                                        Yaml.map()
                                                                                .put("cidr", "10.0.0.0/8")
                                                                                .build())
                                                                .build())))
                                                .put(
                                                        "ports",
                                                        Yaml.seq(List.of(Yaml.map()
                                                                .put("protocol", "TCP")
                                                                .put("port", Yaml.number(80))
                                                                .build())))
                                                .build())))
                                .put("egress", Yaml.seq(List.of(Yaml.map().build())))
                                .build())
                .put(
                        "files",
                        Yaml.seq(List.of(Yaml.map()
                                .put("permissions", Yaml.octal(0600))
                                .put("content", Yaml.literal("kind: Namespace\nmetadata:\n  name: shop\n"))
                                .build())))
                .put(
                        "commands",
                        Yaml.seq(List.of(
                                Yaml.literal("keep=' shop '\nfor f in /x/*.yaml; do\n  echo \"$f\"\ndone\n"),
                                Yaml.literal("no final break"))))
                .build();
        assertThat(BlockWriter.write(policy, Yaml::scalarResolver)).contains(Yaml.dump(policy));
    }
}
