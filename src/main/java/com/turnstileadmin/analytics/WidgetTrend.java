package com.turnstileadmin.analytics;

import com.turnstileadmin.widget.Sitekey;
import java.util.List;

/**
 * A widget's last 24 hours for the list's sparkline: challenges issued per hour, oldest
 * first, and the totals.
 */
public record WidgetTrend(Sitekey sitekey, List<Long> issuedPerHour, EventTotals totals) {

    public WidgetTrend {
        issuedPerHour = List.copyOf(issuedPerHour);
    }

    public long peak() {
        return issuedPerHour.stream().mapToLong(Long::longValue).max().orElse(0);
    }

}
