package com.turnstileadmin.widget;

import com.turnstileadmin.audit.AuditEntry;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * What a widget's page shows of it: the widget without its secret, and when the grace
 * period of its last rotation through this app ends, if it has not yet (until then the
 * previous secret still works and Cloudflare refuses another rotation).
 */
public record WidgetDetails(Widget widget, Optional<Instant> gracePeriodEnd, @Nullable OutsideNotice outside) {

    public WidgetDetails {
        Objects.requireNonNull(widget, "widget");
        Objects.requireNonNull(gracePeriodEnd, "gracePeriodEnd");
    }

    public WidgetDetails(Widget widget, Optional<Instant> gracePeriodEnd) {
        this(widget, gracePeriodEnd, null);
    }

    /**
     * A change made outside the dashboard that nobody kept or reverted yet.
     *
     * @param latest the audit trail's latest entry of one, which says who and what;
     * {@code null} if the trail could not be read
     * @param revertible whether there are settings to put back
     */
    public record OutsideNotice(Instant since, @Nullable AuditEntry latest, boolean revertible) {
    }

    /** The end for a template, which asks {@code != null}. */
    public Instant gracePeriodEndOrNull() {
        return gracePeriodEnd.orElse(null);
    }
}
