package com.turnstileadmin.audit.web;

import com.turnstileadmin.audit.ActorKind;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditFilter;
import com.turnstileadmin.paging.Paging;
import com.turnstileadmin.paging.QueryUrl;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;

/**
 * The audit page's filters as they live in the URL query
 * ({@code ?actor=alice&action=update&widget=shop&by=outside&
 * from=2026-03-01&to=2026-03-31&size=50&page=2}), kept as typed (trimmed, at most
 * {@value #MAX_TEXT_LENGTH} characters) so that the form shows them again. Spring MVC
 * binds the query to this record's constructor. Unlike the paging, which falls back to
 * its default, a filter that cannot be read is an error the page shows next to its field:
 * a silently dropped date would show entries the admin did not ask for. Dates are days in
 * UTC, the time zone of the times a page shows without JavaScript.
 *
 * @param action an {@link AuditAction}'s {@link #actionValue URL value}, or empty for
 * every action
 * @param from the first day, {@code yyyy-mm-dd}, or empty
 * @param to the last day, included, or empty
 * @param by whose entries: {@code users} (this dashboard's), {@code outside} (changes
 * made outside it), or empty for both
 * @param page see {@link Paging}
 * @param size see {@link Paging}
 */
public record AuditParams(String actor, String action, String widget, String from, String to, String by, int page,
        int size) {

    static final int MAX_TEXT_LENGTH = 100;

    /**
     * A date field holds what a date input sends, whatever it shows (03/01/2026 to an
     * American browser, 01.03.2026 to a German one): only a hand-made address can hold
     * anything else, so the message names no format the field does not show.
     */
    static final String NOT_A_DATE = "audit.filter.notADate";

    public AuditParams(@Nullable String actor, @Nullable String action, @Nullable String widget, @Nullable String from,
            @Nullable String to, @Nullable String by, int page, int size) {
        this.actor = text(actor);
        this.action = text(action);
        this.widget = text(widget);
        this.from = text(from);
        this.to = text(to);
        this.by = text(by);
        Paging paging = new Paging(page, size);
        this.page = paging.page();
        this.size = paging.size();
    }

    /** A widget's whole history: the trail filtered by its sitekey. */
    static AuditParams ofWidget(String sitekey) {
        return new AuditParams(null, null, sitekey, null, null, null, 1, Paging.DEFAULT_SIZE);
    }

    Paging paging() {
        return new Paging(page, size);
    }

    /** The page of entries to read from the trail. */
    Pageable pageable() {
        return PageRequest.of(page - 1, size);
    }

    /** How an action is spelled in the URL and the form: {@code rotate-secret}. */
    static String actionValue(AuditAction action) {
        return action.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * What is wrong with the filters: the message code ({@code audit.filter.*}) by the
     * name of the field concerned; empty when they can be used.
     */
    Map<String, String> errors() {
        Map<String, String> errors = new LinkedHashMap<>();
        if (!action.isEmpty() && parsedAction() == null) {
            errors.put("action", "audit.filter.unknownAction");
        }
        if (!by.isEmpty() && parsedActorKind() == null) {
            errors.put("by", "audit.filter.unknownActorKind");
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
            errors.put("to", "audit.filter.endBeforeStart");
        }
        return errors;
    }

    boolean isValid() {
        return errors().isEmpty();
    }

    /**
     * The filter for the audit trail: the days from the start of {@code from} to the end
     * of {@code to}, in UTC.
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
                last == null ? null : last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), parsedActorKind());
    }

    public boolean isFiltered() {
        return !(actor.isEmpty() && action.isEmpty() && widget.isEmpty() && from.isEmpty() && to.isEmpty()
                && by.isEmpty());
    }

    AuditParams atPage(int newPage) {
        return new AuditParams(actor, action, widget, from, to, by, newPage, size);
    }

    AuditParams unfiltered() {
        return new AuditParams("", "", "", "", "", "", 1, size);
    }

    /**
     * The URL at {@code path} in this state, with only the parameters that differ from
     * their defaults.
     */
    String url(String path) {
        return QueryUrl.of(path)
            .with("actor", actor)
            .with("action", action)
            .with("widget", widget)
            .with("from", from)
            .with("to", to)
            .with("by", by)
            .with(paging())
            .toString();
    }

    /** The export's URL: the same filters, every page. */
    String exportUrl(String path) {
        return new AuditParams(actor, action, widget, from, to, by, 1, Paging.DEFAULT_SIZE).url(path);
    }

    /** How whose entries are spelled in the URL and the form: {@code outside}. */
    static String actorKindValue(ActorKind kind) {
        return kind == ActorKind.USER ? "users" : "outside";
    }

    private @Nullable ActorKind parsedActorKind() {
        return Arrays.stream(ActorKind.values())
            .filter(kind -> actorKindValue(kind).equals(by))
            .findFirst()
            .orElse(null);
    }

    private @Nullable AuditAction parsedAction() {
        return Arrays.stream(AuditAction.values()).filter(a -> actionValue(a).equals(action)).findFirst().orElse(null);
    }

    private static @Nullable LocalDate date(String value) {
        // Four-digit years only: what a date input sends, and no year past the end of
        // time.
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        }
        catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(@Nullable String value) {
        String text = value == null ? "" : value.strip();
        return text.length() > MAX_TEXT_LENGTH ? text.substring(0, MAX_TEXT_LENGTH) : text;
    }
}
