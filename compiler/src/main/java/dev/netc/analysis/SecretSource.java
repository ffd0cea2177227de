package dev.netc.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code env("NAME")} and {@code file("path")} read secrets from. Tests pass their own
 * environment; the CLI passes the process environment. What is read is checked and trimmed by
 * {@link TokenValue}, the same for both.
 */
public interface SecretSource {
    /**
     * The most bytes a token file may have. Tokens are tens of bytes; the cap keeps a mistaken
     * path (a log, {@code /proc/self/environ}, a disk image) from being read whole and copied into
     * every node file.
     */
    int MAX_FILE_BYTES = 64 * 1024;

    Optional<String> env(String name);

    /**
     * Whether a token that cannot be read is an error (NS2014). Only writing the node files
     * needs its value; a command that writes none checks the reference alone (declared,
     * well-formed), so a pull request from a fork, which has no secrets, can still be checked.
     */
    default boolean required() {
        return true;
    }

    /** The file's content as it is, or empty with the reason in {@code problem}. */
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
                return readBounded(path, problem);
            }
        };
    }

    /**
     * A regular file of at most {@link #MAX_FILE_BYTES} bytes, as UTF-8. Anything else is refused
     * before more than that is read: a device ({@code /dev/zero} never ends), a pipe (would block),
     * a folder, or a file that only claims a size ({@code /proc} files say 0).
     */
    static Optional<String> readBounded(Path path, StringBuilder problem) {
        if (!Files.exists(path)) {
            problem.append("no file `").append(path).append('`');
            return Optional.empty();
        }
        if (!Files.isRegularFile(path)) {
            problem.append('`')
                    .append(path)
                    .append("` is not a regular file")
                    .append(Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? " but a folder" : "");
            return Optional.empty();
        }
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        } catch (IOException e) {
            problem.append("cannot read file `").append(path).append('`');
            return Optional.empty();
        }
        if (bytes.length > MAX_FILE_BYTES) {
            problem.append("file `")
                    .append(path)
                    .append("` has more than ")
                    .append(MAX_FILE_BYTES)
                    .append(" bytes: not a token");
            return Optional.empty();
        }
        try {
            return Optional.of(StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString());
        } catch (CharacterCodingException e) {
            problem.append("file `").append(path).append("` is not UTF-8 text");
            return Optional.empty();
        }
    }
}
