package com.turnstileadmin.time;

/**
 * A time as a page shows it, worked out once:
 * {@code <time th:datetime="${t.iso}" th:title="${t.exact}" th:text="${t.relative}">}.
 *
 * @param iso the ISO-8601 form for the {@code datetime} attribute
 * @param exact the exact UTC time for a tooltip
 * @param relative "3 hours ago", or the date for an older time
 */
public record ShownTime(String iso, String exact, String relative) {
}
