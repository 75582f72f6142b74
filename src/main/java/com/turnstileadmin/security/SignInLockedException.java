package com.turnstileadmin.security;

import java.time.Duration;
import org.springframework.security.core.AuthenticationException;

/** An attempt refused by {@link SignInThrottle} before its password was checked. */
public final class SignInLockedException extends AuthenticationException {

    private final transient Duration lockedFor;

    public SignInLockedException(Duration lockedFor) {
        super("Too many failed sign-ins");
        this.lockedFor = lockedFor;
    }

    /** How much longer the attempt's user name or address is locked. */
    public Duration lockedFor() {
        return lockedFor;
    }

}
