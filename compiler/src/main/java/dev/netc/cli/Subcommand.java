package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Command;
import dev.netc.cli.args.UsageException;
import java.io.PrintWriter;

/** One run of a command of netc, made from its parsed command line. */
interface Subcommand {
    /**
     * Runs it; its exit code.
     *
     * @throws UsageException for a command line the declaration allows but the command cannot run
     */
    int call() throws UsageException;

    /** How a command is made from a command line that matches its declaration. */
    interface Factory {
        Subcommand create(Arguments arguments, PrintWriter out, PrintWriter err) throws UsageException;
    }

    /** A command of netc: its declaration and how to run it. */
    record Entry(Command command, Factory factory) {
    }
}
