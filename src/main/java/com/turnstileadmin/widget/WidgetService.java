package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import java.time.Instant;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What a signed-in user can do with widgets, and who may do it (the roles of PRODUCT.md). Every
 * method is one Cloudflare call, except an edit, which first reads the widget to make sure nobody
 * changed it since the form was opened.
 */
@Service
public class WidgetService {

    private final TurnstileWidgets cloudflare;

    public WidgetService(TurnstileWidgets cloudflare) {
        this.cloudflare = cloudflare;
    }

    @PreAuthorize("hasRole('VIEWER')")
    public WidgetPage list(AccountId account, WidgetQuery query) {
        return cloudflare.list(account, query);
    }

    /** The widget without its secret, which only {@link #revealSecret} hands out. */
    @PreAuthorize("hasRole('VIEWER')")
    public Widget details(AccountId account, Sitekey sitekey) {
        return cloudflare.get(account, sitekey).widget();
    }

    /** The widget with its secret, for the roles that may see it. */
    @PreAuthorize("hasRole('EDITOR')")
    public WidgetWithSecret revealSecret(AccountId account, Sitekey sitekey) {
        return cloudflare.get(account, sitekey);
    }

    @PreAuthorize("hasRole('EDITOR')")
    public WidgetWithSecret create(AccountId account, WidgetSettings settings) {
        return cloudflare.create(account, settings);
    }

    /**
     * Saves an edit that began on the version of the widget last modified at {@code openedAt}.
     *
     * @param base the settings as the edit form showed them when it was opened
     * @throws EditConflictException if someone else changed a setting since; nothing is saved then
     */
    @PreAuthorize("hasRole('EDITOR')")
    public Widget update(AccountId account, Sitekey sitekey, WidgetSettings base, WidgetSettings edited,
            Instant openedAt) {
        Widget current = cloudflare.get(account, sitekey).widget();
        EditMerge merge = EditMerge.of(base, edited, current.settings());
        // A change that left every setting as the form saw it (a save without edits, say) is no conflict.
        if (!current.modifiedOn().equals(openedAt) && !merge.theirChanges().isEmpty()) {
            throw new EditConflictException(current, merge);
        }
        return cloudflare.update(account, sitekey, merge.merged()).widget();
    }

    /**
     * Gives the widget a new secret.
     *
     * @throws RotationRefusedException if Cloudflare refuses, typically during the grace period of
     *     the previous rotation
     */
    @PreAuthorize("hasRole('ADMIN')")
    public WidgetWithSecret rotateSecret(AccountId account, Sitekey sitekey, boolean invalidateImmediately) {
        try {
            return cloudflare.rotateSecret(account, sitekey, invalidateImmediately);
        } catch (CloudflareApiException refused) {
            if (refused.isNotFound() || refused.isAuthenticationFailure()) {
                throw refused;
            }
            throw new RotationRefusedException(refused);
        }
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Widget delete(AccountId account, Sitekey sitekey) {
        return cloudflare.delete(account, sitekey);
    }
}
