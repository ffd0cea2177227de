package dev.netc.lsp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A newer edit cancels the check of an older one; requests wait for the edits sent before them. */
class WorkerTest {
    private final Worker worker = new Worker();
    private final List<String> done = new CopyOnWriteArrayList<>();

    @Test
    void aNewerEditCancelsTheRunningCheckAndDropsTheQueuedOnes() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        worker.check("a", cancelled -> {
            started.countDown();
            await(release);
            done.add(cancelled.getAsBoolean() ? "v1 cancelled" : "v1 published");
        });
        started.await(10, TimeUnit.SECONDS);
        worker.check("a", cancelled -> done.add("v2"));
        worker.check("b", cancelled -> done.add("b"));
        worker.check("a", cancelled -> done.add(cancelled.getAsBoolean() ? "v3 cancelled" : "v3 published"));
        release.countDown();

        assertThat(worker.answer(() -> List.copyOf(done)).get(10, TimeUnit.SECONDS))
                .containsExactly("v1 cancelled", "b", "v3 published");
    }

    @Test
    void aClosedDocumentsPendingCheckNeverRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        worker.run(() -> await(release));
        worker.check("a", cancelled -> done.add("checked"));
        worker.cancel("a");
        release.countDown();

        assertThat(worker.answer(() -> List.copyOf(done)).get(10, TimeUnit.SECONDS))
                .isEmpty();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
