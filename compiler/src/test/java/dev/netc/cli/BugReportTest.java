package dev.netc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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
     * netc's own failures end as NS9001 and exit 70 whatever they are, Errors of the JVM too (an
     * exhausted stack, memory, a class that fails to load), never as the JVM's trace and exit 1.
     * The Error comes from where netc writes its output, the one place a test can make it happen.
     */
    @ParameterizedTest
    @ValueSource(classes = {StackOverflowError.class, OutOfMemoryError.class, NoClassDefFoundError.class})
    void anErrorOfTheJvmIsReportedAsNs9001AndSeventy(Class<? extends Error> type) {
        Writer failing = new Writer() {
            @Override
            public void write(char[] text, int offset, int length) {
                try {
                    throw type.getConstructor().newInstance();
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        StringWriter err = new StringWriter();

        int exit = Netc.run(new String[] {"help"}, new PrintWriter(failing), new PrintWriter(err));

        assertThat(exit).isEqualTo(Netc.INTERNAL);
        assertThat(err.toString()).startsWith("error[NS9001]: internal compiler error: " + type.getName() + "\n");
    }
}
