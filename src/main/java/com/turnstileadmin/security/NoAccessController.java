package com.turnstileadmin.security;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page of a signed-in user without a role: who they are signed in as, which groups
 * give access and whom to ask, and a way to sign out. It never redirects them elsewhere
 * while they have no role, so there is no loop; once they have one, it leads to the
 * widgets.
 */
@Controller
class NoAccessController {

    static final String PAGE = "/no-access";

    private final OidcProperties oidc;

    NoAccessController(OidcProperties oidc) {
        this.oidc = oidc;
    }

    @GetMapping(PAGE)
    ModelAndView noAccess(SignedInUser user) {
        if (user.role() != null) {
            return new ModelAndView("redirect:/");
        }
        ModelAndView page = new ModelAndView("no-access", HttpStatus.FORBIDDEN);
        page.addObject("signedInAs", user);
        page.addObject("oidc", oidc);
        return page;
    }

}
