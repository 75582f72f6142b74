package com.turnstileadmin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is signed in, for the page header ({@code @signedIn.current()} in templates). Read from the
 * request's security context rather than the model, so that error pages, whose model no controller
 * advice fills, show the header as every other page does. Services never use it: who may call
 * them is enforced by method security.
 */
@Component("signedIn")
public class SignedInUsers {

    /** The signed-in user, or {@code null} on the sign-in page and for anonymous requests. */
    public @Nullable SignedInUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return SignedInUser.of(authentication);
    }
}
