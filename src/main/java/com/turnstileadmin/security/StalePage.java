package com.turnstileadmin.security;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Marks a request of a signed-in user that was refused for its CSRF token rather than for
 * the user's role: a page from an earlier session (an old tab, say). The error page then
 * says that, instead of blaming the role.
 */
public final class StalePage {

    private static final String ATTRIBUTE = StalePage.class.getName();

    private StalePage() {
    }

    static void mark(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, Boolean.TRUE);
    }

    public static boolean isMarked(HttpServletRequest request) {
        return Boolean.TRUE.equals(request.getAttribute(ATTRIBUTE));
    }

}
