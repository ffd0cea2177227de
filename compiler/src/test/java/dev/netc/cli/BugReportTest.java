package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

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
}
