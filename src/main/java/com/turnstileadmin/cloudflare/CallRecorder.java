package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request to Cloudflare, recorded exactly once however it ends (an answer, a
 * failure, or a cancellation from below): its observation in {@link CallMetrics} and its
 * one INFO line, which names the operation, the account, the sitekey ({@code -} for
 * none), the HTTP status or how the call failed, and its duration. Never a header, a body
 * or a credential. In JSON logs the same fields are key-value pairs.
 */
final class CallRecorder {

    private static final Logger log = LoggerFactory.getLogger(CallRecorder.class);

    private final CallMetrics metrics;

    private final Operation operation;

    private final AccountId account;

    private final String sitekey;

    private final long started = System.nanoTime();

    private final AtomicBoolean recorded = new AtomicBoolean();

    private volatile int status;

    CallRecorder(CallMetrics metrics, Operation operation, AccountId account, @Nullable String sitekey) {
        this.metrics = metrics;
        this.operation = operation;
        this.account = account;
        this.sitekey = sitekey == null ? "-" : sitekey;
    }

    /**
     * Cloudflare answered with this status; whether the answer is usable is for
     * {@link #succeeded} or {@link #failed}.
     */
    void answered(int httpStatus) {
        status = httpStatus;
    }

    void succeeded() {
        record(CallOutcome.SUCCESS, null);
    }

    void failed(Throwable failure) {
        if (status == 0) {
            if (failure instanceof CloudflareApiException refused) {
                status = refused.status();
            }
            else if (failure instanceof CloudflareUnavailableException unavailable) {
                status = unavailable.status();
            }
        }
        String kind = failure instanceof CloudflareUnavailableException unavailable
                ? unavailable.reason().name().toLowerCase(Locale.ROOT) : "error";
        record(CallOutcome.of(failure), kind);
    }

    /**
     * The call was abandoned before it ended: by a timeout above it, or by a caller that
     * stopped waiting.
     */
    void cancelled() {
        record(CallOutcome.UNAVAILABLE, "cancelled");
    }

    private void record(CallOutcome outcome, @Nullable String failureKind) {
        if (!recorded.compareAndSet(false, true)) {
            return;
        }
        long nanos = System.nanoTime() - started;
        metrics.recordCall(operation, account, outcome, nanos);
        long millis = nanos / 1_000_000;
        // With an answer its status, else how the call failed: "status=503" or
        // "failure=timeout".
        boolean answered = status > 0;
        var line = log.atInfo()
            .addKeyValue("operation", operation.tag())
            .addKeyValue("account", account.value())
            .addKeyValue("sitekey", sitekey);
        line = answered ? line.addKeyValue("status", status) : line.addKeyValue("failure", failureKind);
        line.addKeyValue("outcome", outcome.tag())
            .addKeyValue("duration_ms", millis)
            .log("Cloudflare call operation={} account={} sitekey={} {}={} outcome={} duration_ms={}", operation.tag(),
                    account, sitekey, answered ? "status" : "failure", answered ? status : failureKind, outcome.tag(),
                    millis);
    }

}
