package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare for controller tests: widgets kept in memory, and every call written down
 * ({@code get
 * 0x4AAAAAAAshop}, {@code create Shop checkout}...) so that a test can check that a page
 * made exactly the calls it should, or none. It starts with {@link #SHOP} in it.
 */
public final class FakeTurnstileWidgets implements TurnstileWidgets {

    /** The widget every test finds: "Shop checkout", last modified at the epoch. */
    public static final Sitekey SHOP = new Sitekey("0x4AAAAAAAshop");

    /** When the fake creates, updates or rotates a widget. */
    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private final Map<Sitekey, WidgetWithSecret> widgets = new LinkedHashMap<>();

    private final List<String> calls = new ArrayList<>();

    private @Nullable RuntimeException nextFailure;

    private int created;

    public FakeTurnstileWidgets() {
        reset();
    }

    /** Back to {@link #SHOP} alone, with no calls made and no failure planned. */
    public void reset() {
        widgets.clear();
        calls.clear();
        nextFailure = null;
        created = 0;
        add(TestWidgets.widget(SHOP.value(), "Shop checkout"));
    }

    /** An account without widgets. */
    public void removeAll() {
        widgets.clear();
    }

    public void add(Widget widget) {
        widgets.put(widget.sitekey(), new WidgetWithSecret(widget, secretOf(widget.sitekey(), 1)));
    }

    /** A widget named so, with the settings of {@link TestWidgets#widget}. */
    public Widget add(String sitekey, String name) {
        Widget widget = TestWidgets.widget(sitekey, name);
        add(widget);
        return widget;
    }

    public Widget widget(Sitekey sitekey) {
        return widgets.get(sitekey).widget();
    }

    public WidgetSecret secret(Sitekey sitekey) {
        return widgets.get(sitekey).secret();
    }

    /**
     * Someone changes the widget elsewhere (in Cloudflare's dashboard, say): not a call
     * of this app.
     */
    public void changedElsewhere(Sitekey sitekey, UnaryOperator<WidgetSettings> change) {
        WidgetWithSecret current = widgets.get(sitekey);
        widgets.put(sitekey, new WidgetWithSecret(
                withSettings(current.widget(), change.apply(current.widget().settings())), current.secret()));
    }

    /** The next call, whichever it is, fails so (after it has been written down). */
    public void failNextCallWith(RuntimeException failure) {
        nextFailure = failure;
    }

    /** The calls made since the last {@link #reset()}, in order. */
    public List<String> calls() {
        return List.copyOf(calls);
    }

    @Override
    public WidgetPage list(AccountId account, WidgetQuery query) {
        call("list");
        // Paged as Cloudflare pages (in the order added; neither sorted nor filtered).
        List<Widget> all = widgets.values().stream().map(WidgetWithSecret::widget).toList();
        int first = (int) Math.min(all.size(), (long) (query.page() - 1) * query.perPage());
        return new WidgetPage(all.subList(first, Math.min(all.size(), first + query.perPage())), query.page(),
                query.perPage(), all.size());
    }

    @Override
    public WidgetWithSecret get(AccountId account, Sitekey sitekey) {
        call("get " + sitekey);
        return existing("get widget", sitekey);
    }

    @Override
    public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
        call("create " + settings.name());
        Sitekey sitekey = new Sitekey("0x4AAAAAAAnew" + ++created);
        Widget widget = new Widget(sitekey, settings, NOW, NOW, WidgetOrigin.API, WidgetOrigin.API);
        add(widget);
        return widgets.get(sitekey);
    }

    @Override
    public WidgetWithSecret update(AccountId account, Sitekey sitekey, WidgetSettings settings) {
        call("update " + sitekey);
        WidgetWithSecret current = existing("update widget", sitekey);
        WidgetWithSecret updated = new WidgetWithSecret(withSettings(current.widget(), settings), current.secret());
        widgets.put(sitekey, updated);
        return updated;
    }

    @Override
    public Widget delete(AccountId account, Sitekey sitekey) {
        call("delete " + sitekey);
        return widgets.remove(existing("delete widget", sitekey).widget().sitekey()).widget();
    }

    @Override
    public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
        call("rotate " + sitekey);
        WidgetWithSecret rotated = new WidgetWithSecret(existing("rotate secret", sitekey).widget(),
                secretOf(sitekey, 2));
        widgets.put(sitekey, rotated);
        return rotated;
    }

    private void call(String call) {
        calls.add(call);
        RuntimeException failure = nextFailure;
        nextFailure = null;
        if (failure != null) {
            throw failure;
        }
    }

    private WidgetWithSecret existing(String operation, Sitekey sitekey) {
        WidgetWithSecret widget = widgets.get(sitekey);
        if (widget == null) {
            throw new CloudflareApiException(operation, 404, List.of(new CloudflareError(10007, "not found")));
        }
        return widget;
    }

    private static Widget withSettings(Widget widget, WidgetSettings settings) {
        // The region stays as it was created, as at Cloudflare.
        WidgetSettings kept = new WidgetSettings(settings.name(), settings.domains(), settings.mode(),
                settings.clearanceLevel(), widget.settings().region(), settings.botFightMode(), settings.offlabel(),
                settings.ephemeralId());
        return new Widget(widget.sitekey(), kept, widget.createdOn(), NOW, widget.deployedVia(), WidgetOrigin.API);
    }

    private static WidgetSecret secretOf(Sitekey sitekey, int generation) {
        return new WidgetSecret("0x4AAAAAAAsecret-" + generation + "-of-" + sitekey);
    }

}
