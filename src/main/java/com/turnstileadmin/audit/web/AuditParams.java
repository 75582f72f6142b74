package com.turnstileadmin.audit.web;

import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditFilter;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The audit page's filters as they live in the URL query ({@code ?actor=alice&action=update&widget=shop&
 * from=2026-03-01&to=2026-03-31&size=50&page=2}), kept as typed so that the form shows them again.
 * Unlike the paging, which falls back to its default, a filter that cannot be read is an error the
 * page shows next to its field: a silently dropped date would show entries the admin did not ask for.
 * Dates are days in UTC, the time zone of the times a page shows without JavaScript.
 *
 * @param action an {@link AuditAction}'s {@link #actionValue URL value}, or empty for every action
 * @param from the first day, {@code yyyy-mm-dd}, or empty
 * @param to the last day, included, or empty
 */
public record AuditParams(String actor, String action, String widget, String from, String to, int page, int size) {

    static final List<Integer> PAGE_SIZES = List.of(10, 25, 50, 100);
    static final int DEFAULT_SIZE = 25;
    static final int MAX_TEXT_LENGTH = 100;
    /**
     * A date field holds what a date input sends, whatever it shows (03/01/2026 to an American browser,
     * 01.03.2026 to a German one): only a hand-made address can hold anything else, so the message names
     * no format the field does not show.
     */
    static final String NOT_A_DATE = "Not a date this page can read: choose one in the field.";

    /** Reads the query parameters, each as it came, trimmed; a malformed page or size falls back to its default. */
    static AuditParams of(@Nullable String actor, @Nullable String action, @Nullable String widget,
            @Nullable String from, @Nullable String to, @Nullable String page, @Nullable String size) {
        int perPage = parse(size, DEFAULT_SIZE);
        return new AuditParams(text(actor), text(action), text(widget), text(from), text(to),
                Math.max(1, Math.min(parse(page, 1), 100_000)), PAGE_SIZES.contains(perPage) ? perPage : DEFAULT_SIZE);
    }

    /** A widget's whole history: the trail filtered by its sitekey. */
    static AuditParams ofWidget(String sitekey) {
        return new AuditParams("", "", sitekey, "", "", 1, DEFAULT_SIZE);
    }

    /** How an action is spelled in the URL and the form: {@code rotate-secret}. */
    static String actionValue(AuditAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** What is wrong with the filters, by the name of the field concerned; empty when they can be used. */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!action.isEmpty() && parsedAction() == null) {
            errors.put("action", "There is no such action. Choose one from the list.");
        }
        LocalDate first = date(from);
        LocalDate last = date(to);
        if (!from.isEmpty() && first == null) {
            errors.put("from", NOT_A_DATE);
        }
        if (!to.isEmpty() && last == null) {
            errors.put("to", NOT_A_DATE);
        }
        if (first != null && last != null && last.isBefore(first)) {
            errors.put("to", "The end date is before the start date.");
        }
        return errors;
    }

    boolean isValid() {
        return errors().isEmpty();
    }

    /**
     * The filter for the audit trail: the days from the start of {@code from} to the end of {@code to},
     * in UTC.
     *
     * @throws IllegalStateException if the filters are not {@linkplain #isValid valid}
     */
    AuditFilter toFilter() {
        if (!isValid()) {
            throw new IllegalStateException("The filters are not valid: " + errors().keySet());
        }
        LocalDate first = date(from);
        LocalDate last = date(to);
        return new AuditFilter(actor.isEmpty() ? null : actor, parsedAction(), widget.isEmpty() ? null : widget,
                first == null ? null : first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public boolean isFiltered() {
        return !(actor.isEmpty() && action.isEmpty() && widget.isEmpty() && from.isEmpty() && to.isEmpty());
    }

    AuditParams atPage(int newPage) {
        return new AuditParams(actor, action, widget, from, to, newPage, size);
    }

    AuditParams unfiltered() {
        return new AuditParams("", "", "", "", "", 1, size);
    }

    /** The URL at {@code path} in this state, with only the parameters that differ from their defaults. */
    String url(String path) {
        Map<String, Object> values = new LinkedHashMap<>();
        putIfGiven(values, "actor", actor);
        putIfGiven(values, "action", action);
        putIfGiven(values, "widget", widget);
        putIfGiven(values, "from", from);
        putIfGiven(values, "to", to);
        if (size != DEFAULT_SIZE) {
            values.put("size", size);
        }
        if (page != 1) {
            values.put("page", page);
        }
        UriComponentsBuilder url = UriComponentsBuilder.fromPath(path);
        // As URI variables, the values are encoded strictly: a '+' or '&' in a filter stays itself.
        values.keySet().forEach(name -> url.queryParam(name, "{" + name + "}"));
        return url.encode().buildAndExpand(values).toUriString();
    }

    /** The export's URL: the same filters, every page. */
    String exportUrl(String path) {
        return new AuditParams(actor, action, widget, from, to, 1, DEFAULT_SIZE).url(path);
    }

    private @Nullable AuditAction parsedAction() {
        return Arrays.stream(AuditAction.values()).filter(a -> actionValue(a).equals(action)).findFirst().orElse(null);
    }

    private static void putIfGiven(Map<String, Object> values, String name, String value) {
        if (!value.isEmpty()) {
            values.put(name, value);
        }
    }

    private static @Nullable LocalDate date(String value) {
        // Four-digit years only: what a date input sends, and no year past the end of time.
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(@Nullable String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
    }

    private static int parse(@Nullable String value, int fallback) {
        if (value == null || !value.matches("\\d{1,9}")) {
            return fallback;
        }
        return Integer.parseInt(value);
    }
}
