package com.turnstileadmin.analytics;

import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.OverBudgetException;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * Why a panel shows no figures, in the terms its message needs: the rest of the page is
 * unaffected.
 *
 * @param retryAfter when trying again may work, if known
 */
public record AnalyticsProblem(Kind kind, @Nullable Duration retryAfter) {

    public enum Kind {

        /** The token lacks "Account Analytics Read". */
        PERMISSION_MISSING,

        /** The account's Turnstile analytics are off. */
        DISABLED,

        /** Cloudflare refused the query (a limit of the account's analytics). */
        QUERY_REJECTED,

        /** Cloudflare could not be reached or gave no usable answer. */
        UNAVAILABLE,

        /** Cloudflare is rate-limiting the token. */
        RATE_LIMITED,

        /** The account's analytics budget, or the user's share, is spent for now. */
        OVER_BUDGET,

        /** Cloudflare refused the token or the account's widget list. */
        REFUSED

    }

    /** The problem a failure of an analytics read stands for; {@code null} for a bug. */
    private static @Nullable AnalyticsProblem of(Throwable failure) {
        if (failure instanceof AnalyticsRefusedException refused) {
            return new AnalyticsProblem(switch (refused.kind()) {
                case PERMISSION_MISSING -> Kind.PERMISSION_MISSING;
                case DISABLED -> Kind.DISABLED;
                case QUERY_REJECTED -> Kind.QUERY_REJECTED;
            }, null);
        }
        if (failure instanceof CloudflareUnavailableException unavailable) {
            boolean limited = unavailable.reason() == CloudflareUnavailableException.Reason.RATE_LIMITED;
            return new AnalyticsProblem(limited ? Kind.RATE_LIMITED : Kind.UNAVAILABLE, unavailable.retryAfter());
        }
        if (failure instanceof AnalyticsBudgetExhaustedException spent) {
            return new AnalyticsProblem(Kind.OVER_BUDGET, spent.retryAfter());
        }
        if (failure instanceof CloudflareApiException) {
            return new AnalyticsProblem(Kind.REFUSED, null);
        }
        if (failure instanceof OverBudgetException spent) {
            return new AnalyticsProblem(Kind.OVER_BUDGET, spent.retryAfter());
        }
        return null;
    }

    /**
     * The problem a failure of an analytics read stands for, to show in its place.
     * @throws RuntimeException the failure itself when it stands for none (a bug)
     */
    public static AnalyticsProblem shownFor(RuntimeException failure) {
        AnalyticsProblem problem = of(failure);
        if (problem == null) {
            throw failure;
        }
        return problem;
    }

    /** Seconds until trying again may work, at least 1; 0 when unknown. */
    public long retryAfterSeconds() {
        return retryAfter == null ? 0 : Math.max(1, retryAfter.toSeconds());
    }

}
