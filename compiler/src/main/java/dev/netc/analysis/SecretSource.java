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

    /** The file's content with one trailing newline removed, or empty with the reason in {@code problem}. */
    Optional<String> file(Path path, StringBuilder problem);

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
