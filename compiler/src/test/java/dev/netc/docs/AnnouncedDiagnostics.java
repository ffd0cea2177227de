package dev.netc.docs;

import dev.netc.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The warnings a spec shown to readers announces on the lines that get them
 * ({@code // warning: NS3007}), so that a test can hold it to exactly those: no error, and no
 * warning that the text does not show.
 */
public final class AnnouncedDiagnostics {
    private static final Pattern WARNING = Pattern.compile("// warning: (NS\\d{4}(?:, NS\\d{4})*)");

    private AnnouncedDiagnostics() {}

    /** {@code 12 NS4017}, or {@code 12 NS1001 error}: a diagnostic's line and code, as {@link #announced} writes them. */
    public static String where(Diagnostic diagnostic) {
        return diagnostic.primary().line() + " " + diagnostic.code() + (diagnostic.isError() ? " error" : "");
    }

    /** The warnings the spec's lines announce. */
    public static List<String> announced(String spec) {
        List<String> announced = new ArrayList<>();
        List<String> lines = spec.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = WARNING.matcher(lines.get(i));
            if (m.find()) {
                for (String code : new TreeSet<>(List.of(m.group(1).split(", ")))) {
                    announced.add((i + 1) + " " + code);
                }
            }
        }
        return announced;
    }

    public static List<String> reported(List<Diagnostic> diagnostics) {
        return diagnostics.stream().map(AnnouncedDiagnostics::where).toList();
    }
}
