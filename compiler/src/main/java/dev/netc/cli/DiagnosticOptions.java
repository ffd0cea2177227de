package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.ValueType;
import dev.netc.diagnostics.format.Format;
import java.util.List;
import java.util.Locale;

/**
 * How {@code compile} and {@code check} report diagnostics: {@code --format},
 * {@code --max-errors}, {@code --deny-warnings} and {@code --path-prefix}. Apart from
 * {@link CompileOptions} because {@code --format} of {@code graph} and {@code diff} names their
 * own output; those report diagnostics as {@link #TEXT}.
 *
 * @param maxErrors how many errors to show; 0 for all
 * @param denyWarnings whether a warning fails the run as an error does
 * @param pathPrefix what the machine formats put before relative paths (empty for nothing)
 */
record DiagnosticOptions(Format format, int maxErrors, boolean denyWarnings, String pathPrefix) {
    /** Every diagnostic, as text on standard error. */
    static final DiagnosticOptions TEXT = new DiagnosticOptions(Format.TEXT, 0, false, "");

    static final Option FORMAT = Option.value(
                    "FORMAT",
                    ValueType.TEXT,
                    "how to report diagnostics: text (default, on standard error), json, sarif (code scanning), "
                            + "github (GitHub Actions annotations), junit (JUnit XML for CI test tabs) or gitlab "
                            + "(GitLab code quality); all but text go to standard output. The exit code is the same for all.",
                    "--format")
            .withDefault("text")
            .withChoices("text", "json", "sarif", "github", "junit", "gitlab");
    static final Option MAX_ERRORS = Option.value(
                    "N",
                    ValueType.COUNT,
                    "show at most N errors (0, the default, shows all); the summary still counts every one",
                    "--max-errors")
            .withDefault("0");
    static final Option DENY_WARNINGS = Option.flag(
            "a warning fails the run as an error does (exit 1, and compile writes nothing); "
                    + "`// netc:allow CODE reason` accepts one warning at its place",
            "--deny-warnings");
    static final Option PATH_PREFIX = Option.value(
                    "PREFIX",
                    ValueType.TEXT,
                    "put PREFIX before the relative paths of the machine formats: the folder netc runs in, "
                            + "relative to the repository root, so that code scanning and reports find the files",
                    "--path-prefix")
            .withDefault("");
    static final List<Option> OPTIONS = List.of(FORMAT, MAX_ERRORS, DENY_WARNINGS, PATH_PREFIX);

    static DiagnosticOptions of(Arguments arguments) {
        return new DiagnosticOptions(
                Format.valueOf(arguments.value(FORMAT).toUpperCase(Locale.ROOT)),
                arguments.integer(MAX_ERRORS),
                arguments.has(DENY_WARNINGS),
                arguments.value(PATH_PREFIX));
    }
}
