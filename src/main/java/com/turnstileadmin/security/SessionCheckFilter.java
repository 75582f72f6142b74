package com.turnstileadmin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies {@link SessionChecks} to every request of a signed-in session, right after
 * Spring Security has read who it is: an ended session is deleted from the store and the
 * request goes on signed out (to sign-in, as any signed-out request does); a changed role
 * is stored with the session, so that every replica sees it, and holds for this very
 * request.
 */
final class SessionCheckFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(SessionCheckFilter.class);

    private final SessionChecks checks;

    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    SessionCheckFilter(SessionChecks checks) {
        this.checks = checks;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (session == null || authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        SessionChecks.Verdict verdict = checks.check(authentication, session);
        if (verdict instanceof SessionChecks.Verdict.End end) {
            log.info("Signed out {}: {}", shown(authentication), end.reason());
            session.invalidate();
            SecurityContextHolder.clearContext();
        }
        else if (verdict instanceof SessionChecks.Verdict.Change change) {
            log.info("Role of {} is now {} (was {}), as the configuration says", shown(authentication),
                    label(change.to()), label(change.from()));
            SecurityContext changed = SecurityContextHolder.createEmptyContext();
            changed.setAuthentication(change.authentication());
            SecurityContextHolder.setContext(changed);
            sessions.saveContext(changed, request, response);
        }
        chain.doFilter(request, response);
    }

    private static String shown(Authentication authentication) {
        return "user \"" + authentication.getName().replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\"]", "?") + "\"";
    }

    private static String label(@Nullable Role role) {
        return role == null ? "without a role" : role.label();
    }

}
