package com.turnstileadmin.account;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * The account's Turnstile plan, as far as the app knows it: it decides whether the form
 * offers the Enterprise-only settings. The API does not say which plan an account has, so
 * it is configured ({@code plan: free} or {@code enterprise}); unset, it is unknown and
 * the form offers them with a note.
 */
public enum AccountPlan {

    FREE, ENTERPRISE, UNKNOWN;

    /** Reads a configured value; blank is {@link #UNKNOWN}. */
    static AccountPlan parse(@Nullable String value, String setting) {
        if (!StringUtils.hasText(value)) {
            return UNKNOWN;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "free" -> FREE;
            case "enterprise" -> ENTERPRISE;
            default ->
                throw new InvalidSettingException(setting, "is not free or enterprise (leave it unset if unsure)");
        };
    }

    public boolean isFree() {
        return this == FREE;
    }

    public boolean isEnterprise() {
        return this == ENTERPRISE;
    }

    public boolean isUnknown() {
        return this == UNKNOWN;
    }

}
