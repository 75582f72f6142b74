package com.turnstileadmin.widget.web;

import com.turnstileadmin.audit.AuditWriteException;
import com.turnstileadmin.text.Text;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareError;
import com.turnstileadmin.widget.CloudflareException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import org.springframework.validation.Errors;

/**
 * Puts a failed save into the form's errors, so the form shows again with everything the
 * user typed: a Cloudflare refusal at the setting it concerns (or at the top), an outage
 * at the top with what it means for the save.
 */
final class CloudflareFormErrors {

    private CloudflareFormErrors() {
    }

    static void reject(CloudflareException failure, Errors errors) {
        if (failure instanceof CloudflareApiException refused) {
            if (refused.errors().isEmpty()) {
                Object[] status = { Text.of("cloudflare.httpStatus", refused.status()) };
                errors.reject("cloudflare.refused", status, null);
            }
            for (CloudflareError error : refused.errors()) {
                Object[] said = { error.message() };
                if (error.setting() == null) {
                    errors.reject("cloudflare.refused", said, null);
                }
                else {
                    errors.rejectValue(WidgetForm.path(error.setting()), "cloudflare.refused", said, null);
                }
            }
        }
        else if (failure instanceof CloudflareUnavailableException unavailable) {
            errors.reject(unavailable.outcomeUnknown() ? "cloudflare.unavailable.outcomeUnknown"
                    : "cloudflare.unavailable.notSaved");
        }
        if (AuditWriteException.suppressedIn(failure)) {
            errors.reject("audit.unrecordedFailure");
        }
    }

}
