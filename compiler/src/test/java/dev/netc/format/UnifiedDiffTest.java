package dev.netc.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code netc fmt --diff}: a unified diff that, applied to the old text, gives the new one. */
class UnifiedDiffTest {
    private static final Pattern HUNK = Pattern.compile("@@ -(\\d+),(\\d+) \\+(\\d+),(\\d+) @@");

    @Test
    void equalTextsHaveNoDiff() {
        assertThat(UnifiedDiff.of("a", "x\n", "x\n")).isEmpty();
    }

    @Test
    void farApartChangesAreHunksOfTheirOwnWithThreeLinesOfContext() {
        String before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n";
        String after = "1\nTWO\n3\n4\n5\n6\n7\n8\n9\n10\nELEVEN\n12\n";
        assertThat(UnifiedDiff.of("f.netspec", before, after)).isEqualTo("""
                --- a/f.netspec
                +++ b/f.netspec
                @@ -1,5 +1,5 @@
                 1
                -2
                +TWO
                 3
                 4
                 5
                @@ -8,5 +8,5 @@
                 8
                 9
                 10
                -11
                +ELEVEN
                 12
                """);
    }

    /** Random pairs of texts: applying the diff to the old text gives the new one. */
    @Test
    void applyingTheDiffGivesTheNewText() {
        Random random = new Random(15);
        for (int run = 0; run < 2000; run++) {
            String before = randomText(random);
            String after = randomText(random);
            assertThat(apply(before, UnifiedDiff.of("f", before, after)))
                    .as("%s->%s", before, after)
                    .isEqualTo(after);
        }
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            text.append((char) ('a' + random.nextInt(3))).append('\n');
        }
        if (random.nextBoolean() && text.length() > 0) {
            text.setLength(text.length() - 1);
        }
        return text.toString();
    }

    /** A minimal patch: each hunk's context and removed lines must be at its place in the old text. */
    private static String apply(String before, String diff) {
        if (diff.isEmpty()) {
            return before;
        }
        List<String> old = UnifiedDiff.lines(before);
        List<String> result = new ArrayList<>();
        List<String> diffLines = UnifiedDiff.lines(diff);
        int next = 0; // the next old line not yet copied
        for (int i = 2; i < diffLines.size(); ) {
            Matcher hunk = HUNK.matcher(diffLines.get(i));
            assertThat(hunk.lookingAt()).as(diffLines.get(i)).isTrue();
            int start = Integer.parseInt(hunk.group(1)) - (Integer.parseInt(hunk.group(2)) == 0 ? 0 : 1);
            while (next < start) {
                result.add(old.get(next++));
            }
            for (i++; i < diffLines.size() && !diffLines.get(i).startsWith("@@"); i++) {
                String line = diffLines.get(i);
                if (line.startsWith("\\")) {
                    // the line before has no line break: an added one loses the one the diff gave it
                    if (diffLines.get(i - 1).startsWith("+")) {
                        int last = result.size() - 1;
                        result.set(
                                last,
                                result.get(last).substring(0, result.get(last).length() - 1));
                    }
                    continue;
                }
                String text = line.substring(1);
                switch (line.charAt(0)) {
                    case ' ' -> {
                        assertThat(old.get(next).replace("\n", "")).isEqualTo(text.replace("\n", ""));
                        result.add(old.get(next++));
                    }
                    case '-' -> {
                        assertThat(old.get(next).replace("\n", "")).isEqualTo(text.replace("\n", ""));
                        next++;
                    }
                    default -> result.add(text);
                }
            }
        }
        while (next < old.size()) {
            result.add(old.get(next++));
        }
        return String.join("", result);
    }
}
