package dev.netc.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Machine-applicable fixes (what editors offer as quick fixes and SARIF carries as `fixes`):
 * applying the first fix of every error that has one turns the spec into one without errors.
 */
class FixesTest {
    private static final String CLUSTER = "cluster { token env(\"T\")\n  %s\n}\n";

    static Stream<Arguments> specs() {
        return Stream.of(
                Arguments.of(
                        "NS1001",
                        "namespace app { isolate ingress; tier web { pods app=web }; tier db { pods app=db }; "
                                + "allow web -> dbb:5432/tcp }"),
                Arguments.of(
                        "NS1003",
                        "import \"std/prots\"\nnamespace app { isolate ingress; tier web { pods app=web }; "
                                + "allow web -> web:https }"),
                Arguments.of(
                        "NS2003",
                        "external lab = 10.1.2.3/16\nnamespace app { isolate ingress; tier web { pods app=web }; "
                                + "allow lab -> web:80/tcp }"),
                Arguments.of("NS0006", "network lan {\n  cidr: 10.0.1.0/24\n}"),
                Arguments.of("NS4004", CLUSTER.formatted("rke2 { write-kubeconfig-mode = 0640 }")),
                Arguments.of("NS4001", CLUSTER.formatted("rke2 { write-kubeconfig-mod = \"0640\" }")),
                Arguments.of("NS4009", CLUSTER.formatted("canal { backend vxlann }")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specs")
    void applyingTheFirstFixOfEachDiagnosticRemovesTheErrors(String code, String spec) {
        String text = spec;
        List<Diagnostic> before = compile(text);
        assertThat(before).extracting(d -> d.code().name()).contains(code);
        assertThat(before)
                .filteredOn(d -> d.code().name().equals(code))
                .allSatisfy(d -> assertThat(d.fixes()).isNotEmpty());

        // follow-on errors (a port of a module that did not load) have no fix of their own
        String fixed = apply(
                text,
                before.stream()
                        .filter(d -> d.isError() && !d.fixes().isEmpty())
                        .map(d -> d.fixes().get(0))
                        .toList());

        assertThat(compile(fixed))
                .as("diagnostics of the fixed spec:\n%s", fixed)
                .noneMatch(Diagnostic::isError);
    }

    /** Applies non-overlapping fixes from the end of the text, so earlier offsets stay valid. */
    private static String apply(String text, List<Fix> fixes) {
        StringBuilder out = new StringBuilder(text);
        fixes.stream()
                .sorted(Comparator.comparingInt((Fix f) -> f.span().start()).reversed())
                .forEach(fix -> out.replace(
                        fix.span().file().charIndex(fix.span().start()),
                        fix.span().file().charIndex(fix.span().end()),
                        fix.replacement()));
        return out.toString();
    }

    private static List<Diagnostic> compile(String text) {
        return Compiler.compile(new Compiler.Request(
                        List.of(),
                        List.of(new SourceFile("t.netspec", text)),
                        Path.of("."),
                        Path.of("."),
                        Map.of(),
                        SecretSource.of(Map.of("T", "token")),
                        Emitter.Options.DEFAULT))
                .diagnostics();
    }
}
