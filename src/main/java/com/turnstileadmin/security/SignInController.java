package com.turnstileadmin.security;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in form; Spring Security handles its POST. */
@Controller
class SignInController {

    @GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
    String signIn() {
        return "sign-in";
    }
}
