package com.turnstileadmin.security;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in user into every page's model, for the header. */
@ControllerAdvice
class SignedInUserAdvice {

    @ModelAttribute("signedInUser")
    @Nullable SignedInUser signedInUser(@Nullable Authentication authentication) {
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return SignedInUser.of(authentication);
    }
}
