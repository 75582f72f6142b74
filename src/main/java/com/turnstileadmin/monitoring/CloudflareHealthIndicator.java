package com.turnstileadmin.monitoring;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.account.CloudflareAccount;
import com.turnstileadmin.account.CloudflareAccounts;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.TurnstileWidgets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

/**
 * The Cloudflare part of readiness ({@code cloudflare} in the health endpoint): whether
 * Cloudflare answers for every configured account and accepts its credentials, asked with
 * one small list per account ({@link TurnstileWidgets#probe}, never retried).
 *
 * <p>
 * Asked at most once a {@link #INTERVAL minute}, however often and however many probes
 * ask at once: the team's rate limit is shared. One probe asks while the others are
 * answered with the last result (or, before the first, wait for it). Nothing else asks:
 * pages never trigger it.
 *
 * <p>
 * DOWN when an account's credentials are refused (401, 403, or any other refusal of the
 * list) or Cloudflare cannot be used (a timeout, a failed connection, a 5xx, an answer
 * that is not its API's). UP on a 429: Cloudflare answered and did not refuse the
 * credentials; the limit is the team's, shared by every replica, so taking this one out
 * of the load balancer would help nobody, and it ends by itself (the pages say so
 * meanwhile). The details, shown only to the monitoring user, say per account what
 * Cloudflare answered and when it was asked; never a token or an error text.
 */
@Component
class CloudflareHealthIndicator implements HealthIndicator {

    /** How long a result stands before Cloudflare is asked again. */
    static final Duration INTERVAL = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(CloudflareHealthIndicator.class);

    private final TurnstileWidgets cloudflare;

    private final CloudflareAccounts accounts;

    private final Clock clock;

    private final ReentrantLock asking = new ReentrantLock();

    private volatile @Nullable Checked last;

    /** A result and when it came. */
    private record Checked(Instant at, Health health) {
    }

    CloudflareHealthIndicator(TurnstileWidgets cloudflare, CloudflareAccounts accounts, Clock clock) {
        this.cloudflare = cloudflare;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public Health health() {
        Checked seen = last;
        if (isFresh(seen)) {
            return seen.health();
        }
        if (!asking.tryLock()) {
            // Another probe is asking Cloudflare: the last result will do meanwhile;
            // before the first, wait for it.
            if (seen != null) {
                return seen.health();
            }
            asking.lock();
        }
        try {
            seen = last;
            if (isFresh(seen)) {
                return seen.health();
            }
            Checked checked = check();
            logChange(seen, checked);
            last = checked;
            return checked.health();
        }
        finally {
            asking.unlock();
        }
    }

    private boolean isFresh(@Nullable Checked checked) {
        return checked != null && clock.instant().isBefore(checked.at().plus(INTERVAL));
    }

    private Checked check() {
        Map<String, Object> answers = new LinkedHashMap<>();
        boolean down = false;
        for (CloudflareAccount account : accounts.all()) {
            Answer answer = ask(account.id());
            answers.put(account.id().value(), Map.of("status", answer.status().getCode(), "answer", answer.text()));
            down |= answer.status() == Status.DOWN;
        }
        // Stamped when the answers are in, so that the next question comes a whole minute
        // after them.
        Instant at = clock.instant();
        Health health = (down ? Health.down() : Health.up()).withDetail("checkedAt", at.toString())
            .withDetail("accounts", answers)
            .build();
        return new Checked(at, health);
    }

    private record Answer(Status status, String text) {
    }

    private Answer ask(AccountId account) {
        try {
            cloudflare.probe(account);
            return new Answer(Status.UP, "credentials accepted");
        }
        catch (CloudflareApiException refused) {
            return new Answer(Status.DOWN, (refused.isAuthenticationFailure() ? "credentials refused" : "list refused")
                    + " (HTTP " + refused.status() + ")");
        }
        catch (CloudflareUnavailableException unavailable) {
            if (unavailable.reason() == CloudflareUnavailableException.Reason.RATE_LIMITED) {
                return new Answer(Status.UP, "rate limited (HTTP 429); credentials not refused");
            }
            return new Answer(Status.DOWN,
                    "unavailable: " + unavailable.reason().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + (unavailable.status() > 0 ? " (HTTP " + unavailable.status() + ")" : ""));
        }
        catch (RuntimeException unexpected) {
            log.warn("Readiness: asking Cloudflare about account {} failed unexpectedly", account, unexpected);
            return new Answer(Status.DOWN, "failed: " + unexpected.getClass().getSimpleName());
        }
    }

    private static void logChange(@Nullable Checked before, Checked now) {
        Status was = before == null ? Status.UP : before.health().getStatus();
        Status is = now.health().getStatus();
        if (!is.equals(was)) {
            if (Status.DOWN.equals(is)) {
                log.warn("Readiness: Cloudflare is DOWN for this app: {}", now.health().getDetails().get("accounts"));
            }
            else {
                log.info("Readiness: Cloudflare is UP again: {}", now.health().getDetails().get("accounts"));
            }
        }
    }

}
