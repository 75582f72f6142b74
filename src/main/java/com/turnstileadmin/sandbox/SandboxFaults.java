package com.turnstileadmin.sandbox;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The faults the sandbox injects now: they start from the configuration and can be
 * changed while it runs, so that a test or a benchmark can switch an outage on and off.
 */
public final class SandboxFaults {

    private final AtomicReference<SandboxProperties.Faults> current;

    public SandboxFaults(SandboxProperties.Faults initial) {
        this.current = new AtomicReference<>(initial);
    }

    public SandboxProperties.Faults current() {
        return current.get();
    }

    public void set(SandboxProperties.Faults faults) {
        current.set(faults);
    }

    /** Waits out the added latency, then draws whether this request fails, and how. */
    SandboxHttp.@Nullable Answer inject() {
        SandboxProperties.Faults now = current.get();
        if (!now.latency().isZero()) {
            try {
                Thread.sleep(now.latency().toMillis());
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (now.serverErrorRate() > 0 && random.nextDouble() < now.serverErrorRate()) {
            // What an edge sends when the origin behind it fails: HTML, not the JSON
            // envelope.
            return new SandboxHttp.Answer(502, Map.of(), null,
                    "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>");
        }
        if (now.rateLimitRate() > 0 && random.nextDouble() < now.rateLimitRate()) {
            long seconds = (now.retryAfter().toMillis() + 999) / 1000;
            return new SandboxHttp.Answer(429,
                    SandboxJson.failure(SandboxError.RATE_LIMITED,
                            "Rate limited. Please wait and consider throttling your request speed", null),
                    Long.toString(seconds), null);
        }
        return null;
    }

}
