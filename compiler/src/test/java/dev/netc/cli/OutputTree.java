package dev.netc.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Everything under a folder, for comparing it before and after: each file's bytes and mode, and each folder. */
final class OutputTree {
    private OutputTree() {}

    /** Path (folders end in `/`) to content and mode; the lock file beside output folders is left out. */
    static Map<String, String> snapshot(Path root) {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.toList()) {
                String name = root.relativize(path).toString();
                if (name.endsWith(".netc-lock")) {
                    continue;
                }
                String mode =
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    tree.put(name + "/", mode);
                } else {
                    tree.put(name, mode + " " + new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return tree;
    }

    /** The part of a snapshot of the folder above {@code folder} that lies in it, named as {@link #snapshot(Path)} of it would. */
    static Map<String, String> snapshot(Path folder, Map<String, String> parentSnapshot) {
        String prefix = folder.getFileName() + "/";
        Map<String, String> tree = new TreeMap<>();
        parentSnapshot.forEach((name, value) -> {
            if (name.startsWith(prefix)) {
                tree.put(name.substring(prefix.length()).isEmpty() ? "/" : name.substring(prefix.length()), value);
            }
        });
        return tree;
    }

    /** Makes the files and folders of a snapshot under {@code root}, with their modes. */
    static void restore(Path root, Map<String, String> tree) {
        try {
            for (Map.Entry<String, String> entry : tree.entrySet()) { // sorted: a folder comes before what is in it
                String name = entry.getKey();
                Path path = root.resolve(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                String mode = entry.getValue().substring(0, 9);
                if (name.endsWith("/")) {
                    Files.createDirectories(path);
                } else {
                    Files.writeString(path, entry.getValue().substring(10), StandardCharsets.UTF_8);
                }
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a folder and everything in it. */
    static void delete(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Names of staging folders left beside the output folders under {@code root}. */
    static Stream<String> staging(Path root) {
        return snapshot(root).keySet().stream().filter(name -> name.contains(".netc-staging-"));
    }
}
