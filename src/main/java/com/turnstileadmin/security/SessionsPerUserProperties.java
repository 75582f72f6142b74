package com.turnstileadmin.security;

import com.turnstileadmin.account.InvalidSettingException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many sessions one user may have at once: a sign-in beyond that ends the user's
 * oldest session, which goes back to sign-in on its next request. Counted across
 * replicas, in the session store.
 *
 * @param maxPerUser the limit ({@code SESSION_MAX_PER_USER}); default 5; -1: no limit
 */
@ConfigurationProperties("session")
public record SessionsPerUserProperties(@DefaultValue("5") int maxPerUser) {

    public SessionsPerUserProperties {
        if (maxPerUser == 0 || maxPerUser < -1) {
            throw new InvalidSettingException("SESSION_MAX_PER_USER (session.max-per-user)",
                    "must be at least 1, or -1 for no limit");
        }
    }

    public boolean isLimited() {
        return maxPerUser != -1;
    }
}
