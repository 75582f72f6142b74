package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.Sitekey;

/**
 * The app's URLs for widgets, in one place, since controllers, redirects and the pages
 * (through {@code @paths}) all need them. Each is a path within the app: a redirect view
 * or a template's {@code @{...}} adds the context path
 * ({@code server.servlet.context-path}); a header that names a URL must add it itself.
 */
public final class WidgetPaths {

    private WidgetPaths() {
    }

    public static String list(AccountId account) {
        return "/accounts/" + account.value() + "/widgets";
    }

    public static String newWidget(AccountId account) {
        return list(account) + "/new";
    }

    /** Where the form sends one field to be checked as the user leaves it. */
    public static String validate(AccountId account) {
        return list(account) + "/validate";
    }

    public static String details(AccountId account, Sitekey sitekey) {
        // Both values are checked to be URL-safe (hex; letters, digits, '-' and '_') when
        // parsed.
        return list(account) + "/" + sitekey.value();
    }

    /** Every address of one widget, for its pages. */
    public static OfWidget of(AccountId account, Sitekey sitekey) {
        String details = details(account, sitekey);
        return new OfWidget(details, details + "/edit", details + "/secret", details + "/history", details + "/rotate",
                details + "/delete", details + "/outside-change/keep", details + "/outside-change/revert");
    }

    /**
     * The addresses of one widget: its page, and what it links to and posts to.
     *
     * @param details the widget's page
     * @param edit the edit form, and where it is posted
     * @param secret where a reveal of the secret is posted
     * @param history the page's history panel (admins)
     * @param rotate the rotation's dialog or page, and where it is posted
     * @param delete the deletion's dialog or page, and where it is posted
     * @param outsideKeep where keeping a change made outside is posted
     * @param outsideRevert where reverting it is posted
     */
    public record OfWidget(String details, String edit, String secret, String history, String rotate, String delete,
            String outsideKeep, String outsideRevert) {
    }

}
