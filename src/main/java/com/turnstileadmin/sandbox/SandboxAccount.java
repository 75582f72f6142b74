package com.turnstileadmin.sandbox;

import com.turnstileadmin.account.AccountId;
import java.time.Clock;

/**
 * One account of the sandbox: its fixed id and name, whether it has Turnstile Enterprise
 * (which decides what its API accepts, as at Cloudflare), and its widgets.
 */
public final class SandboxAccount {

    private final AccountId id;

    private final String name;

    private final boolean enterprise;

    private final WidgetStore store;

    private final WidgetInputParser parser;

    private SandboxAccount(AccountId id, String name, boolean enterprise, WidgetStore store) {
        this.id = id;
        this.name = name;
        this.enterprise = enterprise;
        this.store = store;
        this.parser = new WidgetInputParser(enterprise);
    }

    /** The account with its demo widgets, the same at every start. */
    static SandboxAccount withDemoWidgets(AccountId id, String name, boolean enterprise, int demoWidgets, Clock clock,
            Keys keys) {
        WidgetStore store = new WidgetStore(clock, keys);
        DemoWidgets.addTo(store, demoWidgets, enterprise);
        return new SandboxAccount(id, name, enterprise, store);
    }

    public AccountId id() {
        return id;
    }

    /** The name the dashboard shows for it. */
    public String name() {
        return name;
    }

    /**
     * Whether it has Turnstile Enterprise: its Enterprise-only settings and up to 200
     * hostnames.
     */
    public boolean enterprise() {
        return enterprise;
    }

    public int widgetCount() {
        return store.size();
    }

    WidgetStore store() {
        return store;
    }

    WidgetInputParser parser() {
        return parser;
    }

}
