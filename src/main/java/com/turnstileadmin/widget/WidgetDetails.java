package com.turnstileadmin.widget;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a widget's page shows of it: the widget without its secret, and when the grace
 * period of its last rotation through this app ends, if it has not yet (until then the
 * previous secret still works and Cloudflare refuses another rotation).
 */
public record WidgetDetails(Widget widget, Optional<Instant> gracePeriodEnd) {

    public WidgetDetails {
        Objects.requireNonNull(widget, "widget");
        Objects.requireNonNull(gracePeriodEnd, "gracePeriodEnd");
    }

    /** The end for a template, which asks {@code != null}. */
    public Instant gracePeriodEndOrNull() {
        return gracePeriodEnd.orElse(null);
    }
}
