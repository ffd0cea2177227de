package dev.netc.cli;

import dev.netc.diagnostics.format.Format;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * How {@code compile} and {@code check} report diagnostics: {@code --format} and
 * {@code --max-errors}. Apart from {@link CompileOptions} because {@code --format} of
 * {@code graph} and {@code diff} names their own output; those report diagnostics as {@link #TEXT}.
 */
final class DiagnosticOptions {
    /** Every diagnostic, as text on standard error. */
    static final DiagnosticOptions TEXT = new DiagnosticOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            converter = FormatConverter.class,
            description = "how to report diagnostics: text (default, on standard error), json, sarif or github "
                    + "(GitHub Actions annotations); the last three go to standard output. The exit code is the same for all.")
    Format format = Format.TEXT;

    @Option(names = "--max-errors", paramLabel = "N", defaultValue = "0", converter = CountConverter.class,
            description = "show at most N errors (0, the default, shows all); the summary still counts every one")
    int maxErrors;

    /** A count: a whole number, zero or more. */
    static final class CountConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int count = Integer.parseInt(value);
                if (count >= 0) {
                    return count;
                }
            } catch (NumberFormatException e) {
                // reported below, like a negative number
            }
            throw new CommandLine.TypeConversionException("`" + value + "` is not a count (0 or more)");
        }
    }

    /** Accepts the format names in lower case, as the help text shows them. */
    static final class FormatConverter implements CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(
                        "unknown format `" + value + "`: use text, json, sarif or github");
            }
        }
    }
}
