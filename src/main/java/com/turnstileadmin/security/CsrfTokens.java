package com.turnstileadmin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.util.WebUtils;

/**
 * Where the CSRF token is kept: in the session once there is one (a signed-in user), and
 * before that, for the sign-in form, in a cookie, so that opening the sign-in page
 * creates no session and an anonymous visitor costs the session store nothing. Signing in
 * drops the cookie's token and the session gets a new one. The cookie is {@code __Host-}
 * prefixed over HTTPS ({@link HostCookies}); over plain HTTP another app on the host
 * could plant it, which is worth at most a forged sign-in, and the Origin check
 * ({@link SameOriginRequests}) refuses that in browsers.
 */
final class CsrfTokens implements CsrfTokenRepository {

    static final String COOKIE_NAME = "TURNSTILE_ADMIN_CSRF";

    /** HttpSessionCsrfTokenRepository's header name. */
    private static final String SESSION_TOKEN_HEADER = "X-CSRF-TOKEN";

    private final HttpSessionCsrfTokenRepository inSession = new HttpSessionCsrfTokenRepository();

    private final CookieCsrfTokenRepository inCookie = cookie(COOKIE_NAME);

    private final CookieCsrfTokenRepository inHostCookie = cookie(HostCookies.PREFIX + COOKIE_NAME);

    @Override
    public CsrfToken generateToken(HttpServletRequest request) {
        return inSession.generateToken(request);
    }

    @Override
    public void saveToken(@Nullable CsrfToken token, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) == null) {
            inCookie(request).saveToken(token, request, response);
            return;
        }
        inSession.saveToken(token, request, response);
        if (token == null && WebUtils.getCookie(request, HostCookies.name(request, COOKIE_NAME)) != null) {
            // Signing in with a session already there (single sign-on keeps its request
            // in one): the
            // sign-in form's token goes too.
            inCookie(request).saveToken(null, request, response);
        }
    }

    @Override
    public @Nullable CsrfToken loadToken(HttpServletRequest request) {
        return request.getSession(false) != null ? inSession.loadToken(request) : inCookie(request).loadToken(request);
    }

    private CookieCsrfTokenRepository inCookie(HttpServletRequest request) {
        return request.isSecure() ? inHostCookie : inCookie;
    }

    /**
     * The same header and field names as the session's token, so that a page need not
     * know where it is kept.
     */
    private static CookieCsrfTokenRepository cookie(String name) {
        CookieCsrfTokenRepository cookie = new CookieCsrfTokenRepository();
        cookie.setCookieName(name);
        cookie.setHeaderName(SESSION_TOKEN_HEADER);
        cookie.setCookiePath("/");
        cookie.setCookieCustomizer(builder -> builder.sameSite("Lax"));
        return cookie;
    }

}
