package dev.netc.cli;

import dev.netc.cli.args.UsageException;

/** One run of a command of netc, made from its parsed command line (see {@link Commands}). */
interface Subcommand {
    /**
     * Runs it; its exit code.
     *
     * @throws UsageException for a command line the declaration allows but the command cannot run
     */
    int call() throws UsageException;
}
