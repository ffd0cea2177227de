package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bug report names the exception and where it happened, but never repeats a message that could hold a token. */
class BugReportTest {
    @Test
    void printsTypesAndFramesButNoMessages() {
        IllegalStateException bug = new IllegalStateException(
                "failed on token K10-very-secret", new IllegalArgumentException("K10-very-secret again"));
        StringWriter err = new StringWriter();

        BugReport.print(bug, new PrintWriter(err));

        assertThat(err.toString())
                .startsWith("error[NS9001]: internal compiler error: java.lang.IllegalStateException\n")
                .contains(
                        "please report it",
                        "caused by: java.lang.IllegalArgumentException",
                        "at dev.netc.cli.BugReportTest.printsTypesAndFramesButNoMessages")
                .doesNotContain("K10-very-secret");
    }

    /**
     * netc's own failures end as NS9001 and exit 70 whatever they are, an exhausted stack too (here
     * a thread with too little of it for the parser), never as the JVM's trace and exit 1.
     */
    @Test
    void anErrorOfTheJvmIsReportedAsNs9001AndSeventy(@TempDir Path dir) throws Exception {
        Path spec = Files.writeString(
                dir.resolve("deep.netspec"),
                "namespace app { tier web { pods app in " + "(".repeat(60) + "a" + ")".repeat(60) + " } }\n");
        StringWriter err = new StringWriter();
        int[] exit = {-1};
        Thread small = new Thread(
                null,
                () -> exit[0] = Netc.run(
                        new String[] {"check", spec.toString()},
                        new PrintWriter(new StringWriter()),
                        new PrintWriter(err)),
                "small-stack",
                32 * 1024);
        small.start();
        small.join();

        assertThat(exit[0]).isEqualTo(Netc.INTERNAL);
        assertThat(err.toString()).startsWith("error[NS9001]: internal compiler error: java.lang.StackOverflowError\n");
    }
}
