package com.turnstileadmin.security;

import com.turnstileadmin.account.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long a signed-in session may last at most, however busy it is
 * ({@link SessionChecks}); the idle timeout ({@code SESSION_IDLE_TIMEOUT}) ends a quiet
 * one sooner.
 *
 * @param maxLifetime from sign-in to the end of the session
 * ({@code SESSION_MAX_LIFETIME}, default 12 hours)
 */
@ConfigurationProperties("session")
public record SessionLifetimeProperties(@DefaultValue("12h") Duration maxLifetime) {

    public SessionLifetimeProperties {
        if (maxLifetime.isNegative() || maxLifetime.isZero()) {
            throw new InvalidSettingException("SESSION_MAX_LIFETIME (session.max-lifetime)", "must be positive");
        }
    }
}
