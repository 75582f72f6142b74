package com.turnstileadmin.security;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.security.web.savedrequest.SimpleSavedRequest;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.util.WebUtils;

/**
 * The page to go back to after sign-in, kept in a small cookie rather than in a session:
 * an anonymous visitor then costs the session store nothing, and nothing of the request
 * but its path and query is kept (no header, no body). Only a plain GET of a page is
 * kept, never a form's POST nor an htmx request, and nothing is ever replayed: after
 * sign-in the browser is sent to the path, and asks for it afresh. A path read back is
 * used only if it stays on this site (a relative path, as another app on the host could
 * plant the cookie), and a redirect to it is relative, whatever Host the request named.
 */
final class ContinueCookie implements RequestCache {

    static final String NAME = "TURNSTILE_ADMIN_CONTINUE";

    /**
     * Longer addresses are not kept: the cookie goes with every request, and Tomcat
     * limits their headers.
     */
    static final int MAX_LENGTH = 1024;

    private final RequestMatcher pagesToKeep;

    /**
     * @param pages the GET requests worth going back to (not htmx ones, say); other
     * methods never are
     */
    ContinueCookie(RequestMatcher pages) {
        this.pagesToKeep = request -> HttpMethod.GET.matches(request.getMethod()) && pages.matches(request);
    }

    @Override
    public void saveRequest(HttpServletRequest request, HttpServletResponse response) {
        String path = pathOf(request);
        if (pagesToKeep.matches(request) && path.length() <= MAX_LENGTH && isLocal(path)) {
            response.addCookie(
                    cookie(request, Base64.getUrlEncoder().encodeToString(path.getBytes(StandardCharsets.UTF_8)), -1));
        }
    }

    @Override
    public @Nullable SavedRequest getRequest(HttpServletRequest request, HttpServletResponse response) {
        Cookie cookie = WebUtils.getCookie(request, HostCookies.name(request, NAME));
        if (cookie == null || cookie.getValue().length() > 2 * MAX_LENGTH) {
            return null;
        }
        try {
            String path = new String(Base64.getUrlDecoder().decode(cookie.getValue()), StandardCharsets.UTF_8);
            return isLocal(path) ? new SimpleSavedRequest(path) : null;
        }
        catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    /**
     * Never a request: a kept one is only ever an address to go to, not a request to run
     * again. Once the browser is back at that address, the cookie has done its work and
     * is removed.
     */
    @Override
    public @Nullable HttpServletRequest getMatchingRequest(HttpServletRequest request, HttpServletResponse response) {
        SavedRequest saved = getRequest(request, response);
        if (saved != null && saved.getRedirectUrl().equals(pathOf(request))) {
            removeRequest(request, response);
        }
        return null;
    }

    @Override
    public void removeRequest(HttpServletRequest request, HttpServletResponse response) {
        if (WebUtils.getCookie(request, HostCookies.name(request, NAME)) != null) {
            response.addCookie(cookie(request, "", 0));
        }
    }

    /** The path within the app and the query, as the browser sent them. */
    private static String pathOf(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return request.getQueryString() == null ? path : path + "?" + request.getQueryString();
    }

    /**
     * A path on this site: not {@code //host} nor {@code /\host}, which browsers take for
     * another host.
     */
    private static boolean isLocal(String path) {
        return path.startsWith("/") && !path.startsWith("//") && path.chars().noneMatch(c -> c == '\\' || c < 0x21);
    }

    private static Cookie cookie(HttpServletRequest request, String value, int maxAge) {
        Cookie cookie = new Cookie(HostCookies.name(request, NAME), value);
        cookie.setPath("/");
        cookie.setSecure(request.isSecure());
        cookie.setHttpOnly(true);
        cookie.setMaxAge(maxAge);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

}
