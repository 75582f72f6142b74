package com.turnstileadmin.audit.web;

import com.turnstileadmin.audit.Attribution;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.paging.Pager;
import com.turnstileadmin.paging.Paging;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;

/**
 * What the audit page shows: the filters as typed with what is wrong with them, and the
 * entries they match with the pager. Its URLs are context-relative; the page renders them
 * with {@code @{...}}.
 *
 * @param errors the message code for each filter that cannot be read, by its field
 * @param entries {@code null} when the filters could not be read, so nothing was looked
 * up
 * @param path the page's path, {@code /accounts/{id}/audit}
 * @param exportPath the CSV's path, {@code /accounts/{id}/audit.csv}
 */
public record AuditView(AuditParams params, Map<String, String> errors, @Nullable Page<AuditEntry> entries, String path,
        String exportPath) {

    /** A choice of the form's action list. */
    public record ActionChoice(String value, String labelKey) {
    }

    /**
     * The page for these filters and the entries read for them ({@code null} if they
     * cannot be read).
     */
    static AuditView of(AuditParams params, @Nullable Page<AuditEntry> entries, String path, String exportPath) {
        return new AuditView(params, params.errors(), entries, path, exportPath);
    }

    public List<ActionChoice> actions() {
        return Arrays.stream(AuditAction.values())
            .map(action -> new ActionChoice(AuditParams.actionValue(action), action.labelKey()))
            .toList();
    }

    public List<Integer> pageSizes() {
        return Paging.SIZES;
    }

    /** The message code for a field, or {@code null}. */
    public @Nullable String error(String field) {
        return errors.get(field);
    }

    /**
     * Whether an entry shown is a change made outside whose actor the token could not
     * name: the page says once which permission would.
     */
    public boolean namesNeedPermission() {
        return entries != null
                && entries.stream().anyMatch(entry -> entry.attribution() == Attribution.PERMISSION_MISSING);
    }

    public boolean hasEntries() {
        return entries != null && entries.hasContent();
    }

    /** The pager; {@code null} when nothing was looked up. */
    public @Nullable Pager pager() {
        return entries == null ? null : Pager.of(params.paging(), entries.getNumberOfElements(),
                entries.getTotalElements(), entries.hasNext(), number -> params.atPage(number).url(path));
    }

    /**
     * Whether the page asked for lies past the last one (a stale link, say) rather than
     * nothing matching.
     */
    public boolean isPastTheEnd() {
        Pager pager = pager();
        return pager != null && pager.pastTheEnd();
    }

    public String currentUrl() {
        return params.url(path);
    }

    public String unfilteredUrl() {
        return params.unfiltered().url(path);
    }

    /**
     * The CSV of every entry these filters match; {@code null} while they cannot be read.
     */
    public @Nullable String exportUrl() {
        return errors.isEmpty() ? params.exportUrl(exportPath) : null;
    }
}
