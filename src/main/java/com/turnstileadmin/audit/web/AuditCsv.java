package com.turnstileadmin.audit.web;

import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.ActorKind;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.FieldChange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Audit entries as CSV (RFC 4180): a header row, then one row per entry, fields separated
 * by commas, lines ended by CRLF, and a field quoted (its quotes doubled) when it holds a
 * comma, a quote or a line break. Times are ISO-8601 in UTC.
 *
 * <p>
 * The file starts with a UTF-8 byte-order mark: without it Excel on Windows reads the
 * file in the machine's ANSI code page and garbles "→", "—" and every non-ASCII name.
 *
 * <p>
 * Actor names, widget names and Cloudflare's messages are text that someone else chose,
 * and a spreadsheet runs a cell that starts with {@code = + - @} (or a tab or carriage
 * return before them) as a formula. Where a cell starts is the reader's choice, not ours:
 * in many locales Excel and LibreOffice split a line on {@code ;} rather than {@code ,},
 * some importers split on tabs, and a splitter ignores quotes that do not open its own
 * field, so {@code x;=1+1;y} holds a formula cell even when quoted, and a single quote in
 * front of the whole value would not defuse it. So every segment that could start a cell
 * (the value's start and whatever follows a {@code , ; tab CR LF}) and begins, after
 * spaces, with a formula character gets a single quote in front of that character, as
 * OWASP advises for a whole cell; a value that starts with a tab or CR gets one in front
 * as well. Ordinary values are written unchanged.
 */
final class AuditCsv {

    /** U+FEFF, which UTF-8 writes as the bytes EF BB BF. */
    static final char BYTE_ORDER_MARK = '\uFEFF';

    static final List<String> HEADER = List.of("time (UTC)", "actor", "actor e-mail", "actor subject", "action",
            "widget", "sitekey", "outcome", "error", "invalidate immediately", "changes", "made", "via");

    private static final String FORMULA_STARTS = "=+-@";

    /** What a reader may split a line on, or start a new line at. */
    private static final String SEPARATORS = ",;\t\r\n";

    private final Writer out;

    /**
     * What the file calls each action: the pages' words, in English, as the trail is
     * kept.
     */
    private final Function<AuditAction, String> actionNames;

    AuditCsv(Writer out, Function<AuditAction, String> actionNames) {
        this.out = out;
        this.actionNames = actionNames;
    }

    /** The byte-order mark and the header row: the file's beginning. */
    void header() {
        try {
            out.write(BYTE_ORDER_MARK);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        line(HEADER);
    }

    void row(AuditEntry entry) {
        line(List.of(entry.occurredAt().toString(), entry.actorName(), orEmpty(entry.actorEmail()),
                entry.actorSubject(), actionNames.apply(entry.action()), orEmpty(entry.widgetName()),
                orEmpty(entry.sitekey()), entry.succeeded() ? "succeeded" : "failed", orEmpty(entry.error()),
                entry.invalidateImmediately() == null ? "" : entry.invalidateImmediately() ? "yes" : "no",
                changes(entry.changes()), entry.actorKind() == ActorKind.OUTSIDE ? "outside" : "here",
                orEmpty(entry.via())));
    }

    /**
     * An update's changes in one field:
     * {@code Name: Old shop → Shop; Mode: managed → invisible}.
     */
    static String changes(List<FieldChange> changes) {
        return changes.stream()
            .map(change -> change.field() + ": " + orNone(change.oldValue()) + " → " + orNone(change.newValue()))
            .collect(Collectors.joining("; "));
    }

    /**
     * One field as it goes into the file: defused if a spreadsheet would run it, then
     * quoted if it must be.
     */
    static String cell(String value) {
        String text = defused(value);
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }

    /**
     * The value with a single quote before each formula character that could begin a cell
     * (see above).
     */
    static String defused(String value) {
        StringBuilder text = new StringBuilder(value.length() + 1);
        if (!value.isEmpty() && (value.charAt(0) == '\t' || value.charAt(0) == '\r')) {
            text.append('\'');
        }
        boolean segmentStart = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (segmentStart && FORMULA_STARTS.indexOf(c) >= 0) {
                text.append('\'');
            }
            text.append(c);
            if (SEPARATORS.indexOf(c) >= 0) {
                segmentStart = true;
            }
            else if (c != ' ') {
                segmentStart = false;
            }
        }
        return text.toString();
    }

    private void line(List<String> fields) {
        try {
            out.write(fields.stream().map(AuditCsv::cell).collect(Collectors.joining(",")));
            out.write("\r\n");
        }
        catch (IOException e) {
            // The download was cut off (the browser went away): there is nobody left to
            // answer.
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
