package dev.netc.lsp;

import dev.netc.load.StdlibSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The standard library on disk, for go-to-definition: editors open files, not jar resources.
 * Each module is copied once, read-only, into {@code <cache>/stdlib/<netc version>/}, from the
 * same text the compiler reads ({@link StdlibSources}); a copy that differs (edited by hand) is replaced.
 */
final class StdlibFiles {
    private static final String PREFIX = "std/";
    private final Path folder;

    StdlibFiles(Path cacheRoot, String version) {
        this.folder = cacheRoot.resolve("stdlib").resolve(version);
    }

    /** The default cache: {@code $XDG_CACHE_HOME/netc}, else {@code ~/.cache/netc}. */
    static Path defaultCacheRoot() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("netc");
    }

    /** The file of a module shown as {@code std/ports.netspec}, written when missing. */
    Optional<Path> file(String displayName) {
        if (!displayName.startsWith(PREFIX) || !displayName.endsWith(".netspec")) {
            return Optional.empty();
        }
        String module = displayName.substring(PREFIX.length(), displayName.length() - ".netspec".length());
        Optional<String> text = StdlibSources.text(module);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            Path file = folder.resolve(module + ".netspec");
            if (!Files.isRegularFile(file)
                    || !new String(Files.readAllBytes(file), StandardCharsets.UTF_8).equals(text.get())) {
                write(file, text.get().getBytes(StandardCharsets.UTF_8));
            }
            return Optional.of(file);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static void write(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path temporary = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
        Files.write(temporary, content);
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("r--r--r--"));
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
