package com.turnstileadmin.widget.web;

import com.turnstileadmin.audit.AuditWriteException;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.validation.Errors;

/**
 * Puts a failed save into the form's errors, so the form shows again with everything the user typed:
 * a Cloudflare refusal at the field its JSON pointer names (or at the top), an outage at the top
 * with what it means for the save.
 */
final class CloudflareFormErrors {

    // Cloudflare's pointers name request fields; these are the ones the form has.
    private static final Map<String, String> FIELDS = Map.of(
            "name", "name",
            "domains", "domains",
            "mode", "mode",
            "clearance_level", "clearanceLevel",
            "region", "region",
            "bot_fight_mode", "botFightMode",
            "offlabel", "offlabel",
            "ephemeral_id", "ephemeralId");

    private CloudflareFormErrors() {
    }

    static void reject(CloudflareException failure, Errors errors) {
        if (failure instanceof CloudflareApiException refused) {
            if (refused.errors().isEmpty()) {
                errors.reject("cloudflare.refused", new Object[] {"HTTP " + refused.status()}, null);
            }
            for (CloudflareError error : refused.errors()) {
                String field = fieldOf(error.pointer());
                if (field == null) {
                    errors.reject("cloudflare.refused", new Object[] {error.message()}, null);
                } else {
                    errors.rejectValue(field, "cloudflare.refused", new Object[] {error.message()}, null);
                }
            }
        } else if (failure instanceof CloudflareUnavailableException unavailable) {
            errors.reject(unavailable.outcomeUnknown() ? "cloudflare.unavailable.outcomeUnknown"
                    : "cloudflare.unavailable.notSaved");
        }
        if (AuditWriteException.suppressedIn(failure)) {
            errors.reject("audit.unrecordedFailure");
        }
    }

    private static @Nullable String fieldOf(@Nullable String pointer) {
        if (pointer == null || !pointer.startsWith("/")) {
            return null;
        }
        String first = pointer.substring(1).split("/", 2)[0];
        return FIELDS.get(first);
    }
}
