package com.turnstileadmin.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The names of the app's cookies. Browsers do not keep cookies apart by port, and any app
 * on the same host name may set one with this app's name. Over HTTPS each name carries
 * the {@code __Host-} prefix, which a browser accepts only from a secure origin, with
 * Secure, {@code Path=/} and no {@code Domain}: nothing but this origin can plant or
 * overwrite it. Over plain HTTP (a laptop, the sandbox) the plain name is used.
 */
final class HostCookies {

    static final String PREFIX = "__Host-";

    private HostCookies() {
    }

    /** The name the cookie has on this request: prefixed when it came over HTTPS. */
    static String name(HttpServletRequest request, String name) {
        return request.isSecure() ? PREFIX + name : name;
    }

}
