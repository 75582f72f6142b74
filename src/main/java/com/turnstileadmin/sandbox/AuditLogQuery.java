package com.turnstileadmin.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of an audit log query, checked as Cloudflare checks them: {@code since}
 * and {@code before} are required, each a date ({@code 2019-04-30}, UTC) or an RFC 3339
 * timestamp; {@code direction} is {@code desc} (the default) or {@code asc};
 * {@code limit} is 1 to {@value #MAX_LIMIT}. Other parameters (the SDKs' {@code .not}
 * filters, {@code product_category}) are accepted and ignored.
 *
 * @param since the earliest time of an entry, inclusive
 * @param before the time entries are older than, exclusive
 */
record AuditLogQuery(Instant since, Instant before, boolean ascending, int limit, @Nullable String cursor) {

    static final int DEFAULT_LIMIT = 100;

    static final int MAX_LIMIT = 1000;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    static AuditLogQuery parse(Map<String, String> query) {
        Instant since = time(query, "since");
        Instant before = time(query, "before");
        if (!since.isBefore(before)) {
            throw SandboxError.badRequest("since must be earlier than before");
        }
        String direction = query.getOrDefault("direction", "desc");
        if (!direction.equals("desc") && !direction.equals("asc")) {
            throw SandboxError.badRequest("direction must be asc or desc");
        }
        String cursor = query.get("cursor");
        return new AuditLogQuery(since, before, direction.equals("asc"), limit(query.get("limit")),
                cursor == null || cursor.isEmpty() ? null : cursor);
    }

    boolean covers(Instant time) {
        return !time.isBefore(since) && time.isBefore(before);
    }

    private static Instant time(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw SandboxError.badRequest(name + " is required: a date such as 2019-04-30 or an RFC 3339 timestamp");
        }
        try {
            return DATE.matcher(value).matches() ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(value).toInstant();
        }
        catch (DateTimeParseException e) {
            throw SandboxError.badRequest(name + " must be a date such as 2019-04-30 or an RFC 3339 timestamp");
        }
    }

    private static int limit(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return DEFAULT_LIMIT;
        }
        // The Go SDK's limit is a float64, so "100" may come as "100.0".
        double limit;
        try {
            limit = Double.parseDouble(value);
        }
        catch (NumberFormatException e) {
            limit = Double.NaN;
        }
        if (limit != Math.rint(limit) || limit < 1 || limit > MAX_LIMIT) {
            throw SandboxError.badRequest("limit must be a whole number from 1 to " + MAX_LIMIT);
        }
        return (int) limit;
    }

}
