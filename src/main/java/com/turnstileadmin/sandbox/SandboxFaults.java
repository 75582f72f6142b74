package com.turnstileadmin.sandbox;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The faults the sandbox injects now: they start from the configuration and can be changed while
 * it runs, so that a test or a benchmark can switch an outage on and off.
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

    public void clear() {
        current.set(SandboxProperties.Faults.NONE);
    }
}
