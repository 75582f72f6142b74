package com.turnstileadmin.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The sandbox account's widgets and the rules Cloudflare applies to them: region fixed
 * after creation, and no second rotation of a secret during the previous one's two-hour
 * grace period. Times come from the given clock, so tests can move through a grace
 * period.
 */
final class WidgetStore {

    static final Duration GRACE_PERIOD = Duration.ofHours(2);

    private final Clock clock;

    private final Keys keys;

    private final Map<String, SandboxWidget> widgets = new HashMap<>();

    private long nextId = 1;

    WidgetStore(Clock clock, Keys keys) {
        this.clock = clock;
        this.keys = keys;
    }

    /**
     * One page of a listing. {@code totalCount} counts the widgets that match the filter.
     */
    record Page(List<SandboxWidget> widgets, int page, int perPage, int totalCount) {
    }

    synchronized Page list(ListRequest request) {
        List<SandboxWidget> matching = widgets.values()
            .stream()
            .filter(matches(request))
            .sorted(order(request))
            .toList();
        long from = Math.min((long) (request.page() - 1) * request.perPage(), matching.size());
        int to = (int) Math.min(from + request.perPage(), matching.size());
        return new Page(matching.subList((int) from, to), request.page(), request.perPage(), matching.size());
    }

    /** All the widgets now, in creation order. */
    synchronized List<SandboxWidget> all() {
        return widgets.values().stream().sorted(Comparator.comparingLong(SandboxWidget::id)).toList();
    }

    synchronized SandboxWidget get(String sitekey) {
        SandboxWidget widget = widgets.get(sitekey);
        if (widget == null) {
            throw SandboxError.notFound(sitekey);
        }
        return widget;
    }

    /**
     * A new widget, with a random sitekey as Cloudflare gives (not from the demo widgets'
     * seeded sequence).
     */
    synchronized SandboxWidget create(WidgetInput input) {
        Instant now = now();
        String sitekey;
        do {
            sitekey = keys.sitekey();
        }
        while (widgets.containsKey(sitekey));
        return add(input, sitekey, now, now, "api");
    }

    synchronized boolean contains(String sitekey) {
        return widgets.containsKey(sitekey);
    }

    /** Adds a widget with the given sitekey and history, for the demo data. */
    synchronized SandboxWidget add(WidgetInput input, String sitekey, Instant createdOn, Instant modifiedOn,
            String deployedVia) {
        if (widgets.containsKey(sitekey)) {
            throw new IllegalArgumentException("Sitekey " + sitekey + " is taken");
        }
        SandboxWidget widget = new SandboxWidget(nextId++, sitekey, keys.secret(), null, null, input,
                createdOn.truncatedTo(ChronoUnit.MICROS), modifiedOn.truncatedTo(ChronoUnit.MICROS), deployedVia,
                deployedVia);
        widgets.put(sitekey, widget);
        return widget;
    }

    synchronized SandboxWidget update(String sitekey, WidgetInput input) {
        SandboxWidget widget = get(sitekey);
        if (!widget.settings().region().equals(input.region())) {
            throw SandboxError.invalidField("/region", "region cannot be changed after the widget is created");
        }
        return put(widget.withSettings(input, now()));
    }

    synchronized SandboxWidget delete(String sitekey) {
        SandboxWidget widget = get(sitekey);
        widgets.remove(sitekey);
        return widget;
    }

    synchronized SandboxWidget rotateSecret(String sitekey, boolean invalidateImmediately) {
        SandboxWidget widget = get(sitekey);
        Instant now = now();
        if (widget.inGracePeriod(now)) {
            throw new SandboxError(400, SandboxError.ROTATION_IN_GRACE_PERIOD,
                    "Secrets cannot be rotated again during the grace period: the previous secret stays valid "
                            + "until " + SandboxJson.timestamp(widget.previousSecretValidUntil()),
                    null);
        }
        String newSecret = keys.secret();
        return put(invalidateImmediately ? widget.withSecret(newSecret, null, null, now)
                : widget.withSecret(newSecret, widget.secret(), now.plus(GRACE_PERIOD), now));
    }

    synchronized int size() {
        return widgets.size();
    }

    private SandboxWidget put(SandboxWidget widget) {
        widgets.put(widget.sitekey(), widget);
        return widget;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Predicate<SandboxWidget> matches(ListRequest request) {
        if (request.filterField() == null || request.filterText().isEmpty()) {
            return widget -> true;
        }
        return request.filterField().equals("name")
                ? widget -> widget.name().toLowerCase(Locale.ROOT).contains(request.filterText())
                : widget -> widget.sitekey().toLowerCase(Locale.ROOT).contains(request.filterText());
    }

    private static Comparator<SandboxWidget> order(ListRequest request) {
        Comparator<SandboxWidget> byId = Comparator.comparingLong(SandboxWidget::id);
        Comparator<SandboxWidget> primary = switch (request.order()) {
            case "sitekey" -> Comparator.comparing(SandboxWidget::sitekey);
            case "name" -> Comparator.comparing(widget -> widget.name().toLowerCase(Locale.ROOT));
            case "created_on" -> Comparator.comparing(SandboxWidget::createdOn);
            case "modified_on" -> Comparator.comparing(SandboxWidget::modifiedOn);
            default -> byId;
        };
        // Ties fall back to creation order, so that pages neither repeat nor skip a
        // widget.
        Comparator<SandboxWidget> stable = primary.thenComparing(byId);
        return request.direction().equals("desc") ? stable.reversed() : stable;
    }

}
