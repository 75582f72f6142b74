package com.turnstileadmin.widget.web;

import com.turnstileadmin.widget.Recorded;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The flash messages of a change that redirects to another page. */
final class Flash {

    private Flash() {
    }

    /**
     * Beside the change's own flash, the warning (layout.html shows it) that it is not in
     * the audit trail.
     */
    static void warnIfUnrecorded(Recorded<?> change, RedirectAttributes redirect) {
        if (!change.recorded()) {
            redirect.addFlashAttribute("unrecorded", true);
        }
    }

}
