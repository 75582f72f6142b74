package com.turnstileadmin.security;

import com.turnstileadmin.account.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are slowed down ({@link SignInThrottle}), on the sign-in form and
 * on the management endpoints' HTTP Basic alike.
 *
 * @param maxFailures failures in a row that lock a user name
 * ({@code SIGN_IN_MAX_FAILURES}, default 5)
 * @param maxFailuresPerAddress failures that lock a client address, whatever user names
 * it tried ({@code SIGN_IN_MAX_FAILURES_PER_ADDRESS}, default 20)
 * @param firstLockout how long the first lockout lasts; each further failure after it
 * doubles it ({@code SIGN_IN_FIRST_LOCKOUT}, default 1 minute)
 * @param maxLockout the longest lockout ({@code SIGN_IN_MAX_LOCKOUT}, default 1 hour)
 * @param forgetAfter a user name or address without a failure for this long starts again
 * from none (default 24 hours)
 * @param trackedKeys at most this many user names and as many addresses are remembered,
 * so that an attacker who varies them cannot fill the memory (default 10,000 each)
 */
@ConfigurationProperties("sign-in-throttle")
public record SignInThrottleProperties(@DefaultValue("5") int maxFailures,
        @DefaultValue("20") int maxFailuresPerAddress, @DefaultValue("1m") Duration firstLockout,
        @DefaultValue("1h") Duration maxLockout, @DefaultValue("24h") Duration forgetAfter,
        @DefaultValue("10000") int trackedKeys) {

    public SignInThrottleProperties {
        if (maxFailures < 1 || maxFailuresPerAddress < 1) {
            throw new InvalidSettingException("SIGN_IN_MAX_FAILURES (sign-in-throttle.max-failures...)",
                    "must be at least 1");
        }
        if (firstLockout.isNegative() || firstLockout.isZero() || maxLockout.compareTo(firstLockout) < 0) {
            throw new InvalidSettingException("SIGN_IN_FIRST_LOCKOUT / SIGN_IN_MAX_LOCKOUT",
                    "must be positive, the first no longer than the longest");
        }
        if (forgetAfter.compareTo(maxLockout) < 0 || trackedKeys < 1) {
            throw new InvalidSettingException("sign-in-throttle.forget-after / .tracked-keys",
                    "must outlast the longest lockout, and keep at least one key");
        }
    }
}
