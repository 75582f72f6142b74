package com.turnstileadmin.security;

import com.turnstileadmin.text.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where sign-in starts. Without single sign-on: the app's form, whose POST Spring
 * Security handles. With it: straight to the provider, unless the visit is the end of
 * something (a failed sign-in, a sign-out) or the provider is unreachable; each of those
 * gets a page with a button to go on, never an automatic redirect that could loop.
 * {@code /login?local} shows the break-glass form when enabled.
 */
@Controller
class SignInController {

    private final @Nullable SingleSignOn singleSignOn;

    private final boolean breakGlass;

    SignInController(ObjectProvider<SingleSignOn> singleSignOn, LocalSignInProperties local) {
        this.singleSignOn = singleSignOn.getIfAvailable();
        this.breakGlass = local.enabled();
    }

    @GetMapping(SecurityConfiguration.SIGN_IN_PAGE)
    ModelAndView signIn(HttpServletRequest request) {
        if (singleSignOn == null) {
            return form(request);
        }
        if (breakGlass && request.getParameter("local") != null) {
            return form(request).addObject("singleSignOn", true);
        }
        if (request.getParameter("error") != null) {
            return page(HttpStatus.UNAUTHORIZED, Text.of("signin.failed.heading"), Text.of("signin.failed"),
                    Text.of("signin.tryAgain"));
        }
        String signedOut = request.getParameter("signed-out");
        if (signedOut != null) {
            return page(HttpStatus.OK, Text.of("signin.signedOut.heading"),
                    "app".equals(signedOut) ? Text.of("signin.signedOut.appOnly") : Text.of("signin.signedOut"),
                    Text.of("signin.signInAgain"));
        }
        try {
            singleSignOn.requireProvider();
        }
        catch (IdentityProviderUnavailableException unavailable) {
            return page(HttpStatus.SERVICE_UNAVAILABLE, Text.of("signin.unavailable.heading"),
                    Text.of("signin.unavailable", URI.create(unavailable.issuer()).getHost()),
                    Text.of("signin.tryAgain"));
        }
        return new ModelAndView("redirect:" + SingleSignOn.AUTHORIZATION_START);
    }

    /**
     * The form, with the lockout's minutes when {@link ThrottledSignInForm} sent the
     * visitor back with them; anything but a plausible number of minutes in that
     * parameter is not shown.
     */
    private static ModelAndView form(HttpServletRequest request) {
        ModelAndView form = new ModelAndView("sign-in");
        String locked = request.getParameter("locked");
        if (locked != null && locked.matches("[1-9][0-9]{0,3}")) {
            form.addObject("lockedMinutes", Integer.parseInt(locked));
        }
        return form;
    }

    /**
     * The page of a sign-in that ends here; its texts are keys of
     * {@code messages.properties}, which it resolves.
     */
    private ModelAndView page(HttpStatus status, Text heading, Text message, Text action) {
        ModelAndView page = new ModelAndView("single-sign-on", status);
        page.addObject("heading", heading);
        page.addObject("message", message);
        page.addObject("action", action);
        page.addObject("breakGlass", breakGlass);
        return page;
    }

}
