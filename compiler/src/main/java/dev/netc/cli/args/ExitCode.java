package dev.netc.cli.args;

/** An exit code of a command and what it means, for the help page. */
public record ExitCode(int code, String meaning) {}
