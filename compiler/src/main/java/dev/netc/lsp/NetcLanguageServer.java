package dev.netc.lsp;

import dev.netc.Version;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.eclipse.lsp4j.CodeActionKind;
import org.eclipse.lsp4j.CodeActionOptions;
import org.eclipse.lsp4j.CompletionOptions;
import org.eclipse.lsp4j.DidChangeConfigurationParams;
import org.eclipse.lsp4j.DidChangeWatchedFilesParams;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.InitializeResult;
import org.eclipse.lsp4j.RenameOptions;
import org.eclipse.lsp4j.ServerCapabilities;
import org.eclipse.lsp4j.ServerInfo;
import org.eclipse.lsp4j.TextDocumentSyncKind;
import org.eclipse.lsp4j.WorkspaceFolder;
import org.eclipse.lsp4j.jsonrpc.Launcher;
import org.eclipse.lsp4j.launch.LSPLauncher;
import org.eclipse.lsp4j.services.LanguageClient;
import org.eclipse.lsp4j.services.LanguageClientAware;
import org.eclipse.lsp4j.services.LanguageServer;
import org.eclipse.lsp4j.services.TextDocumentService;
import org.eclipse.lsp4j.services.WorkspaceService;

/**
 * {@code netc lsp}: the language server. Diagnostics are the compiler's own; hover, definition,
 * references, completion, outline, formatting and quick fixes come from the same compilation.
 */
public final class NetcLanguageServer implements LanguageServer, LanguageClientAware {
    private final DocumentChecker checker = new DocumentChecker();
    private final DocumentService documents;
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private boolean shutdownRequested;

    private final WorkspaceService workspace = new WorkspaceService() {
        @Override
        public void didChangeConfiguration(DidChangeConfigurationParams params) {
            // the server has no settings
        }

        @Override
        public void didChangeWatchedFiles(DidChangeWatchedFilesParams params) {
            // imported files are read from disk on every check: nothing to invalidate
        }
    };

    /** @param stdlibCache where standard modules are copied for go-to-definition */
    public NetcLanguageServer(Path stdlibCache) {
        this.documents = new DocumentService(checker, new StdlibFiles(stdlibCache, Version.current()));
    }

    /**
     * Serves one client over the streams until it says {@code exit} or closes the input.
     *
     * @return the process exit code: 0 after shutdown and exit, 1 otherwise (as the protocol asks)
     */
    public static int serve(InputStream in, OutputStream out) {
        NetcLanguageServer server = new NetcLanguageServer(StdlibFiles.defaultCacheRoot());
        Launcher<LanguageClient> launcher = LSPLauncher.createServerLauncher(server, in, out);
        server.connect(launcher.getRemoteProxy());
        Future<Void> listening = launcher.startListening();
        CompletableFuture.runAsync(() -> {
            try {
                listening.get();
            } catch (InterruptedException | ExecutionException e) {
                // the connection is gone either way
            }
            server.exitCode.complete(1);
        });
        return server.exitCode.join();
    }

    @Override
    public void connect(LanguageClient client) {
        documents.connect(client);
    }

    @Override
    public CompletableFuture<InitializeResult> initialize(InitializeParams params) {
        List<Path> folders = new ArrayList<>();
        if (params.getWorkspaceFolders() != null) {
            params.getWorkspaceFolders().stream()
                    .map(WorkspaceFolder::getUri)
                    .map(DocumentChecker::path)
                    .forEach(path -> path.ifPresent(folders::add));
        } else if (params.getRootUri() != null) {
            DocumentChecker.path(params.getRootUri()).ifPresent(folders::add);
        }
        checker.setWorkspaceFolders(folders);

        ServerCapabilities capabilities = new ServerCapabilities();
        capabilities.setTextDocumentSync(TextDocumentSyncKind.Full);
        capabilities.setHoverProvider(true);
        capabilities.setDefinitionProvider(true);
        capabilities.setReferencesProvider(true);
        capabilities.setRenameProvider(new RenameOptions(true));
        capabilities.setCompletionProvider(new CompletionOptions(false, List.of(".", ":", "\"", "{")));
        capabilities.setDocumentSymbolProvider(true);
        capabilities.setDocumentFormattingProvider(true);
        capabilities.setCodeActionProvider(new CodeActionOptions(List.of(CodeActionKind.QuickFix)));
        return CompletableFuture.completedFuture(
                new InitializeResult(capabilities, new ServerInfo("netc", Version.current())));
    }

    @Override
    public CompletableFuture<Object> shutdown() {
        shutdownRequested = true;
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void exit() {
        exitCode.complete(shutdownRequested ? 0 : 1);
    }

    /** Completes with the exit code once the client said {@code exit}. */
    public CompletableFuture<Integer> exitCode() {
        return exitCode;
    }

    @Override
    public TextDocumentService getTextDocumentService() {
        return documents;
    }

    @Override
    public WorkspaceService getWorkspaceService() {
        return workspace;
    }
}
