package com.turnstileadmin.session.web;

import com.turnstileadmin.security.SignedInUser;
import com.turnstileadmin.session.OpenSessions;
import com.turnstileadmin.text.Text;
import jakarta.servlet.http.HttpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * For admins: who has signed-in sessions open, and "Sign out everywhere" for each of
 * them, which ends all of that user's sessions on every replica at once (the admin's own
 * current one excepted). What an admin ends is logged; the audit trail records what was
 * done to widgets, and this is not.
 */
@Controller
class SessionsController {

    static final String PAGE = "/sessions";

    private static final Logger log = LoggerFactory.getLogger(SessionsController.class);

    private final OpenSessions sessions;

    SessionsController(OpenSessions sessions) {
        this.sessions = sessions;
    }

    @GetMapping(PAGE)
    @PreAuthorize("hasRole('ADMIN')")
    public String list(Model model) {
        model.addAttribute("openSessions", sessions.perUser());
        return "sessions/list";
    }

    @PostMapping(PAGE + "/sign-out")
    @PreAuthorize("hasRole('ADMIN')")
    public String signOutEverywhere(@RequestParam String user, SignedInUser admin, HttpSession current,
            RedirectAttributes redirect) {
        int ended = sessions.endAllOf(user, current.getId());
        log.info("{} signed \"{}\" out everywhere: {} session(s) ended", admin.name(), oneLine(user), ended);
        redirect.addFlashAttribute("flash", Text.of("session.flash.signedOutEverywhere", user, ended));
        return "redirect:" + PAGE;
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\"]", "?");
    }

}
