package dev.netc.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Message texts of every code, from {@code messages.properties}. Placeholders are {@code {0}},
 * {@code {1}}, ...; unlike {@link java.text.MessageFormat} no quote character is special, so
 * texts can say "`name`" and "don't" freely.
 */
public final class Messages {
    private static final Properties TEXTS = load();

    private Messages() {
    }

    public static String format(Code code, Object... args) {
        String template = TEXTS.getProperty(code.name());
        if (template == null) {
            throw new IllegalStateException("no message for " + code);
        }
        String text = template;
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
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
