package dev.netc.consumers;

import java.util.Arrays;
import java.util.List;

/**
 * Address ranges the consumers refuse or cannot route for some uses: node addresses, pod ranges,
 * service ranges.
 *
 * @param ranges CIDRs separated by spaces, one per family
 * @param appliesTo the uses it is refused for, separated by spaces: {@code node}, {@code pod}, {@code service}
 */
public record SpecialAddressRange(String ranges, String name, String appliesTo, String why, String source) {

    public List<String> rangeTexts() {
        return Arrays.asList(ranges.split(" "));
    }

    public boolean appliesTo(String use) {
        return Arrays.asList(appliesTo.split(" ")).contains(use);
    }
}
