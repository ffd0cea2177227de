package dev.netc.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Message texts of every code, from {@code messages.properties}. Placeholders are {@code {0}},
 * {@code {1}}, ...; unlike {@link java.text.MessageFormat} no quote character is special, so
 * texts can say "`name`" and "don't" freely.
 */
public final class Messages {
    /** Longer arguments (a 1 MB string from a hostile file) are cut to their start and end. */
    static final int MAX_ARGUMENT_LENGTH = 200;

    private static final Properties TEXTS = load();
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");

    private Messages() {}

    public static String format(Code code, Object... args) {
        String template = TEXTS.getProperty(code.name());
        if (template == null) {
            throw new IllegalStateException("no message for " + code);
        }
        // one pass, so an argument that itself contains `{1}` is not filled in again
        Matcher placeholder = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (placeholder.find()) {
            int index = Integer.parseInt(placeholder.group(1));
            String value = index < args.length ? abbreviated(String.valueOf(args[index])) : placeholder.group();
            placeholder.appendReplacement(text, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(text);
        return text.toString();
    }

    private static String abbreviated(String value) {
        if (value.length() <= MAX_ARGUMENT_LENGTH) {
            return value;
        }
        int keep = MAX_ARGUMENT_LENGTH / 2;
        int head = Character.isHighSurrogate(value.charAt(keep - 1)) ? keep - 1 : keep; // never half a character
        int tail = Character.isLowSurrogate(value.charAt(value.length() - keep))
                ? value.length() - keep + 1
                : value.length() - keep;
        return value.substring(0, head) + " … " + value.substring(tail) + " (" + value.length() + " characters)";
    }

    /** The alternatives as a message says them: "a", "a or b", "a, b or c". */
    public static String either(List<String> alternatives) {
        int last = alternatives.size() - 1;
        return last == 0
                ? alternatives.get(0)
                : String.join(", ", alternatives.subList(0, last)) + " or " + alternatives.get(last);
    }

    /** True when the bundle has a text for the code (checked by a test for every code). */
    public static boolean has(Code code) {
        return TEXTS.containsKey(code.name());
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("messages.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
