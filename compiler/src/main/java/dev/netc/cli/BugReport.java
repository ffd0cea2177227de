package dev.netc.cli;

import dev.netc.Version;
import dev.netc.diagnostics.Code;
import dev.netc.diagnostics.Messages;
import java.io.PrintWriter;

/**
 * How a bug in netc is reported (NS9001, exit 70): the exception types and where they were
 * thrown, for the bug report, but never their messages, which may quote the input and so a
 * cluster token.
 */
final class BugReport {
    private BugReport() {}

    static void print(Throwable exception, PrintWriter err) {
        err.println("error[NS9001]: "
                + Messages.format(Code.NS9001, exception.getClass().getName()));
        err.println("  = note: this is a bug in netc " + Version.current()
                + "; please report it with the input that caused it");
        for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            err.println(
                    cause == exception
                            ? cause.getClass().getName()
                            : "caused by: " + cause.getClass().getName());
            for (StackTraceElement frame : cause.getStackTrace()) {
                err.println("    at " + frame);
            }
        }
        err.flush();
    }
}
