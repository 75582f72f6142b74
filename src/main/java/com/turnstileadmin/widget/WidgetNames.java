package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.security.SignedInUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Whether another widget of the account already has a name. Cloudflare accepts duplicate
 * names, and so does this app, but a second "Shop checkout" makes the list ambiguous, so
 * a save says so afterwards.
 */
@Service
public class WidgetNames {

    private static final Logger log = LoggerFactory.getLogger(WidgetNames.class);

    /**
     * Enough for the widgets whose names contain the name (Cloudflare's filter matches
     * parts of names).
     */
    private static final int PER_PAGE = 100;

    private final TurnstileWidgets cloudflare;

    private final UserCallBudget budget;

    public WidgetNames(TurnstileWidgets cloudflare, UserCallBudget budget) {
        this.cloudflare = cloudflare;
        this.budget = budget;
    }

    /**
     * One Cloudflare call (the list, filtered by name), made once per save and never as
     * the user types, so that the team's shared rate limit pays for it only when a name
     * is actually set. A failed call is no reason to hold anything up: the answer is then
     * "not known to be taken". The call counts against the user's share like any other;
     * past it, the save (already done) is not undone, and nothing is asked.
     * @param self the widget that was just saved under that name, which does not count
     */
    @PreAuthorize("hasRole('EDITOR')")
    public boolean takenByAnother(SignedInUser actor, AccountId account, String name, Sitekey self) {
        try {
            budget.spend(actor, 1);
            return cloudflare.list(account, new WidgetQuery(1, PER_PAGE, null, WidgetFilter.nameContains(name)))
                .widgets()
                .stream()
                .anyMatch(widget -> widget.name().equals(name) && !widget.sitekey().equals(self));
        }
        catch (CloudflareException failure) {
            log.warn("Could not check whether the name of widget {} is taken: {}", self, failure.getMessage());
            return false;
        }
        catch (OverBudgetException refusal) {
            return false;
        }
    }

}
