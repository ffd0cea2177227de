package dev.netc.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which strings are quoted because a YAML 1.1 reader (Kubernetes' go-yaml v2) would take them for something else. */
class Yaml11Test {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "yes",
                "Yes",
                "YES",
                "y",
                "N",
                "no",
                "On",
                "OFF",
                "true",
                "False",
                "null",
                "NULL",
                "~",
                "",
                "0777",
                "42",
                "-1",
                "+3",
                "1e5",
                "0x1F",
                "0b101",
                "190:20:30",
                ".inf",
                "-.Inf",
                ".NaN",
                "2026-11-26",
                "2026-1-2 10:00",
                "-x",
                "*alias",
                "a: b",
                "a #b",
                "key:"
            })
    void isAmbiguous(String value) {
        assertThat(Yaml11.isAmbiguous(value)).isTrue();
    }

    /** go-yaml v2's booleans and nulls, in every mix of ASCII case: none escapes the first-character shortcut. */
    @ParameterizedTest
    @ValueSource(strings = {"y", "yes", "n", "no", "true", "false", "on", "off", "null"})
    void everyCaseOfABooleanOrNullIsOne(String word) {
        for (int mask = 0; mask < 1 << word.length(); mask++) {
            StringBuilder cased = new StringBuilder();
            for (int i = 0; i < word.length(); i++) {
                char c = word.charAt(i);
                cased.append((mask >> i & 1) == 1 ? Character.toUpperCase(c) : c);
            }
            assertThat(Yaml11.isBooleanOrNull(cased.toString()))
                    .as(cased.toString())
                    .isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "app",
                "frontend",
                "yesterday",
                "nope",
                "onion",
                "Truex",
                "nullable",
                "tier-1",
                "10.0.0.0/8",
                "v1",
                "a1",
                "x-0777",
                "yeſ",
                "nο"
            }) // the last two: `ſ` (long s) and a Greek `ο`, not ASCII letters
    void isPlain(String value) {
        assertThat(Yaml11.isAmbiguous(value)).isFalse();
    }
}
