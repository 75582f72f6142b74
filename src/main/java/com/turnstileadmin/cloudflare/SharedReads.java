package com.turnstileadmin.cloudflare;

import com.github.benmanes.caffeine.cache.Ticker;
import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.Widget;
import com.turnstileadmin.widget.WidgetPage;
import com.turnstileadmin.widget.WidgetQuery;
import com.turnstileadmin.widget.WidgetSettings;
import com.turnstileadmin.widget.WidgetWithSecret;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The port with identical reads shared: the same list query, or the same widget read
 * without its secret ({@link #widget}), of the same account, asked while it is in flight
 * or within {@code window} of its answer by any user of this instance, is one Cloudflare
 * call. Neither holds a secret and every role may list and open a widget, so sharing them
 * across users shows nobody anything their role does not. Failures are never shared
 * beyond the callers already waiting for them: the next read tries again.
 *
 * <p>
 * A shared widget read keeps the {@link Widget} alone: the secret that came with
 * Cloudflare's answer is not held, not even for the window. {@link #get} is never shared:
 * the app reads a widget with it to reveal its secret (recorded per user, so each reveal
 * is the user's own read) and to check, right before an edit is written, that nobody
 * changed the widget meanwhile, which must see Cloudflare's latest state.
 *
 * <p>
 * Every write through this app drops the account's shared reads once it is done (or
 * failed), so a read that starts after a user's change returned includes it. Another
 * replica's change, or one made outside the app, shows after at most {@code window} (2 s
 * at most, {@link SharedReadsProperties}).
 */
final class SharedReads implements TurnstileWidgets {

    private record ListRead(AccountId account, WidgetQuery query) implements SharedAnswers.Read {
    }

    private record WidgetRead(AccountId account, Sitekey sitekey) implements SharedAnswers.Read {
    }

    private final TurnstileWidgets cloudflare;

    private final SharedAnswers<ListRead, WidgetPage> lists;

    private final SharedAnswers<WidgetRead, Widget> widgets;

    private final Duration window;

    SharedReads(TurnstileWidgets cloudflare, SharedReadsProperties properties, Ticker ticker) {
        this.cloudflare = cloudflare;
        this.window = properties.window();
        this.lists = new SharedAnswers<>(properties, ticker, page -> page.widgets().size());
        this.widgets = new SharedAnswers<>(properties, ticker, widget -> 1);
    }

    @Override
    public Duration sharedAnswerAge() {
        return window;
    }

    @Override
    public WidgetPage list(AccountId account, WidgetQuery query) {
        return lists.read(new ListRead(account, query), () -> cloudflare.list(account, query));
    }

    /** Never shared: the probe asks whether Cloudflare answers now. */
    @Override
    public WidgetPage probe(AccountId account) {
        return cloudflare.probe(account);
    }

    @Override
    public Widget widget(AccountId account, Sitekey sitekey) {
        return widgets.read(new WidgetRead(account, sitekey), () -> cloudflare.widget(account, sitekey));
    }

    /** Never shared: see the class's description. */
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
     * The write, then the account's shared lists and widgets dropped, whatever its
     * outcome (a failed write may have been carried out). Dropped after it rather than
     * before, so that a read that started meanwhile, and may have seen the widget before
     * the change, is not shared either.
     */
    private <T> T writing(AccountId account, Supplier<T> write) {
        try {
            return write.get();
        }
        finally {
            lists.drop(account);
            widgets.drop(account);
        }
    }

}
