package dev.netc.analysis;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code env("NAME")} and {@code file("path")} read secrets from. Tests pass their own
 * environment; the CLI passes the process environment.
 */
public interface SecretSource {
    Optional<String> env(String name);

    /**
     * Whether a token that cannot be read is an error (NS2014). Only writing the node files
     * needs its value; a command that writes none checks the reference alone (declared,
     * well-formed), so a pull request from a fork, which has no secrets, can still be checked.
     */
    default boolean required() {
        return true;
    }

    /** The file's content with one trailing newline removed, or empty with the reason in {@code problem}. */
    Optional<String> file(Path path, StringBuilder problem);

    /**
     * For the commands that write no node file ({@code check}, {@code query}, {@code graph},
     * {@code diff}): the token is read where it is there, and only so that its value pasted
     * into a comment is masked in what they show; where it is not, nothing is reported.
     */
    static SecretSource ifPresent(Map<String, String> environment) {
        SecretSource source = of(environment);
        return new SecretSource() {
            @Override
            public Optional<String> env(String name) {
                return source.env(name);
            }

            @Override
            public Optional<String> file(Path path, StringBuilder problem) {
                return source.file(path, problem);
            }

            @Override
            public boolean required() {
                return false;
            }
        };
    }

    static SecretSource of(Map<String, String> environment) {
        return new SecretSource() {
            @Override
            public Optional<String> env(String name) {
                return Optional.ofNullable(environment.get(name));
            }

            @Override
            public Optional<String> file(Path path, StringBuilder problem) {
                try {
                    String text = Files.readString(path, StandardCharsets.UTF_8);
                    return Optional.of(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
                } catch (IOException e) {
                    problem.append(Files.exists(path) ? "cannot read file `" : "no file `")
                            .append(path)
                            .append('`');
                    return Optional.empty();
                }
            }
        };
    }
}
