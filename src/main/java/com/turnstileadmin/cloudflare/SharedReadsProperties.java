package com.turnstileadmin.cloudflare;

import com.turnstileadmin.account.InvalidSettingException;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Identical list and widget reads shared for a moment ({@link SharedReads}).
 *
 * @param window how long an answer serves the same read again, counted from when it came;
 * default 1 s, short enough that nobody acts on a stale page, long enough to collapse the
 * same page opened by several people or reloaded at once; at most {@link #MAX_WINDOW},
 * since the pages show what they read without saying how old it is; 0 turns sharing off,
 * even of reads in flight
 * @param maxWidgets how many widgets the shared lists may hold in all, and as many the
 * shared widget reads, so that their memory is bounded (a page holds at most 1,000);
 * beyond it the oldest go first; default 20,000
 */
@ConfigurationProperties("cloudflare.shared-reads")
public record SharedReadsProperties(@DefaultValue("1s") Duration window, @DefaultValue("20000") int maxWidgets) {

    /** The longest window: data of this age passes for current on a page. */
    public static final Duration MAX_WINDOW = Duration.ofSeconds(2);

    public SharedReadsProperties {
        if (window.isNegative() || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidSettingException("CLOUDFLARE_SHARED_READS_WINDOW (cloudflare.shared-reads.window)",
                    "must be between 0s and 2s: the pages show a shared answer without saying how old it is (got "
                            + window.toMillis() + " ms)");
        }
        if (maxWidgets < 1) {
            throw new InvalidSettingException(
                    "CLOUDFLARE_SHARED_READS_MAX_WIDGETS (cloudflare.shared-reads.max-widgets)", "must be 1 or more");
        }
    }
}
