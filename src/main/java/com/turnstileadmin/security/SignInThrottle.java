package com.turnstileadmin.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slows password guessing down, on the sign-in form and on the management endpoints' HTTP
 * Basic: per user name and per client address, each a {@link FailureThrottle}. A locked
 * attempt is refused before its password is checked, so the right password does not help;
 * user names that exist and ones that do not are locked alike, so a lockout says nothing
 * about who exists. Every failure and every refusal is logged at WARN with the user name
 * and the address, never the password.
 *
 * <p>
 * The counts live in this replica's memory: with several replicas, each counts on its
 * own, so an attacker spread over them gets as many tries as there are replicas.
 */
public final class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);

    /**
     * Longer user names are cut in keys and in the log: a name of a megabyte must cost
     * nothing.
     */
    private static final int LONGEST_NAME = 100;

    /** Where a password is given. */
    public enum Door {

        FORM("the sign-in form"), MONITORING("the monitoring endpoints' HTTP Basic");

        private final String description;

        Door(String description) {
            this.description = description;
        }

    }

    private final FailureThrottle byUser;

    private final FailureThrottle byAddress;

    SignInThrottle(SignInThrottleProperties settings, Clock clock) {
        this.byUser = new FailureThrottle(settings.maxFailures(), settings, clock);
        this.byAddress = new FailureThrottle(settings.maxFailuresPerAddress(), settings, clock);
    }

    /**
     * How much longer an attempt as {@code username} from {@code address} is refused;
     * zero: it may try.
     */
    public Duration lockedFor(Door door, String username, String address) {
        return longer(byUser.lockedFor(userKey(door, username)), byAddress.lockedFor(address));
    }

    /** Logs the refusal of an attempt that {@link #lockedFor} locks. */
    public void refused(Door door, String username, String address, Duration lockedFor) {
        log.warn(
                "Sign-in refused on {} without checking the password: user \"{}\" from {}, locked for {} more "
                        + "minute(s) after too many failures",
                door.description, shown(username), address, minutes(lockedFor));
    }

    /**
     * Counts and logs a wrong password (or an unknown user); returns how long the
     * attempt's keys are now locked.
     */
    public Duration failed(Door door, String username, String address) {
        Duration locked = longer(byUser.failed(userKey(door, username)), byAddress.failed(address));
        if (locked.isZero()) {
            log.warn("Sign-in failed on {}: user \"{}\" from {}", door.description, shown(username), address);
        }
        else {
            log.warn("Sign-in failed on {}: user \"{}\" from {}; locked for {} minute(s)", door.description,
                    shown(username), address, minutes(locked));
        }
        return locked;
    }

    /**
     * A sign-in that worked: the user name starts again from no failure (the address
     * keeps its count).
     */
    public void succeeded(Door door, String username) {
        byUser.succeeded(userKey(door, username));
    }

    /** Whole minutes, rounded up, as the sign-in page says them: at least one. */
    static long minutes(Duration duration) {
        return Math.max(1, (duration.getSeconds() + 59) / 60);
    }

    private static String userKey(Door door, String username) {
        return door.name() + ":" + cut(username.trim().toLowerCase(Locale.ROOT));
    }

    /**
     * The name as one line: whoever signs in writes it, and a line break would forge a
     * log line.
     */
    private static String shown(String username) {
        return cut(username).replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\"]", "?");
    }

    private static String cut(String value) {
        return value.length() > LONGEST_NAME ? value.substring(0, LONGEST_NAME) : value;
    }

    private static Duration longer(Duration one, Duration other) {
        return one.compareTo(other) >= 0 ? one : other;
    }

}
