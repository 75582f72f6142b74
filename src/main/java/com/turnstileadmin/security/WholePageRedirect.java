package com.turnstileadmin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Sending a refused request to another page. A plain request gets a redirect; an htmx
 * request would follow it and swap the whole page into a fragment, so it is told to load
 * that page as a whole instead.
 */
final class WholePageRedirect {

    private WholePageRedirect() {
    }

    /**
     * To {@code path} (within the app): a redirect, or {@code HX-Redirect} with 403 for
     * htmx.
     */
    static void to(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String target = request.getContextPath() + path;
        if (isHtmx(request)) {
            response.setHeader("HX-Redirect", target);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        }
        else {
            response.sendRedirect(target);
        }
    }

    /**
     * To sign-in: a redirect, or for htmx {@code HX-Refresh} with 401, so that the page
     * the user was on is asked for again and its address kept to come back to after
     * signing in.
     */
    static void toSignIn(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (isHtmx(request)) {
            response.setHeader("HX-Refresh", "true");
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        }
        else {
            response.sendRedirect(request.getContextPath() + SecurityConfiguration.SIGN_IN_PAGE);
        }
    }

    private static boolean isHtmx(HttpServletRequest request) {
        return request.getHeader("HX-Request") != null;
    }

}
