package dev.netc.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The file operations that change the disk while output is written: the seam through which
 * tests make any one of them fail, to prove the output folder is never left half-written.
 */
interface FileOps {
    void createDirectories(Path dir) throws IOException;

    /**
     * Creates a new file with its final mode from the start (a secret is never readable by
     * others). It is not forced to disk: see docs/reliability.md.
     */
    void writeNew(Path file, String content, boolean secret) throws IOException;

    /** Renames, atomically where the file system can, replacing what is at {@code to}. */
    void move(Path from, Path to) throws IOException;

    void deleteIfExists(Path path) throws IOException;

    /** The mode of a file with a secret in it (a node's cloud-config with the cluster token). */
    Set<PosixFilePermission> SECRET_MODE = PosixFilePermissions.fromString("rw-------");
    /** The mode of every other file. */
    Set<PosixFilePermission> PUBLIC_MODE = PosixFilePermissions.fromString("rw-r--r--");

    /** The real disk. */
    FileOps DISK = new FileOps() {
        @Override
        public void createDirectories(Path dir) throws IOException {
            Files.createDirectories(dir);
        }

        @Override
        public void writeNew(Path file, String content, boolean secret) throws IOException {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(secret ? SECRET_MODE : PUBLIC_MODE));
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.WRITE);
        }

        @Override
        public void move(Path from, Path to) throws IOException {
            try {
                Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            }
        }

        @Override
        public void deleteIfExists(Path path) throws IOException {
            Files.deleteIfExists(path);
        }
    };
}
