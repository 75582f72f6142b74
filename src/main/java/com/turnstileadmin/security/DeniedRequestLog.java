package com.turnstileadmin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;

/**
 * Logs every refused request at WARN before {@code next} answers it: a request without a
 * valid CSRF token, and one whose user may not do what it asks (the 403s of the role
 * checks), each with the user, the method, the path (never the query, which may carry
 * anything) and the client's address.
 */
final class DeniedRequestLog implements AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(DeniedRequestLog.class);

    private final AccessDeniedHandler next;

    DeniedRequestLog(AccessDeniedHandler next) {
        this.next = next;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        String user = user();
        if (denied instanceof CsrfException) {
            log.warn("CSRF refusal: {} {} by {} from {} carried no valid CSRF token", request.getMethod(),
                    request.getRequestURI(), user, request.getRemoteAddr());
        }
        else {
            log.warn("Access denied: {} may not {} {} (from {})", user, request.getMethod(), request.getRequestURI(),
                    request.getRemoteAddr());
        }
        next.handle(request, response, denied);
    }

    private static String user() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return "someone signed out";
        }
        return "user \"" + authentication.getName().replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\"]", "?") + "\"";
    }

}
