package com.turnstileadmin.analytics;

import com.turnstileadmin.widget.Sitekey;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Cloudflare's answer to a {@link TrafficQuery}, group by group as it counted them.
 *
 * @param series counts per sitekey and event type (and time bucket, when asked)
 * @param breakdowns for each breakdown asked, its groups in Cloudflare's order (largest
 * first)
 */
public record TrafficReport(List<SeriesGroup> series, Map<Breakdown, List<BreakdownGroup>> breakdowns) {

    public TrafficReport {
        series = List.copyOf(series);
        breakdowns = Map.copyOf(breakdowns);
    }

    /**
     * Events of one widget and type.
     *
     * @param bucketStart the start of the time bucket, {@code null} when the query had
     * none
     * @param count the events, as Cloudflare estimates them from its sample
     * @param sampleInterval how many events each sampled one stands for, on average (1:
     * every event was kept)
     */
    public record SeriesGroup(Sitekey sitekey, EventType type, @Nullable Instant bucketStart, long count,
            double sampleInterval) {

        public SeriesGroup {
            Objects.requireNonNull(sitekey, "sitekey");
            Objects.requireNonNull(type, "type");
        }

    }

    /**
     * Events with one value of a breakdown's dimension and one type.
     *
     * @param value the dimension's value as Cloudflare gives it (an ASN as digits; may be
     * empty)
     */
    public record BreakdownGroup(String value, EventType type, long count, double sampleInterval) {

        public BreakdownGroup {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(type, "type");
        }

    }

}
