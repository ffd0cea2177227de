package dev.netc.lsp;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The one thread that checks documents and answers requests about them, in the order the client
 * sent them, so that a request sees every edit sent before it (as when lsp4j's reader thread did
 * the work itself). The reader thread only queues work, so it reads a newer edit while an older
 * one is checked: the older check is then cancelled (it stops at its next cancellation point
 * and publishes nothing) and a check not yet started is dropped. Compiling a thousand namespaces
 * takes a few hundred milliseconds; a burst of typing now costs one check, not one per keystroke.
 */
final class Worker {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "netc-lsp-worker");
        worker.setDaemon(true);
        return worker;
    });
    /** Work that may run while the worker goes on: preparing answers the worker may ask for later. */
    private final ExecutorService beside = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "netc-lsp-beside");
        thread.setDaemon(true);
        return thread;
    });
    /** The latest check of each document, cancelled when a newer one is queued. */
    private final Map<String, Check> latest = new ConcurrentHashMap<>();

    /** One queued check; {@link #cancelled} is read at the check's cancellation points. */
    private static final class Check implements BooleanSupplier {
        private volatile boolean cancelled;

        @Override
        public boolean getAsBoolean() {
            return cancelled;
        }
    }

    /**
     * Queues the check of a document's new text, cancelling any older check of it; {@code check}
     * is given the cancellation flag to ask.
     */
    void check(String uri, Consumer<BooleanSupplier> check) {
        Check next = new Check();
        Check previous = latest.put(uri, next);
        if (previous != null) {
            previous.cancelled = true;
        }
        thread.execute(() -> {
            if (!next.cancelled) {
                check.accept(next);
            }
            latest.remove(uri, next);
        });
    }

    /** Cancels the document's pending check, as when it is closed. */
    void cancel(String uri) {
        Check previous = latest.remove(uri);
        if (previous != null) {
            previous.cancelled = true;
        }
    }

    /** Runs work after everything queued before it. */
    void run(Runnable work) {
        thread.execute(work);
    }

    /**
     * Runs work on another thread, beside the worker, which goes on with the next check. The work
     * must only touch what it is given, never the documents' state.
     */
    void beside(Runnable work) {
        beside.execute(work);
    }

    /** Answers after everything queued before it, on the worker. */
    <T> CompletableFuture<T> answer(Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, thread);
    }
}
