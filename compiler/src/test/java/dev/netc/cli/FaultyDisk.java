package dev.netc.cli;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The real disk, except that operation number {@code failing} fails with an I/O error, or,
 * when {@code kill} is set, the process "dies" there: that operation and every one after it
 * throws {@link Killed}, which nothing in netc catches, so no clean-up runs (as after SIGKILL).
 */
final class FaultyDisk implements FileOps {
    /** The simulated death of the process. */
    static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed");
        }
    }

    private final int failing;
    private final boolean kill;
    private int operations;

    FaultyDisk(int failing, boolean kill) {
        this.failing = failing;
        this.kill = kill;
    }

    int operations() {
        return operations;
    }

    private void next(String what, Path path) throws IOException {
        operations++;
        if (kill && operations >= failing) {
            throw new Killed();
        }
        if (operations == failing) {
            throw new IOException("injected failure of operation " + operations + ": " + what + " " + path);
        }
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        next("createDirectories", dir);
        FileOps.DISK.createDirectories(dir);
    }

    @Override
    public void writeNew(Path file, String content, boolean secret) throws IOException {
        next("writeNew", file);
        FileOps.DISK.writeNew(file, content, secret);
    }

    @Override
    public void move(Path from, Path to) throws IOException {
        next("move", from);
        FileOps.DISK.move(from, to);
    }

    @Override
    public void deleteIfExists(Path path) throws IOException {
        next("deleteIfExists", path);
        FileOps.DISK.deleteIfExists(path);
    }
}
