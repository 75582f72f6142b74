package com.turnstileadmin.widget;

/**
 * A keep or revert of a change made outside that is not (or no longer) there to keep, or
 * has nothing to revert to: someone else settled it a moment ago, say.
 */
public final class NoOutsideChangeException extends RuntimeException {

    public NoOutsideChangeException(Sitekey sitekey) {
        super("No change made outside the dashboard awaits keeping or reverting for widget " + sitekey.value());
    }

}
