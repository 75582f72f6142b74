package com.turnstileadmin.analytics;

/**
 * What the overview flags, comparing a widget's last 24 hours with the days before. Each
 * needs enough events to mean something, so that a quiet widget's two unsolved challenges
 * are not an alarm.
 */
public enum Trouble {

    /**
     * The solve rate fell by 10 points or more, on 50 or more challenges issued in the
     * last 24 hours and 50 or more before.
     */
    SOLVE_RATE_DROP,

    /** 10 % or more of the tokens checked were refused, on 20 or more checked. */
    INVALID_TOKENS,

    /** No challenge in the last 24 hours, after 10 or more in the days before. */
    TRAFFIC_STOPPED;

    static final long MIN_ISSUED_FOR_RATE = 50;

    static final double RATE_DROP = 0.10;

    static final long MIN_CHECKED_FOR_SHARE = 20;

    static final double INVALID_SHARE = 0.10;

    static final long MIN_ISSUED_BEFORE_STOP = 10;

}
