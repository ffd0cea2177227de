package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record's generated {@code equals} and {@code hashCode} are linked through invokedynamic the
 * first time they run, which cost a short compile about 22 ms for the 16 records it hashes; those
 * records write the two methods out (bench/README.md, Start-up). This keeps it so: a compile of
 * an example without diagnostics links no {@code ObjectMethods} bootstrap. (With diagnostics,
 * the sink's set of {@code Diagnostic} records still does: a run that reports is not the one
 * that must be quick.)
 */
class RecordLinkageTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"three-tier.netspec", "basic.netspec", "custom-cidrs.netspec", "internet-only.netspec",
        "multi-interface.netspec", "allow-nginx-ingress.netspec", "deny-all-egress.netspec", "mtu.netspec"})
    void aCompileLinksNoRecordMethods(String example) throws IOException {
        NetcProcess.Result result = NetcProcess.run(Path.of("..", "examples"), Map.of("CLUSTER_TOKEN", "token"),
                List.of("-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true"),
                "compile", example, "-o", dir.resolve("out").toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).as("no diagnostics").isEmpty();
        assertThat(result.out()).as("the linkage trace is on").contains("linkCallSite");
        assertThat(result.out().lines().filter(line -> line.contains("ObjectMethods.bootstrap")))
                .as("records whose equals or hashCode were linked through invokedynamic").isEmpty();
    }
}
