package dev.netc.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.DiagnosticCasesTest;
import dev.netc.analysis.DiagnosticCasesTest.Expected;
import dev.netc.diagnostics.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * A spec shown to readers (a block of the language reference, a case said in netspec) announces
 * the diagnostics it gets on their lines, as the cases of {@link DiagnosticCasesTest} and the
 * examples do ({@code // warning: NS3007}): it gets exactly those, and no other.
 */
public final class AnnouncedDiagnostics {
    private AnnouncedDiagnostics() {}

    /** Asserts that the spec named {@code name}, of text {@code text}, got exactly the diagnostics it announces. */
    public static void assertAnnounced(String name, String text, List<Diagnostic> diagnostics) {
        List<Expected> announced = new ArrayList<>();
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            List<Expected> onLine = DiagnosticCasesTest.parseExpectations(name, lines.get(i), i + 1);
            assertThat(onLine).as("expectations on line %d of %s", i + 1, name).isNotNull();
            announced.addAll(onLine);
        }
        DiagnosticCasesTest.Unmatched unmatched = DiagnosticCasesTest.match(
                announced,
                diagnostics,
                d -> new Expected(name, d.primary() == null ? 0 : d.primary().line(), d.severity(), d.code()));
        assertThat(unmatched.missing())
                .as("diagnostics %s announces but does not get", name)
                .isEmpty();
        assertThat(unmatched.unexpected())
                .as("diagnostics of %s that it does not announce:%n%s", name, text)
                .isEmpty();
    }
}
