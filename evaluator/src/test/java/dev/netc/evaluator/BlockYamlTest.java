package dev.netc.evaluator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * {@link BlockYaml} reads exactly what snakeyaml reads, or declines: on random documents written
 * by snakeyaml in netc's layout (sequences indented under their key) and in others, with
 * scalars of every kind the core schema tells apart, and on the same texts damaged at random
 * (a character inserted or removed, a line repeated, moved or indented, its quotes removed, a
 * comment or a colon added). Whenever it answers,
 * the answer equals snakeyaml's; when snakeyaml refuses a text, it declines it too.
 */
class BlockYamlTest {
    private static final int DOCUMENTS = 20_000;
    private static final List<String> KEYS = List.of(
            "name",
            "namespace",
            "kubernetes.io/metadata.name",
            "k8s-app",
            "a1",
            "podSelector",
            "x_y",
            "v.2",
            "true",
            "Null",
            "yes",
            "on",
            "1",
            "a b",
            "x:y",
            "-k",
            "k#",
            "e");
    private static final List<String> STRINGS = List.of(
            "app",
            "networking.k8s.io/v1",
            "10.0.0.0/8",
            "1.2.3.4",
            "fd00::/8",
            "12:30",
            "0777",
            "0x1F",
            "0o17",
            "1e3",
            "1.5",
            "-1",
            "+1",
            ".5",
            ".inf",
            ".NaN",
            "~",
            "null",
            "NULL",
            "True",
            "false",
            "yes",
            "No",
            "off",
            "y",
            "a b",
            "a: b",
            "a #b",
            "x:",
            " lead",
            "trail ",
            "a\"b",
            "#c",
            "[x]",
            "{y}",
            "*a",
            "&b",
            "!t",
            "|",
            ">",
            "%p",
            "@a",
            "`b",
            "'s'",
            "caf\u00e9",
            "",
            "-",
            "- a",
            "---",
            "...",
            "a\\b",
            "line\nbreak",
            "tab\there",
            "123456789",
            "1234567890",
            "00",
            "0",
            "7",
            "a:b",
            "a,b",
            "?q",
            "x{",
            "}y",
            "TCP",
            "Ingress");
    private static final List<Object> NUMBERS = List.of(0, 7, 53, 65535, 123456789, 1234567890, 99999999999L, -3);

    @Test
    void readsWhatSnakeyamlReadsOrDeclines() {
        Random random = new Random(20_251_206L);
        int accepted = 0;
        int damagedAccepted = 0;
        for (int i = 0; i < DOCUMENTS; i++) {
            List<Object> documents = new ArrayList<>();
            // half of them only of what the reader knows, so that it answers for many
            boolean plain = random.nextBoolean();
            for (int d = 1 + random.nextInt(3); d > 0; d--) {
                documents.add(mapping(random, 0, plain));
            }
            String text = dump(documents, random);
            accepted += compare(text) ? 1 : 0;
            damagedAccepted += compare(damage(text, random)) ? 1 : 0;
        }
        assertThat(accepted).as("documents read without snakeyaml").isGreaterThan(DOCUMENTS / 5);
        assertThat(damagedAccepted)
                .as("damaged documents read without snakeyaml")
                .isPositive();
    }

    @Test
    void readsNetcsPolicies() {
        String yaml = """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: tier-web
                  namespace: app
                spec:
                  podSelector:
                    matchLabels:
                      tier: web
                  policyTypes:
                    - Ingress
                  ingress:
                    - from:
                        - ipBlock:
                            cidr: 0.0.0.0/0
                            except:
                              - 10.0.0.0/8
                        - ipBlock:
                            cidr: "::/0"
                      ports:
                        - protocol: TCP
                          port: 80
                          endPort: 90
                  egress: []
                ---
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: app
                  labels:
                    objectset.rio.cattle.io/prune: "false"
                """;
        assertThat(BlockYaml.read(yaml)).isPresent();
        assertThat(compare(yaml)).isTrue();
    }

    /** Whether the reader answered (then equal to snakeyaml); fails when it answers otherwise. */
    private static boolean compare(String text) {
        Optional<List<Map<String, Object>>> fast = BlockYaml.read(text);
        List<Map<String, Object>> expected;
        try {
            expected = KubeYaml.loadAllWithSnakeyaml(text);
        } catch (RuntimeException e) {
            assertThat(fast)
                    .as("snakeyaml refuses (%s):\n%s", e.getMessage(), text)
                    .isEmpty();
            return false;
        }
        fast.ifPresent(documents -> assertThat(documents).as("%s", text).isEqualTo(expected));
        return fast.isPresent();
    }

    /** With {@code plain}, only keys, scalars and collections the reader knows. */
    private static Map<String, Object> mapping(Random random, int depth, boolean plain) {
        Map<String, Object> mapping = new LinkedHashMap<>();
        for (int n = 1 + random.nextInt(4); n > 0; n--) {
            String key = KEYS.get(random.nextInt(plain || random.nextInt(4) != 0 ? 8 : KEYS.size()));
            mapping.put(key, value(random, depth + 1, plain));
        }
        return mapping;
    }

    private static Object value(Random random, int depth, boolean plain) {
        int kind = random.nextInt(depth > 3 ? 5 : 8);
        return switch (kind) {
            case 0, 1 -> STRINGS.get(random.nextInt(plain ? 5 : random.nextInt(3) == 0 ? STRINGS.size() : 5));
            case 2 -> NUMBERS.get(random.nextInt(plain ? 5 : NUMBERS.size()));
            case 3 -> plain ? "TCP" : random.nextInt(4) == 0 ? null : random.nextBoolean();
            case 4 -> random.nextBoolean() ? new LinkedHashMap<>() : new ArrayList<>();
            case 5 -> mapping(random, depth, plain);
            default -> {
                List<Object> sequence = new ArrayList<>();
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    sequence.add(value(random, depth + 1, plain));
                }
                yield sequence;
            }
        };
    }

    /** Block style, in netc's layout (a sequence indented under its key) or snakeyaml's default one. */
    private static String dump(List<Object> documents, Random random) {
        var settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK);
        if (random.nextInt(4) != 0) {
            settings.setIndent(2).setIndicatorIndent(2).setIndentWithIndicator(true);
        }
        if (random.nextBoolean()) {
            settings.setExplicitStart(true);
        }
        return new Dump(settings.build()).dumpAllToString(documents.iterator());
    }

    private static String damage(String text, Random random) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int at = random.nextInt(Math.max(1, lines.size() - 1));
        String line = lines.get(at);
        switch (random.nextInt(8)) {
            case 0 -> {
                int position = random.nextInt(line.length() + 1);
                String insert = String.valueOf(" :-#\"{}[]\t'\\".charAt(random.nextInt(12)));
                lines.set(at, line.substring(0, position) + insert + line.substring(position));
            }
            case 1 -> {
                if (!line.isEmpty()) {
                    int position = random.nextInt(line.length());
                    lines.set(at, line.substring(0, position) + line.substring(position + 1));
                }
            }
            case 2 -> lines.add(at, line);
            case 3 -> lines.set(at, "  " + line);
            case 4 -> lines.add(random.nextInt(lines.size()), lines.remove(at));
            case 5 -> lines.set(at, line.replace("\"", "").replace("'", "")); // quoted text written plain
            case 6 ->
                lines.set(at, line + List.of(" #c", ":", " ", "\t", " x: y").get(random.nextInt(5)));
            default -> lines.add(at, "---");
        }
        return String.join("\n", lines);
    }
}
