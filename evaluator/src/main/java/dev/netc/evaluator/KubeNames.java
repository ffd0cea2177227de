package dev.netc.evaluator;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The API server's syntax rules for names, label keys and values and port names
 * ({@code k8s.io/apimachinery/pkg/util/validation}). Each check returns every message that
 * applies, as the Go functions do; an empty list means valid.
 */
final class KubeNames {

    private static final String DNS1123_LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    private static final Pattern DNS1123_LABEL_PATTERN = Pattern.compile(DNS1123_LABEL);
    private static final String DNS1123_SUBDOMAIN = DNS1123_LABEL + "(\\." + DNS1123_LABEL + ")*";
    private static final Pattern DNS1123_SUBDOMAIN_PATTERN = Pattern.compile(DNS1123_SUBDOMAIN);
    private static final String QUALIFIED_NAME = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    private static final Pattern QUALIFIED_NAME_PATTERN = Pattern.compile(QUALIFIED_NAME);
    private static final String LABEL_VALUE = "(" + QUALIFIED_NAME + ")?";
    private static final Pattern LABEL_VALUE_PATTERN = Pattern.compile(LABEL_VALUE);
    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
    private static final Pattern HAS_LETTER = Pattern.compile(".*[a-z].*");

    private static final String QUALIFIED_NAME_MESSAGE = "must consist of alphanumeric characters, '-', '_' or '.',"
            + " and must start and end with an alphanumeric character (e.g. 'MyName', or 'my.name', or '123-abc',"
            + " regex used for validation is '" + QUALIFIED_NAME + "')";

    private KubeNames() {}

    /** DNS-1123 label: at most 63 characters of [-a-z0-9], alphanumeric at both ends (namespaces). */
    static List<String> dns1123Label(String value) {
        List<String> messages = new ArrayList<>();
        if (value.length() > 63) {
            messages.add("must be no more than 63 characters");
        }
        if (!DNS1123_LABEL_PATTERN.matcher(value).matches()) {
            if (DNS1123_SUBDOMAIN_PATTERN.matcher(value).matches()) {
                messages.add("must not contain dots");
            } else {
                messages.add("a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-',"
                        + " and must start and end with an alphanumeric character (e.g. 'my-name', or '123-abc',"
                        + " regex used for validation is '" + DNS1123_LABEL + "')");
            }
        }
        return messages;
    }

    /** DNS-1123 subdomain: at most 253 characters, dot-separated labels (object names, key prefixes). */
    static List<String> dns1123Subdomain(String value) {
        List<String> messages = new ArrayList<>();
        if (value.length() > 253) {
            messages.add("must be no more than 253 characters");
        }
        if (!DNS1123_SUBDOMAIN_PATTERN.matcher(value).matches()) {
            messages.add("a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or"
                    + " '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used"
                    + " for validation is '" + DNS1123_SUBDOMAIN + "')");
        }
        return messages;
    }

    /** Qualified name (label and annotation keys): optional DNS-subdomain prefix and '/', then a name. */
    static List<String> qualifiedName(String value) {
        List<String> messages = new ArrayList<>();
        String[] parts = value.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                messages.add("prefix part must be non-empty");
            } else {
                dns1123Subdomain(prefix).forEach(message -> messages.add("prefix part " + message));
            }
        } else {
            messages.add("a qualified name " + QUALIFIED_NAME_MESSAGE
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return messages;
        }
        if (name.isEmpty()) {
            messages.add("name part must be non-empty");
        } else if (utf8Length(name) > 63) {
            messages.add("name part must be no more than 63 bytes");
        }
        if (!QUALIFIED_NAME_PATTERN.matcher(name).matches()) {
            messages.add("name part " + QUALIFIED_NAME_MESSAGE);
        }
        return messages;
    }

    /** Label value: empty, or at most 63 characters shaped like a qualified name's name part. */
    static List<String> labelValue(String value) {
        List<String> messages = new ArrayList<>();
        if (utf8Length(value) > 63) {
            messages.add("must be no more than 63 bytes");
        }
        if (!LABEL_VALUE_PATTERN.matcher(value).matches()) {
            messages.add("a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or"
                    + " '.', and must start and end with an alphanumeric character (e.g. 'MyValue', or 'my_value',"
                    + " or '12345', regex used for validation is '" + LABEL_VALUE + "')");
        }
        return messages;
    }

    /** Port name (IANA_SVC_NAME): at most 15 of [-a-z0-9], a letter, no "--", no hyphen at either end. */
    static List<String> portName(String value) {
        List<String> messages = new ArrayList<>();
        if (value.length() > 15) {
            messages.add("must be no more than 15 characters");
        }
        if (!PORT_NAME_CHARSET.matcher(value).matches()) {
            messages.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!HAS_LETTER.matcher(value).matches()) {
            messages.add("must contain at least one letter (a-z)");
        }
        if (value.contains("--")) {
            messages.add("must not contain consecutive hyphens");
        }
        if (value.startsWith("-") || value.endsWith("-")) {
            messages.add("must not begin or end with a hyphen");
        }
        return messages;
    }

    /** Port number: 1 to 65535. */
    static List<String> portNumber(BigInteger value) {
        boolean valid = value.signum() > 0 && value.compareTo(BigInteger.valueOf(65535)) <= 0;
        return valid ? List.of() : List.of("must be between 1 and 65535, inclusive");
    }

    private static int utf8Length(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
