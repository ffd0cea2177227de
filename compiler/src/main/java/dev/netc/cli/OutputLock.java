package dev.netc.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.UUID;

/**
 * One run at a time into an output folder: an exclusive lock on a file beside it
 * ({@code .NAME.netc-lock}), held for the whole run and removed when the run ends, so that it
 * does not show in {@code git status} (the OS frees the lock of a process that dies; its file
 * is removed by the next run).
 *
 * <p>Removing a lock file races with a run that opened it and waits for its lock: that run
 * would then hold the lock of a file no longer there, while a third one creates and locks a
 * new file. So a run that gets a lock writes a token of its own into it and reads the file at
 * the path back: only if it finds its token is the lock the folder's; else it tries again. The
 * file is read back through a second channel that stays open as long as the lock is held: the
 * operating system's record locks are the process's, and closing any descriptor of the file
 * would release them.
 */
final class OutputLock implements Closeable {
    private final Path file;
    private final FileChannel channel;
    private final FileChannel reader;

    private OutputLock(Path file, FileChannel channel, FileChannel reader) {
        this.file = file;
        this.channel = channel;
        this.reader = reader;
    }

    /** Waits for the lock of {@code target}'s output folder. */
    static OutputLock acquire(Path target) throws IOException {
        Path file = target.resolveSibling("." + target.getFileName() + ".netc-lock");
        while (true) {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                channel.lock();
                byte[] token = UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII);
                channel.truncate(0);
                channel.write(ByteBuffer.wrap(token), 0);
                FileChannel reader = FileChannel.open(file, StandardOpenOption.READ);
                if (Arrays.equals(token, contents(reader, token.length + 1))) {
                    return new OutputLock(file, channel, reader);
                }
                reader.close(); // a file of another run, which holds no lock of ours
            } catch (NoSuchFileException e) {
                // removed by the run before, after we opened it: lock the file at the path now
            } catch (IOException | RuntimeException e) {
                channel.close();
                throw e;
            }
            channel.close();
        }
    }

    /** Up to {@code limit} bytes from the start of the file. */
    private static byte[] contents(FileChannel reader, int limit) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(limit);
        while (buffer.hasRemaining() && reader.read(buffer) > 0) {
            // until the end of the file or the limit
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    /** Removes the file, then lets the next run go: it finds the file gone, or a new one. */
    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);
        } finally {
            reader.close();
            channel.close();
        }
    }
}
