package dev.netc.lsp;

import dev.netc.analysis.SecretSource;
import dev.netc.compile.Compiler;
import dev.netc.emit.Emitter;
import dev.netc.source.SourceFile;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Compiles open documents from their text in the editor. The project root is the workspace
 * folder that holds the file (else its folder), so imports resolve as in the project's build.
 */
final class DocumentChecker {
    /**
     * The server never reads secrets: a token's variable or file is taken as set (the editor's
     * environment is not the build's), and only a token file that does not exist is reported.
     */
    static final SecretSource NO_SECRETS = new SecretSource() {
        @Override
        public Optional<String> env(String name) {
            return Optional.of("unread");
        }

        @Override
        public Optional<String> file(Path path, StringBuilder problem) {
            if (Files.isRegularFile(path)) {
                return Optional.of("unread");
            }
            problem.append("no file `").append(path).append('`');
            return Optional.empty();
        }
    };

    private List<Path> workspaceFolders = List.of();

    void setWorkspaceFolders(List<Path> folders) {
        workspaceFolders = List.copyOf(folders);
    }

    /**
     * The document compiled; empty when {@code cancelled} became true on the way (a newer edit
     * came in), which is asked between reading the file and analysing it.
     */
    Optional<Snapshot> check(String uri, String text, BooleanSupplier cancelled) {
        Optional<Path> path = path(uri);
        Path folder = path.map(Path::getParent).orElse(Path.of("").toAbsolutePath());
        Path root = workspaceFolders.stream()
                .filter(f -> path.isPresent() && path.get().startsWith(f))
                .findFirst()
                .orElse(folder);
        // named by its absolute path, as the loader names files it reads, so an import cycle back to it is seen as one
        SourceFile source = new SourceFile(path.map(Path::toString).orElse(uri), text, path.orElse(null));
        Compiler.Request request = new Compiler.Request(
                List.of(), List.of(source), root, root, Map.of(), NO_SECRETS, Emitter.Options.DEFAULT);
        Compiler.Loaded loaded = Compiler.load(request);
        if (cancelled.getAsBoolean()) {
            return Optional.empty();
        }
        Compiler.Result result = Compiler.check(loaded, request);
        return cancelled.getAsBoolean() ? Optional.empty() : Optional.of(new Snapshot(uri, source, result));
    }

    static Optional<Path> path(String uri) {
        try {
            URI parsed = URI.create(uri);
            return "file".equals(parsed.getScheme())
                    ? Optional.of(Path.of(parsed).toAbsolutePath().normalize())
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
