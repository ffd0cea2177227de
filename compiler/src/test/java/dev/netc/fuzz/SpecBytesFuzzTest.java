package dev.netc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Diagnostic;
import dev.netc.diagnostics.DiagnosticSink;
import dev.netc.load.SourceReader;
import dev.netc.source.SourceFile;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;

/**
 * Arbitrary bytes as a spec file, read the way the loader reads files, through every pass
 * and emitter. Whatever the bytes, the result is diagnostics or valid output (see
 * {@link FuzzChecks}); an exception, a hang past the timeout or a malformed result is a bug.
 *
 * <p>The saved inputs in {@code SpecBytesFuzzTestInputs/} (seeds and every past finding) run
 * as regression tests in every build; {@code docs/reliability.md} says how to fuzz for real.
 */
class SpecBytesFuzzTest {

    @FuzzTest(maxDuration = "10m")
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void anyBytesGiveDiagnosticsOrValidOutput(byte[] bytes) {
        DiagnosticSink sink = new DiagnosticSink();
        Optional<SourceFile> source = SourceReader.decode("fuzz.netspec", bytes, null, sink);
        if (source.isEmpty()) {
            assertThat(sink.sorted()).extracting(Diagnostic::code).containsExactly(Code.NS0010);
            return;
        }
        FuzzChecks.check(FuzzChecks.compile(source.get()), source.get().text());
    }
}
