package com.turnstileadmin.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * A signed-in user without any role (a provider user in none of the configured groups) is
 * sent to the no-access page from every page, instead of a 403 for each: that page says
 * who they are signed in as and whom to ask. An htmx request gets {@code HX-Redirect}, so
 * the whole page goes there rather than a fragment. Everyone else is left to
 * {@code next}.
 */
final class NoRoleAccessDeniedHandler implements AccessDeniedHandler {

    private final AccessDeniedHandler next;

    NoRoleAccessDeniedHandler(AccessDeniedHandler next) {
        this.next = next;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException, ServletException {
        if (!signedInWithoutRole()) {
            next.handle(request, response, denied);
            return;
        }
        WholePageRedirect.to(request, response, NoAccessController.PAGE);
    }

    private static boolean signedInWithoutRole() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated()
                && !(authentication instanceof AnonymousAuthenticationToken)
                && Role.highestOf(authentication.getAuthorities()) == null;
    }

}
