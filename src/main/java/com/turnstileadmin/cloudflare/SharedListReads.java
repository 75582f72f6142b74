package com.turnstileadmin.cloudflare;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * The port with identical list reads shared: the same query of the same account, asked
 * while it is in flight or within {@code window} of its answer, by any user of this
 * instance, is one Cloudflare call. A list holds no secret and every role may list, so
 * sharing it across users shows nobody anything their role does not. Failures are never
 * shared beyond the callers already waiting for them: the next read tries again.
 *
 * <p>
 * Every write through this app drops the account's shared lists once it is done (or
 * failed), so a read that starts after a user's change returned includes it. Another
 * replica's change, or one made outside the app, shows after at most {@code window}.
 *
 * <p>
 * Only lists are shared. A widget read carries its secret: sharing it would need the same
 * audit record and role check for every user it serves as {@code revealSecret} applies,
 * so it goes through as before. The key is the read (account and query); a widget read
 * for pages that show no secret could be added as a key of its own, dropped by the same
 * writes.
 */
final class SharedListReads implements TurnstileWidgets {

    private record ListRead(AccountId account, WidgetQuery query) {
    }

    private final TurnstileWidgets cloudflare;

    private final boolean sharing;

    private final AsyncCache<ListRead, WidgetPage> lists;

    SharedListReads(TurnstileWidgets cloudflare, SharedReadsProperties properties, Ticker ticker) {
        this.cloudflare = cloudflare;
        this.sharing = !properties.window().isZero();
        // Maintenance on the callers' threads: nothing of this runs on the common pool.
        this.lists = Caffeine.newBuilder()
            .expireAfterWrite(properties.window())
            .ticker(ticker)
            .maximumWeight(properties.maxWidgets())
            .weigher((ListRead read, WidgetPage page) -> page.widgets().size())
            .executor(Runnable::run)
            .buildAsync();
    }

    @Override
    public WidgetPage list(AccountId account, WidgetQuery query) {
        if (!sharing) {
            return cloudflare.list(account, query);
        }
        CompletableFuture<WidgetPage> mine = new CompletableFuture<>();
        CompletableFuture<WidgetPage> shared = lists.asMap().putIfAbsent(new ListRead(account, query), mine);
        if (shared == null) {
            // This caller makes the call, on its own thread; the others wait for its
            // answer.
            try {
                mine.complete(cloudflare.list(account, query));
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

    /** Never shared: the probe asks whether Cloudflare answers now. */
    @Override
    public WidgetPage probe(AccountId account) {
        return cloudflare.probe(account);
    }

    @Override
    public WidgetWithSecret get(AccountId account, Sitekey sitekey) {
        return cloudflare.get(account, sitekey);
    }

    @Override
    public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
        return writing(account, () -> cloudflare.create(account, settings));
    }

    @Override
    public WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings) {
        return writing(account, () -> cloudflare.update(account, sitekey, settings));
    }

    @Override
    public Widget delete(AccountId account, Sitekey sitekey) {
        return writing(account, () -> cloudflare.delete(account, sitekey));
    }

    @Override
    public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
        return writing(account, () -> cloudflare.rotateSecret(account, sitekey, invalidateImmediately));
    }

    /**
     * The write, then the account's shared lists dropped, whatever its outcome (a failed
     * write may have been carried out). Dropped after it rather than before, so that a
     * read that started meanwhile, and may have seen the widget before the change, is not
     * shared either.
     */
    private <T> T writing(AccountId account, Supplier<T> write) {
        try {
            return write.get();
        }
        finally {
            lists.asMap().keySet().removeIf(read -> read.account().equals(account));
        }
    }

}
