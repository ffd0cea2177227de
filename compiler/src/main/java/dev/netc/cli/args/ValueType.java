package dev.netc.cli.args;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/** What an option's value must be; a value that is not is a usage error, found when parsing. */
public enum ValueType {
    TEXT {
        @Override
        Optional<String> problem(String value) {
            return Optional.empty();
        }
    },
    PATH {
        @Override
        Optional<String> problem(String value) {
            try {
                Path.of(value);
                return Optional.empty();
            } catch (InvalidPathException e) {
                return Optional.of("`" + value + "` is not a path: " + e.getReason());
            }
        }
    },
    /** A whole number, zero or more. */
    COUNT {
        @Override
        Optional<String> problem(String value) {
            return parse(value).filter(n -> n >= 0).isPresent()
                    ? Optional.empty()
                    : Optional.of("`" + value + "` is not a count (0 or more)");
        }
    },
    /** Any whole number: what is too small is for the command to say. */
    INTEGER {
        @Override
        Optional<String> problem(String value) {
            return parse(value).isPresent() ? Optional.empty() : Optional.of("`" + value + "` is not a whole number");
        }
    },
    /** {@code NAME=VALUE}, split at the first {@code =}. */
    NAME_VALUE {
        @Override
        Optional<String> problem(String value) {
            return value.indexOf('=') > 0 ? Optional.empty() : Optional.of("`" + value + "` is not NAME=VALUE");
        }
    };

    /** Why {@code value} is not of this type; empty when it is. */
    abstract Optional<String> problem(String value);

    static Optional<Integer> parse(String value) {
        try {
            return Optional.of(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
