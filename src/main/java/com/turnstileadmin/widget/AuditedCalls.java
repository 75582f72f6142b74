package com.turnstileadmin.widget;

import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.AuditWriteException;
import java.util.function.Supplier;

/**
 * How {@link WidgetService} records what it does at Cloudflare: a change that happened is
 * handed back even if its record could not be stored (marked so), and a failure is
 * recorded and then thrown as it would be without the record.
 */
final class AuditedCalls {

    private final AuditTrail audit;

    private final FailureText failures;

    AuditedCalls(AuditTrail audit, FailureText failures) {
        this.audit = audit;
        this.failures = failures;
    }

    /**
     * The Cloudflare call of the attempt; if it fails, the failure is recorded and
     * thrown.
     */
    <T> T atCloudflare(Attempt attempt, Supplier<T> call) {
        try {
            return call.get();
        }
        catch (CloudflareException failure) {
            throw failed(attempt, failure, failures.of(failure));
        }
    }

    /**
     * Records a change Cloudflare made; one that could not be recorded is still handed
     * back, marked so.
     */
    <T> Recorded<T> succeeded(Attempt attempt, T result) {
        try {
            audit.succeeded(attempt);
            return new Recorded<>(result, true);
        }
        catch (AuditWriteException unrecorded) {
            // The trail has logged it; the change happened at Cloudflare and must not be
            // hidden.
            return new Recorded<>(result, false);
        }
    }

    /**
     * Records a failed attempt and returns the failure, to be thrown as it would be
     * without the record.
     */
    <E extends RuntimeException> E failed(Attempt attempt, E failure, String error) {
        try {
            audit.failed(attempt, error);
        }
        catch (AuditWriteException unrecorded) {
            // The trail has logged it; the page showing the failure says so too.
            failure.addSuppressed(unrecorded);
        }
        return failure;
    }

}
