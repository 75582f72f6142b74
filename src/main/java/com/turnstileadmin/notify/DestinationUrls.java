package com.turnstileadmin.notify;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The addresses notifications may be sent to: http or https with a host, and where an
 * allow-list is configured, one of its hosts. Nothing else is ever fetched.
 */
final class DestinationUrls {

    private DestinationUrls() {
    }

    /**
     * @param setting the setting named in the message
     * @throws IllegalArgumentException saying what is wrong
     */
    static URI check(@Nullable URI url, List<String> allowedHosts, String setting) {
        if (url == null) {
            throw new IllegalArgumentException(setting + " is required");
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(setting + " must be an http or https URL");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException(setting + " must name a host");
        }
        if (url.getUserInfo() != null) {
            throw new IllegalArgumentException(setting + " must not hold a user name or password");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (!allowedHosts.isEmpty() && !allowedHosts.contains(host)) {
            throw new IllegalArgumentException(
                    setting + " names the host " + host + ", which is not in NOTIFICATIONS_ALLOWED_HOSTS");
        }
        return url;
    }

    /** What the delivery log shows of it: scheme, host and path, never a query. */
    static String shown(URI url) {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() == -1 ? "" : ":" + url.getPort())
                + (url.getPath() == null ? "" : url.getPath());
    }

}
