package dev.netc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** netc's own version, written into {@code version.properties} by the build. */
public final class Version {
    private static final String CURRENT = read();

    private Version() {
    }

    public static String current() {
        return CURRENT;
    }

    private static String read() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException | NullPointerException e) {
            return "unknown";
        }
    }
}
