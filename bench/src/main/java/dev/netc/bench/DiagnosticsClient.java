package dev.netc.bench;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.MessageActionItem;
import org.eclipse.lsp4j.MessageParams;
import org.eclipse.lsp4j.PublishDiagnosticsParams;
import org.eclipse.lsp4j.ShowMessageRequestParams;
import org.eclipse.lsp4j.services.LanguageClient;

/** The editor's side of a timed session: when the diagnostics of each document version arrived. */
final class DiagnosticsClient implements LanguageClient {
    private final Map<Integer, CompletableFuture<Long>> arrived = new ConcurrentHashMap<>();

    /** When the diagnostics of {@code version} arrived ({@link System#nanoTime}), waiting for them. */
    long await(int version, long timeoutSeconds) throws Exception {
        return arrived.computeIfAbsent(version, v -> new CompletableFuture<>()).get(timeoutSeconds, TimeUnit.SECONDS);
    }

    @Override
    public void publishDiagnostics(PublishDiagnosticsParams params) {
        long now = System.nanoTime();
        if (params.getVersion() != null) {
            arrived.computeIfAbsent(params.getVersion(), v -> new CompletableFuture<>())
                    .complete(now);
        }
    }

    @Override
    public void telemetryEvent(Object object) {}

    @Override
    public void showMessage(MessageParams messageParams) {}

    @Override
    public CompletableFuture<MessageActionItem> showMessageRequest(ShowMessageRequestParams requestParams) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void logMessage(MessageParams message) {}
}
