package com.turnstileadmin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * For the requests of a filter chain that has no use for sessions (the static files, the
 * management endpoints): whoever asks sees none, and none can be made. Each component
 * that merely looks ({@code getSession(false)}: Spring MVC for flash attributes, Spring
 * Security for an anonymous user's details and to tell an ended session) would otherwise
 * read the session of the request's cookie from the store: a database query for a file or
 * a health probe.
 */
public final class SessionlessRequests extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public @Nullable HttpSession getSession(boolean create) {
                if (create) {
                    throw new IllegalStateException("No session is made for " + request.getRequestURI());
                }
                return null;
            }

            @Override
            public @Nullable HttpSession getSession() {
                return getSession(true);
            }

            @Override
            public @Nullable String getRequestedSessionId() {
                return null;
            }

            @Override
            public boolean isRequestedSessionIdValid() {
                return false;
            }
        }, response);
    }

}
