package dev.netc.cli.args;

import java.util.Optional;

/** A command line that cannot be run as written: exit 2 with {@code getMessage()} and, when there is one, a help. */
public final class UsageException extends Exception {
    private final String help;

    public UsageException(String message) {
        this(message, null);
    }

    public UsageException(String message, String help) {
        super(message, null, false, false);
        this.help = help;
    }

    /** What may have been meant, such as "did you mean `--output`?". */
    public Optional<String> help() {
        return Optional.ofNullable(help);
    }
}
