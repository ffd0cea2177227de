package dev.netc.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * netc checks label keys and values, DNS names, port names, durations and port specs with
 * hand-written code rather than regular expressions (compiling those cost start-up time). Each
 * must accept exactly what the regular expression it replaces accepts: every string of up to
 * four characters from an alphabet of the interesting characters, then random longer ones.
 */
class HandWrittenPatternsTest {
    private static final String ALPHABET = "aZ09-_./:hmsx ";

    @Test
    void labelNamesAndValues() {
        agree("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]", Labels::isNamePart);
    }

    @Test
    void dnsLabels() {
        agree("[a-z0-9]([-a-z0-9]*[a-z0-9])?", Labels::isDnsLabel);
    }

    @Test
    void dnsSubdomains() {
        agree("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*", Labels::isDnsSubdomain);
    }

    @Test
    void portNamesUseLowercaseLettersDigitsAndDashesWithAtLeastOneLetter() {
        // the character rules of portNameProblem (`[a-z0-9-]+` and `.*[a-z].*`), for names short
        // enough that the length rule, checked first, is not what fails
        Pattern expression = Pattern.compile("[a-z0-9-]*[a-z][a-z0-9-]*");
        for (String name : samples()) {
            if (name.length() <= 15) {
                boolean charactersAccepted = Labels.portNameProblem(name)
                        .filter(problem -> !problem.contains("`-` may not"))
                        .isEmpty();
                assertThat(charactersAccepted)
                        .as("`%s`", name)
                        .isEqualTo(expression.matcher(name).matches());
            }
        }
    }

    @Test
    void durations() {
        agree("([0-9]+(ms|h|m|s))+", Values::isDuration);
    }

    @Test
    void portSpecsAndTheirParts() {
        Pattern expression = Pattern.compile("([0-9]+)(?:-([0-9]+))?/([A-Za-z]+)");
        for (String text : samples()) {
            Matcher m = expression.matcher(text);
            Optional<Values.PortSpecText> expected = m.matches()
                    ? Optional.of(new Values.PortSpecText(m.group(1), Optional.ofNullable(m.group(2)), m.group(3)))
                    : Optional.empty();
            assertThat(Values.PortSpecText.parse(text)).as("`%s`", text).isEqualTo(expected);
        }
    }

    private static void agree(String regex, Predicate<String> handWritten) {
        Pattern expression = Pattern.compile(regex);
        int accepted = 0;
        for (String text : samples()) {
            boolean expected = expression.matcher(text).matches();
            assertThat(handWritten.test(text))
                    .as("`%s` against %s", text, regex)
                    .isEqualTo(expected);
            accepted += expected ? 1 : 0;
        }
        assertThat(accepted).as("samples the expression accepts").isGreaterThan(100);
    }

    /** Every string of up to four characters of the alphabet, then 20,000 random ones of up to 20. */
    private static List<String> samples() {
        List<String> samples = new ArrayList<>();
        samples.add("");
        List<String> previous = List.of("");
        for (int length = 1; length <= 4; length++) {
            List<String> next = new ArrayList<>();
            for (String prefix : previous) {
                for (char c : ALPHABET.toCharArray()) {
                    next.add(prefix + c);
                }
            }
            samples.addAll(next);
            previous = next;
        }
        Random random = new Random(42);
        String alphabet = ALPHABET + "0123456789abcdefmmss";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(20); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            samples.add(text.toString());
        }
        return samples;
    }
}
