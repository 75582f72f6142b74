package com.turnstileadmin.cloudflare;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.AccountId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

/**
 * The answers of one kind of read ({@link SharedReads}), shared: a read asked while the
 * same one is in flight, or within the window of its answer, gets that answer instead of
 * making a call. A failure goes to the callers already waiting for it and no further.
 *
 * @param <K> the read: what makes two reads the same, the account among it
 * @param <V> its answer
 */
final class SharedAnswers<K extends SharedAnswers.Read, V> {

    /** A read of one account, so that a write to the account can drop it. */
    interface Read {

        AccountId account();

    }

    private final boolean sharing;

    private final AsyncCache<K, V> answers;

    /**
     * @param widgets how many widgets an answer holds, counted against
     * {@link SharedReadsProperties#maxWidgets()}
     */
    SharedAnswers(SharedReadsProperties properties, Ticker ticker, ToIntFunction<V> widgets) {
        this.sharing = !properties.window().isZero();
        // Maintenance on the callers' threads: nothing of this runs on the common pool.
        this.answers = Caffeine.newBuilder()
            .expireAfterWrite(properties.window())
            .ticker(ticker)
            .maximumWeight(properties.maxWidgets())
            .weigher((K read, V answer) -> widgets.applyAsInt(answer))
            .executor(Runnable::run)
            .buildAsync();
    }

    /** The answer to {@code read}: shared if there is one, else {@code call}'s. */
    V read(K read, Supplier<V> call) {
        if (!sharing) {
            return call.get();
        }
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> shared = answers.asMap().putIfAbsent(read, mine);
        if (shared == null) {
            // This caller makes the call, on its own thread; the others wait for its
            // answer.
            try {
                mine.complete(call.get());
            }
            catch (RuntimeException | Error failure) {
                // A failed future leaves the cache by itself, so the next read calls
                // again.
                mine.completeExceptionally(failure);
            }
            shared = mine;
        }
        try {
            return shared.join();
        }
        catch (CompletionException failure) {
            // The failure as the call threw it (typed, as the port promises), to each
            // caller that waited for it.
            if (failure.getCause() instanceof Error error) {
                throw error;
            }
            throw failure.getCause() instanceof RuntimeException typed ? typed : failure;
        }
    }

    /** Drops every answer about the account, in flight or kept. */
    void drop(AccountId account) {
        answers.asMap().keySet().removeIf(read -> read.account().equals(account));
    }

}
