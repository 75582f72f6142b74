package com.turnstileadmin.audit.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditTrail;
import java.text.NumberFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;

/**
 * What the audit page shows: the filters as typed with what is wrong with them, and the entries
 * they match with the range ("26–50 of 1,200") and the pager's links.
 *
 * @param entries {@code null} when the filters could not be read, so nothing was looked up
 * @param path the page's path, {@code /accounts/{id}/audit}
 * @param exportPath the CSV's path, {@code /accounts/{id}/audit.csv}
 */
public record AuditView(AuditParams params, Map<String, String> errors, @Nullable Page<AuditEntry> entries, String path,
        String exportPath) {

    /** A choice of the form's action list. */
    public record ActionChoice(String value, String label) {
    }

    static AuditView of(AuditParams params, AuditTrail trail, AccountId account,
            String path, String exportPath) {
        Map<String, String> errors = params.errors();
        Page<AuditEntry> entries = errors.isEmpty()
                ? trail.search(account, params.toFilter(),
                        PageRequest.of(params.page() - 1, params.size()))
                : null;
        return new AuditView(params, errors, entries, path, exportPath);
    }

    public List<ActionChoice> actions() {
        return Arrays.stream(AuditAction.values())
                .map(action -> new ActionChoice(AuditParams.actionValue(action), action.label())).toList();
    }

    public List<Integer> pageSizes() {
        return AuditParams.PAGE_SIZES;
    }

    /** The message for a field, or {@code null}. */
    public @Nullable String error(String field) {
        return errors.get(field);
    }

    public boolean hasEntries() {
        return entries != null && entries.hasContent();
    }

    public String range() {
        NumberFormat number = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        if (entries == null || !entries.hasContent()) {
            return "0 of " + number.format(entries == null ? 0 : entries.getTotalElements());
        }
        long first = entries.getPageable().getOffset() + 1;
        long last = first + entries.getNumberOfElements() - 1;
        return number.format(first) + "–" + number.format(last) + " of " + number.format(entries.getTotalElements());
    }

    /** Whether the page asked for lies past the last one (a stale link, say) rather than nothing matching. */
    public boolean isPastTheEnd() {
        return entries != null && !entries.hasContent() && params.page() > 1;
    }

    public @Nullable String previousUrl() {
        return params.page() > 1 && hasEntries() ? params.atPage(params.page() - 1).url(path) : null;
    }

    public @Nullable String nextUrl() {
        return entries != null && entries.hasNext() ? params.atPage(params.page() + 1).url(path) : null;
    }

    public String currentUrl() {
        return params.url(path);
    }

    public String firstPageUrl() {
        return params.atPage(1).url(path);
    }

    public String unfilteredUrl() {
        return params.unfiltered().url(path);
    }

    /** The CSV of every entry these filters match; {@code null} while they cannot be read. */
    public @Nullable String exportUrl() {
        return errors.isEmpty() ? params.exportUrl(exportPath) : null;
    }
}
