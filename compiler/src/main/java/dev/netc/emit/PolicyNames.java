package dev.netc.emit;

import dev.netc.model.LabelSelector;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Names of the policies for pods that flow ends choose by labels within one namespace:
 * {@code pods-} and the selector in words ({@code app=prometheus} gives
 * {@code pods-app-prometheus}), so that a reader of the cluster sees which pods a policy is for.
 * Those of the pods also in a tier isolated on its own get {@code pods-app-prometheus-in-<tier>}.
 * Two names that come out the same get {@code -2}, {@code -3}, ... in the order flows name them;
 * a long selector is cut, so a name stays a short DNS subdomain.
 */
final class PolicyNames {
    static final String PREFIX = "pods-";
    private static final int MAX_WORDS = 48;

    private final Map<LabelSelector, String> names = new HashMap<>();
    private final Set<String> taken = new HashSet<>();

    /** The name of the policy for the pods the selector chooses, the same for the same selector. */
    String of(LabelSelector pods) {
        return names.computeIfAbsent(pods, selector -> unique(PREFIX + words(selector.text())));
    }

    /** The name of the policy for those of the pods that are also in a tier isolated on its own. */
    String within(LabelSelector pods, String tier) {
        return unique(of(pods) + "-in-" + tier);
    }

    private String unique(String base) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "-" + n;
        }
        return name;
    }

    /** Lower-case letters and digits, each run of anything else one {@code -}. */
    private static String words(String text) {
        StringBuilder words = new StringBuilder();
        for (char c : text.toLowerCase(Locale.ROOT).toCharArray()) {
            boolean plain = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
            if (plain) {
                words.append(c);
            } else if (words.length() > 0 && words.charAt(words.length() - 1) != '-') {
                words.append('-');
            }
        }
        String cut = words.length() > MAX_WORDS ? words.substring(0, MAX_WORDS) : words.toString();
        while (cut.endsWith("-")) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut.isEmpty() ? "selected" : cut;
    }
}
