package com.turnstileadmin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A second line behind the CSRF token: a request that changes something (anything but
 * GET, HEAD, OPTIONS, TRACE) is refused with the 403 page when the browser says it comes
 * from elsewhere, an {@code Origin} that is not this app's own, or a
 * {@code Sec-Fetch-Site} other than same-origin (another port of the same host is
 * same-site, and exactly what a planted cookie would come from). A request without either
 * header (curl, an old browser) is left to the CSRF token. The app's own origin is the
 * one the request was made to, as Tomcat sees it behind a trusted proxy (scheme from
 * X-Forwarded-Proto, host and port from Host).
 */
final class SameOriginRequests extends OncePerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /** {@code none}: typed or bookmarked by the user themself. */
    private static final Set<String> OWN_FETCHES = Set.of("same-origin", "none");

    private final AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (SAFE_METHODS.contains(request.getMethod()) || isFromHere(request)) {
            chain.doFilter(request, response);
        }
        else {
            forbidden.handle(request, response, new AccessDeniedException("A request from another origin"));
        }
    }

    private static boolean isFromHere(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null && !OWN_FETCHES.contains(site.toLowerCase(Locale.ROOT))) {
            return false;
        }
        String origin = request.getHeader("Origin");
        return origin == null || origin.equalsIgnoreCase(ownOrigin(request));
    }

    /** As browsers write an origin: the port only when it is not the scheme's own. */
    static String ownOrigin(HttpServletRequest request) {
        String scheme = request.getScheme().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        boolean defaultPort = "https".equals(scheme) && port == 443 || "http".equals(scheme) && port == 80;
        return scheme + "://" + request.getServerName() + (defaultPort ? "" : ":" + port);
    }

}
