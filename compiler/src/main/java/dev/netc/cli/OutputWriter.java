package dev.netc.cli;

import dev.netc.emit.OutputFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes a compilation's files into the output folder without ever leaving it half-written:
 * everything is first written to a staging folder beside it, and only then moved into place,
 * file by file with atomic renames. Files that the previous run wrote (listed in
 * {@value #MANIFEST}) and this run does not are removed; files netc did not write are never
 * touched.
 */
final class OutputWriter {
    static final String MANIFEST = ".netc-manifest";
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC = PosixFilePermissions.fromString("rw-r--r--");

    private OutputWriter() {
    }

    static void write(Path outputDir, List<OutputFile> files) throws IOException {
        Path target = outputDir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".netc-");
        try {
            for (OutputFile file : files) {
                Path path = staging.resolve(file.path());
                Files.createDirectories(path.getParent());
                // create with the final mode at once, so a secret is never readable by others
                Files.createFile(path, PosixFilePermissions.asFileAttribute(file.secret() ? SECRET : PUBLIC));
                Files.writeString(path, file.content(), StandardCharsets.UTF_8);
            }
            Set<String> written = new LinkedHashSet<>();
            files.forEach(f -> written.add(f.path()));
            Files.writeString(staging.resolve(MANIFEST), String.join("\n", written) + "\n", StandardCharsets.UTF_8);
            install(staging, target, files, previousManifest(target), written);
        } finally {
            deleteTree(staging);
        }
    }

    private static void install(Path staging, Path target, List<OutputFile> files, List<String> previous, Set<String> written)
            throws IOException {
        Files.createDirectories(target);
        for (OutputFile file : files) {
            Path destination = target.resolve(file.path());
            Files.createDirectories(destination.getParent());
            move(staging.resolve(file.path()), destination);
        }
        for (String stale : previous) {
            if (!written.contains(stale) && !stale.contains("..")) {
                Files.deleteIfExists(target.resolve(stale));
            }
        }
        move(staging.resolve(MANIFEST), target.resolve(MANIFEST));
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<String> previousManifest(Path target) throws IOException {
        Path manifest = target.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line.trim());
            }
        }
        return lines;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // leftover staging files are harmless; the next run uses a new folder
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            // as above
        }
    }
}
