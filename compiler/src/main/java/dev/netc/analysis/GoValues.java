package dev.netc.analysis;

/**
 * Whether a text is a value Go's standard parsers accept, as kube-proxy reads its flags with them
 * ({@code strconv.ParseBool}, {@code strconv.ParseInt}, {@code time.ParseDuration}). Written out by
 * hand: the forms are small, and regular expressions cost start-up time.
 */
final class GoValues {
    private GoValues() {}

    /** {@code strconv.ParseBool}: 1, t, T, TRUE, true, True, and the same for false. */
    static boolean isBool(String text) {
        return switch (text) {
            case "1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False" -> true;
            default -> false;
        };
    }

    /** {@code strconv.ParseInt(text, 0, bits)}: an optional sign, then decimal digits (0x, 0o, 0b and a leading 0 change the base). */
    static boolean isInt(String text, int bits) {
        String digits = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        int radix = 10;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (digits.startsWith("0o") || digits.startsWith("0O")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (digits.startsWith("0b") || digits.startsWith("0B")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        digits = digits.replace("_", "");
        try {
            long value = Long.parseLong((text.startsWith("-") ? "-" : "") + digits, radix);
            long limit = 1L << (bits - 1);
            return !digits.isEmpty() && value >= -limit && value < limit;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * {@code time.ParseDuration}: an optional sign, then numbers with an optional fraction, each
     * followed by ns, us, µs, ms, s, m or h; or {@code 0} alone.
     */
    static boolean isDuration(String text) {
        String rest = text.startsWith("-") || text.startsWith("+") ? text.substring(1) : text;
        if (rest.equals("0")) {
            return true;
        }
        int i = 0;
        while (i < rest.length()) {
            int start = i;
            while (i < rest.length() && (Character.isDigit(rest.charAt(i)) || rest.charAt(i) == '.')) {
                i++;
            }
            String number = rest.substring(start, i);
            if (number.isEmpty() || number.equals(".") || number.indexOf('.') != number.lastIndexOf('.')) {
                return false;
            }
            int unit = i;
            while (i < rest.length() && !Character.isDigit(rest.charAt(i)) && rest.charAt(i) != '.') {
                i++;
            }
            switch (rest.substring(unit, i)) {
                case "ns", "us", "µs", "μs", "ms", "s", "m", "h" -> {}
                default -> {
                    return false;
                }
            }
        }
        return !rest.isEmpty();
    }
}
