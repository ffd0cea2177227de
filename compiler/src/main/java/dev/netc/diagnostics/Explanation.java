package dev.netc.diagnostics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The long explanation of a code, for {@code netc explain}: the Markdown page
 * {@code docs/diagnostics/NSxxxx.md}, which the build copies into the jar, so the command and
 * the documentation always say the same. The page starts with {@code # NSxxxx: short title}.
 */
public record Explanation(Code code, String markdown) {
    private static final String FOLDER = "explain/";

    /** The page of {@code code}; every code has one (a test checks it), so a missing page is a bug. */
    public static Explanation of(Code code) {
        String resource = FOLDER + code.name() + ".md";
        try (InputStream in = Explanation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no explanation page " + resource + " in the jar");
            }
            return new Explanation(code, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The short title after {@code # NSxxxx: } on the page's first line. */
    public String title() {
        String prefix = "# " + code.name() + ": ";
        String firstLine = markdown.lines().findFirst().orElse("");
        if (!firstLine.startsWith(prefix)) {
            throw new IllegalStateException("the page of " + code + " does not start with `" + prefix + "`");
        }
        return firstLine.substring(prefix.length()).strip();
    }
}
