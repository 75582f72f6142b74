package com.turnstileadmin.security.monitoring;

import com.turnstileadmin.security.SignInLockedException;
import com.turnstileadmin.security.SignInThrottle;
import com.turnstileadmin.security.SignInThrottle.Door;
import java.time.Duration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * The management endpoints' HTTP Basic through {@link SignInThrottle}: a locked attempt
 * is refused ({@link SignInLockedException}, answered 429 with {@code Retry-After})
 * before the password is checked; a wrong one is counted and logged. The client's address
 * comes from the details Spring Security's Basic filter attaches to every attempt.
 */
final class ThrottledMonitoringAuthentication implements AuthenticationManager {

    private final AuthenticationManager credentials;

    private final SignInThrottle throttle;

    ThrottledMonitoringAuthentication(AuthenticationManager credentials, SignInThrottle throttle) {
        this.credentials = credentials;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String username = attempt.getName() == null ? "" : attempt.getName();
        String address = attempt.getDetails() instanceof WebAuthenticationDetails details
                && details.getRemoteAddress() != null ? details.getRemoteAddress() : "an unknown address";
        Duration locked = throttle.lockedFor(Door.MONITORING, username, address);
        if (!locked.isZero()) {
            throttle.refused(Door.MONITORING, username, address, locked);
            throw new SignInLockedException(locked);
        }
        try {
            Authentication authenticated = credentials.authenticate(attempt);
            throttle.succeeded(Door.MONITORING, username);
            return authenticated;
        }
        catch (AuthenticationException wrong) {
            throttle.failed(Door.MONITORING, username, address);
            throw wrong;
        }
    }

}
