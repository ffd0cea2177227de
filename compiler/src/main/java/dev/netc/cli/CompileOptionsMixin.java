package dev.netc.cli;

import picocli.CommandLine.ArgGroup;

/** Wraps {@link CompileOptions} so picocli can mix the same options into several commands. */
final class CompileOptionsMixin {
    @ArgGroup(exclusive = false, multiplicity = "1")
    CompileOptions options;

    CompileOptions get() {
        return options;
    }
}
