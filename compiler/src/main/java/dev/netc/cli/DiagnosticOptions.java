package dev.netc.cli;

import dev.netc.cli.args.Arguments;
import dev.netc.cli.args.Option;
import dev.netc.cli.args.ValueType;
import dev.netc.diagnostics.format.Format;
import java.util.List;
import java.util.Locale;

/**
 * How {@code compile} and {@code check} report diagnostics: {@code --format} and
 * {@code --max-errors}. Apart from {@link CompileOptions} because {@code --format} of
 * {@code graph} and {@code diff} names their own output; those report diagnostics as {@link #TEXT}.
 *
 * @param maxErrors how many errors to show; 0 for all
 */
record DiagnosticOptions(Format format, int maxErrors) {
    /** Every diagnostic, as text on standard error. */
    static final DiagnosticOptions TEXT = new DiagnosticOptions(Format.TEXT, 0);

    static final Option FORMAT = Option.value(
                    "FORMAT",
                    ValueType.TEXT,
                    "how to report diagnostics: text (default, on standard error), json, sarif or github "
                            + "(GitHub Actions annotations); the last three go to standard output. The exit code is the same for all.",
                    "--format")
            .withDefault("text")
            .withChoices("text", "json", "sarif", "github");
    static final Option MAX_ERRORS = Option.value(
                    "N",
                    ValueType.COUNT,
                    "show at most N errors (0, the default, shows all); the summary still counts every one",
                    "--max-errors")
            .withDefault("0");
    static final List<Option> OPTIONS = List.of(FORMAT, MAX_ERRORS);

    static DiagnosticOptions of(Arguments arguments) {
        return new DiagnosticOptions(
                Format.valueOf(arguments.value(FORMAT).toUpperCase(Locale.ROOT)), arguments.integer(MAX_ERRORS));
    }
}
