package com.turnstileadmin.sandbox;

import com.turnstileadmin.account.AccountId;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One account of the sandbox: its fixed id and name, whether it has Turnstile Enterprise
 * (which decides what its API accepts, as at Cloudflare), its widgets, and which of them
 * show a trouble in their simulated traffic.
 */
public final class SandboxAccount {

    private final AccountId id;

    private final String name;

    private final boolean enterprise;

    private final WidgetStore store;

    private final WidgetInputParser parser;

    private final Map<DemoProblem, String> problems;

    private final AuditLog auditLog;

    private SandboxAccount(AccountId id, String name, boolean enterprise, WidgetStore store,
            Map<DemoProblem, String> problems, AuditLog auditLog) {
        this.id = id;
        this.name = name;
        this.enterprise = enterprise;
        this.store = store;
        this.auditLog = auditLog;
        this.parser = new WidgetInputParser(enterprise);
        this.problems = Map.copyOf(problems);
    }

    /**
     * The account with its demo widgets, the same at every start; on the Free account
     * some of them have troubles to find in their traffic.
     */
    static SandboxAccount withDemoWidgets(AccountId id, String name, boolean enterprise, int demoWidgets, Clock clock,
            Keys keys) {
        WidgetStore store = new WidgetStore(clock, keys);
        DemoWidgets.addTo(store, demoWidgets, enterprise);
        return new SandboxAccount(id, name, enterprise, store, enterprise ? Map.of() : DemoProblem.assign(store.all()),
                new AuditLog(clock));
    }

    /**
     * The account with the given id, or the 403 Cloudflare gives for an account the
     * credentials do not reach.
     */
    static SandboxAccount find(List<SandboxAccount> accounts, String id) {
        return accounts.stream()
            .filter(account -> account.id().value().equals(id))
            .findFirst()
            .orElseThrow(() -> new SandboxError(403, SandboxError.AUTH_FAILED, "Authentication error", null));
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

    /** Its audit log: every write to its widgets, whoever made it. */
    AuditLog auditLog() {
        return auditLog;
    }

    WidgetInputParser parser() {
        return parser;
    }

    /** The sitekey of the demo widget with each trouble (none on Enterprise). */
    Map<DemoProblem, String> problems() {
        return problems;
    }

    @Nullable DemoProblem problemOf(String sitekey) {
        return problems.entrySet()
            .stream()
            .filter(problem -> problem.getValue().equals(sitekey))
            .map(Map.Entry::getKey)
            .findFirst()
            .orElse(null);
    }

}
