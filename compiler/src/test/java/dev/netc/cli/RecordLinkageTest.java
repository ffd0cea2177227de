package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A record's generated {@code equals} and {@code hashCode} are linked through invokedynamic the
 * first time they run, which cost a short compile about 22 ms for the 16 records it hashes; those
 * records write the two methods out (bench/README.md, Start-up). This keeps it so: a compile of
 * an example links no {@code ObjectMethods} bootstrap, with or without diagnostics (the sink
 * keeps {@code Diagnostic}s, with their labels and fixes, in a set).
 */
class RecordLinkageTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "three-tier.netspec",
                "basic.netspec",
                "custom-cidrs.netspec",
                "internet-only.netspec",
                "multi-interface.netspec",
                "allow-nginx-ingress.netspec",
                "deny-all-egress.netspec",
                "mtu.netspec"
            })
    void aCompileLinksNoRecordMethods(String example) throws IOException {
        NetcProcess.Result result = NetcProcess.run(
                Path.of("..", "examples"),
                Map.of("CLUSTER_TOKEN", "token"),
                List.of("-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true"),
                "compile",
                example,
                "-o",
                dir.resolve("out").toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).as("no diagnostics").isEmpty();
        assertRecordMethodsNotLinked(result);
    }

    @Test
    void aCompileThatReportsWarningsLinksNoRecordMethods() throws IOException {
        NetcProcess.Result result = NetcProcess.run(
                Path.of("..", "examples"),
                Map.of("CLUSTER_TOKEN", "token"),
                List.of("-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true"),
                "compile",
                "edge-site.netspec",
                "-o",
                dir.resolve("out").toString());
        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.err()).as("the example's deliberate warnings").contains("warning[");
        assertRecordMethodsNotLinked(result);
    }

    @ParameterizedTest
    @ValueSource(strings = {"duplicates.netspec", "unresolved-flow-ends.netspec"}) // labels; fixes
    void aCheckThatReportsErrorsWithLabelsAndFixesLinksNoRecordMethods(String spec) throws IOException {
        NetcProcess.Result result = NetcProcess.run(
                Path.of("src", "test", "resources", "diagnostics", "names"),
                Map.of(),
                List.of("-Djava.lang.invoke.MethodHandle.TRACE_METHOD_LINKAGE=true"),
                "check",
                spec);
        assertThat(result.exit()).as(result.err()).isEqualTo(1);
        assertThat(result.err()).as("the cases' errors").contains("error[");
        assertRecordMethodsNotLinked(result);
    }

    private static void assertRecordMethodsNotLinked(NetcProcess.Result result) {
        assertThat(result.out()).as("the linkage trace is on").contains("linkCallSite");
        assertThat(result.out().lines().filter(line -> line.contains("ObjectMethods.bootstrap")))
                .as("records whose equals or hashCode were linked through invokedynamic")
                .isEmpty();
    }
}
