package com.turnstileadmin.widget;

import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Narrows a listing to widgets of a mode and a region, which Cloudflare's list cannot
 * filter on (its {@code filter} takes only {@code name:} and {@code sitekey:}): the app
 * matches them itself, over the pages it reads
 * ({@link WidgetService#list(com.turnstileadmin.security.SignedInUser, com.turnstileadmin.account.AccountId, WidgetQuery, SettingFilter)}).
 *
 * @param mode {@code null} for every mode
 * @param region {@code null} for every region
 */
public record SettingFilter(@Nullable WidgetMode mode, @Nullable Region region) {

    /** Every widget. */
    public static final SettingFilter NONE = new SettingFilter(null, null);

    public boolean isEmpty() {
        return mode == null && region == null;
    }

    public boolean matches(Widget widget) {
        return (mode == null || Objects.equals(mode, widget.settings().mode()))
                && (region == null || Objects.equals(region, widget.settings().region()));
    }
}
