package com.turnstileadmin.session;

import java.time.Instant;

/**
 * One user's signed-in sessions that have not ended.
 *
 * @param user the name they signed in as (Spring Session's principal name)
 * @param sessions how many sessions they have open, in browsers anywhere
 * @param lastRequest when the latest of them sent a request
 */
public record OpenSession(String user, int sessions, Instant lastRequest) {
}
