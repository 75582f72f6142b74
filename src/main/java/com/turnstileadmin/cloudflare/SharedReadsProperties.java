package com.turnstileadmin.cloudflare;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identical list and widget reads shared for a moment ({@link SharedReads}).
 *
 * @param window how long a list answer serves the same query again, counted from when it
 * came; default 1 s, short enough that nobody acts on a stale page, long enough to
 * collapse the same page opened by several people or reloaded at once; 0 turns sharing
 * off, even of reads in flight
 * @param maxWidgets how many widgets the shared lists may hold in all, and as many the
 * shared widget reads, so that their memory is bounded (a page holds at most 1,000);
 * beyond it the oldest go first; default 20,000
 */
@ConfigurationProperties("cloudflare.shared-reads")
public record SharedReadsProperties(@DefaultValue("1s") Duration window, @DefaultValue("20000") int maxWidgets) {

    public SharedReadsProperties {
        if (window.isNegative()) {
            throw new IllegalArgumentException("cloudflare.shared-reads.window must not be negative");
        }
        if (maxWidgets < 1) {
            throw new IllegalArgumentException("cloudflare.shared-reads.max-widgets must be 1 or more");
        }
    }
}
