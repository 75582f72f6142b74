package com.turnstileadmin.analytics;

import com.turnstileadmin.widget.Widget;
import java.util.List;
import java.util.Locale;

/**
 * Whether a hostname seen in traffic is one the widget's domains allow: a domain covers
 * itself and its subdomains (example.com covers shop.example.com, not the other way
 * round); a widget with no domains (Enterprise's "any hostname") covers every one.
 */
final class HostnameCoverage {

    private HostnameCoverage() {
    }

    static boolean covers(Widget widget, String hostname) {
        return covers(widget.settings().domains(), hostname);
    }

    static boolean covers(List<String> domains, String hostname) {
        String host = hostname.toLowerCase(Locale.ROOT);
        if (domains.isEmpty() || host.isEmpty()) {
            return true;
        }
        return domains.stream()
            .map(domain -> domain.toLowerCase(Locale.ROOT))
            .anyMatch(domain -> host.equals(domain) || host.endsWith("." + domain));
    }

}
