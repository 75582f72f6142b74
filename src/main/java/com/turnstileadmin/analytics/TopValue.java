package com.turnstileadmin.analytics;

/**
 * One of a breakdown's top values (a hostname, an action, a country...) and its events.
 *
 * @param value as Cloudflare gives it; empty when the events carried none (an action is
 * optional)
 * @param unexpected a hostname the widget's domains do not cover: someone embeds the
 * widget on a site that is not the team's, or a domain was left out of its list
 */
public record TopValue(String value, EventTotals events, boolean unexpected) {
}
