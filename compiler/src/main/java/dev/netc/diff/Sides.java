package dev.netc.diff;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The same work on both versions that {@code netc diff} compares, done at once: the older on
 * another thread, the newer on this one. Neither depends on the other, and on a machine with two
 * processors the pair takes about the time of one.
 */
public final class Sides {
    private Sides() {}

    /** Both versions' results. */
    public record Both<T>(T before, T after) {}

    /** Runs both; an exception of either is thrown as it was, the older one's first. */
    public static <T> Both<T> of(Supplier<T> before, Supplier<T> after) {
        CompletableFuture<T> older = CompletableFuture.supplyAsync(before);
        T newer = after.get();
        try {
            return new Both<>(older.join(), newer);
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }
}
