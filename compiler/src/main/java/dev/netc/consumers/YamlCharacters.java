package dev.netc.consumers;

/**
 * Characters the YAML readers on a node (yaml.v3 in Kairos and yip, yaml.v2 in RKE2) refuse or read
 * as something else, and what they do with them.
 *
 * @param codePoints hexadecimal code points and ranges separated by spaces: {@code 0000-0008 007F}
 */
public record YamlCharacters(String codePoints, String reader, String behaviour, String source) {

    /** Whether the code point is one of this row's. */
    public boolean contains(int codePoint) {
        int start = 0;
        while (start < codePoints.length()) {
            int end = codePoints.indexOf(' ', start);
            if (end < 0) {
                end = codePoints.length();
            }
            int dash = codePoints.indexOf('-', start);
            boolean range = dash >= 0 && dash < end;
            int first = Integer.parseInt(codePoints.substring(start, range ? dash : end), 16);
            int last = range ? Integer.parseInt(codePoints.substring(dash + 1, end), 16) : first;
            if (codePoint >= first && codePoint <= last) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }
}
