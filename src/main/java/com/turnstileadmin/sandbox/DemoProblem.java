package com.turnstileadmin.sandbox;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The troubles the Free account's demo traffic shows, one widget each, so that a fresh
 * dashboard has something for its health checks to find. Each is timed from the sandbox
 * clock's now, so it stays visible however long the sandbox runs.
 */
enum DemoProblem {

    /** The solve rate fell to about 40 % in the last 24 hours. */
    SOLVE_RATE_DROP(1),

    /**
     * About 30 % of siteverify calls in the last 12 hours failed with an invalid token: a
     * backend sending stale or forged tokens. Long enough for the overview's 24-hour
     * share to pass its 10 % even when those hours are the night's, with little traffic.
     */
    INVALID_TOKEN_BURST(4),

    /**
     * About 15 % of the traffic comes from {@link #FOREIGN_HOSTNAME}, which is not among
     * the widget's domains: a copied site.
     */
    FOREIGN_HOSTNAME_TRAFFIC(7),

    /**
     * No traffic in the last two days, after plenty before: the widget fell off a page.
     */
    TRAFFIC_STOPPED(10);

    static final String FOREIGN_HOSTNAME = "copy-of-shop.example.net";

    /** The position, in creation order, of the demo widget that has it. */
    private final int position;

    DemoProblem(int position) {
        this.position = position;
    }

    /**
     * Which of the demo widgets, given oldest first, has which trouble; spread out so
     * that they are not all on the first page. Fewer widgets than a position leave that
     * one out.
     */
    static Map<DemoProblem, String> assign(List<SandboxWidget> oldestFirst) {
        Map<DemoProblem, String> sitekeys = new EnumMap<>(DemoProblem.class);
        for (DemoProblem problem : values()) {
            if (problem.position < oldestFirst.size()) {
                sitekeys.put(problem, oldestFirst.get(problem.position).sitekey());
            }
        }
        return Map.copyOf(sitekeys);
    }

}
