package com.turnstileadmin.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Audit entries as CSV (RFC 4180): a header row, then one row per entry, fields separated by commas,
 * lines ended by CRLF, and a field quoted (its quotes doubled) when it holds a comma, a quote or a
 * line break. Times are ISO-8601 in UTC.
 *
 * <p>Actor names, widget names and Cloudflare's messages are text that someone else chose, and a
 * spreadsheet runs a cell that starts with {@code = + - @} (or a tab or carriage return before them)
 * as a formula. Such a cell is written with a single quote in front, as OWASP advises, so that it
 * opens as the text it is.
 */
final class AuditCsv {

    static final List<String> HEADER = List.of("time (UTC)", "actor", "actor e-mail", "actor subject", "action",
            "widget", "sitekey", "outcome", "error", "invalidate immediately", "changes");

    private final Writer out;

    AuditCsv(Writer out) {
        this.out = out;
    }

    void header() {
        line(HEADER);
    }

    void row(AuditEntry entry) {
        line(List.of(entry.occurredAt().toString(), entry.actorName(), orEmpty(entry.actorEmail()),
                entry.actorSubject(), entry.action().label(), orEmpty(entry.widgetName()), orEmpty(entry.sitekey()),
                entry.succeeded() ? "succeeded" : "failed", orEmpty(entry.error()),
                entry.invalidateImmediately() == null ? "" : entry.invalidateImmediately() ? "yes" : "no",
                changes(entry.changes())));
    }

    /** An update's changes in one field: {@code Name: Old shop → Shop; Mode: managed → invisible}. */
    static String changes(List<FieldChange> changes) {
        return changes.stream()
                .map(change -> change.field() + ": " + orNone(change.oldValue()) + " → " + orNone(change.newValue()))
                .collect(Collectors.joining("; "));
    }

    /** One field as it goes into the file: defused if a spreadsheet would run it, then quoted if it must be. */
    static String cell(String value) {
        String text = isFormula(value) ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    private static boolean isFormula(String value) {
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0;
    }

    private void line(List<String> fields) {
        try {
            out.write(fields.stream().map(AuditCsv::cell).collect(Collectors.joining(",")));
            out.write("\r\n");
        } catch (IOException e) {
            // The download was cut off (the browser went away): there is nobody left to answer.
            throw new UncheckedIOException(e);
        }
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String orNone(@Nullable String value) {
        return value == null ? "(none)" : value;
    }
}
