package com.turnstileadmin.widget;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.audit.ActorKind;
import com.turnstileadmin.audit.Attempt;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditEntry;
import com.turnstileadmin.audit.AuditTrail;
import com.turnstileadmin.audit.AuditWriteException;
import com.turnstileadmin.audit.FieldChange;
import com.turnstileadmin.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * What a signed-in user can do with widgets, and who may do it (the roles of the README's
 * "Roles and sign-in"). Every method is one Cloudflare call (or none, when the adapter
 * answers a list or a widget from another user's identical read of a moment ago, see
 * {@link TurnstileWidgets}), except an edit, which first reads the widget to make sure
 * nobody changed it since the form was opened, and a listing filtered by mode or region,
 * which Cloudflare cannot filter: it reads up to {@value #FILTER_PAGES} pages. Each call
 * is taken from the acting user's share of the team's rate limit first
 * ({@link UserCallBudget}): past it, {@link OverBudgetException} and no call.
 *
 * <p>
 * Every change and every reveal of a secret is recorded in the {@link AuditTrail}, with
 * the {@code actor} the controller passes in, whether it succeeded or failed. A failure
 * is recorded and then thrown as before; if its record cannot be stored either, the
 * failure carries the {@link AuditWriteException} as suppressed
 * ({@link AuditWriteException#suppressedIn}) for the page to say so.
 */
@Service
public class WidgetService {

    /**
     * How many pages of 1,000 a listing filtered by mode or region reads at most: 5,000
     * widgets, 5 calls of the user's budget of 30 at once, about a second at Cloudflare.
     */
    public static final int FILTER_PAGES = 5;

    private final TurnstileWidgets cloudflare;

    private final UserCallBudget budget;

    private final AuditTrail audit;

    private final AuditedCalls calls;

    private final Clock clock;

    /**
     * What the trail calls each setting: its label, in English, the language the trail is
     * kept in.
     */
    private final Function<WidgetSetting<?>, String> labels;

    private final FailureText failures;

    private final OwnWrites own;

    private final OutsideChanges outside;

    public WidgetService(TurnstileWidgets cloudflare, UserCallBudget budget, AuditTrail audit, Clock clock,
            MessageSource messages, ObjectProvider<OwnWrites> ownWrites,
            ObjectProvider<OutsideChanges> outsideChanges) {
        this.cloudflare = cloudflare;
        this.own = ownWrites.getIfAvailable(() -> OwnWrites.NONE);
        this.outside = outsideChanges.getIfAvailable(() -> OutsideChanges.NONE);
        this.budget = budget;
        this.audit = audit;
        this.clock = clock;
        this.labels = WidgetSetting.trailLabels(messages);
        this.failures = new FailureText(messages);
        this.calls = new AuditedCalls(audit, failures);
    }

    @PreAuthorize("hasRole('VIEWER')")
    public WidgetPage list(SignedInUser actor, AccountId account, WidgetQuery query) {
        budget.spend(actor, 1);
        return cloudflare.list(account, query);
    }

    /**
     * The page {@code query} asks for of the widgets that match it and {@code settings}.
     * Without settings to match, that is one call, as
     * {@link #list(SignedInUser, AccountId, WidgetQuery)}. Cloudflare cannot filter by
     * mode or region, so with them the app reads the widgets that match the rest of the
     * query, in its order, in pages of 1,000, and matches them itself: a call per page,
     * each taken from the user's budget before it is made, and at most
     * {@link #FILTER_PAGES} of them (nor more than the budget can ever hold). Past that
     * bound, the listing says it is not {@linkplain WidgetListing#complete() complete}.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public WidgetListing list(SignedInUser actor, AccountId account, WidgetQuery query, SettingFilter settings) {
        if (settings.isEmpty()) {
            budget.spend(actor, 1);
            return WidgetListing.of(cloudflare.list(account, query));
        }
        AllWidgets read = AllWidgets.read(cloudflare, account, query, Math.min(FILTER_PAGES, budget.capacity()),
                () -> budget.spend(actor, 1));
        return WidgetListing.matching(read, settings, query);
    }

    /**
     * The widget without its secret, which only {@link #revealSecret} hands out: for its
     * page and forms. Possibly another user's read of a moment ago
     * ({@link TurnstileWidgets#widget}); it counts against this user's share all the
     * same.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public Widget widget(SignedInUser actor, AccountId account, Sitekey sitekey) {
        budget.spend(actor, 1);
        return cloudflare.widget(account, sitekey);
    }

    /**
     * What the widget's page and its rotate dialog show: one Cloudflare call and one
     * audit read.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public WidgetDetails details(SignedInUser actor, AccountId account, Sitekey sitekey) {
        Widget widget;
        try {
            widget = widget(actor, account, sitekey);
        }
        catch (CloudflareApiException refused) {
            if (refused.isNotFound()) {
                deletedOutside(account, sitekey).ifPresent(deletion -> {
                    throw new WidgetDeletedOutsideException(deletion, refused);
                });
            }
            throw refused;
        }
        return new WidgetDetails(widget, gracePeriodEnd(account, sitekey), outsideNotice(account, sitekey));
    }

    /**
     * Which of these widgets were changed outside the dashboard with nobody having kept
     * or reverted it yet, since when: the list's badge. No Cloudflare call.
     */
    @PreAuthorize("hasRole('VIEWER')")
    public Map<Sitekey, Instant> changedOutside(SignedInUser actor, AccountId account, Collection<Sitekey> sitekeys) {
        return outside.pending(account, sitekeys);
    }

    /**
     * Acknowledges the widget's change made outside as it is: the notice goes, and the
     * trail records who kept it. No Cloudflare call.
     */
    @PreAuthorize("hasRole('EDITOR')")
    public void keepOutsideChange(SignedInUser actor, AccountId account, Sitekey sitekey) {
        Attempt attempt = Attempt.of(actor, account, AuditAction.KEEP_OUTSIDE_CHANGE, sitekey.value(), null);
        if (outside.of(account, sitekey).isEmpty()) {
            throw new NoOutsideChangeException(sitekey);
        }
        outside.settle(account, sitekey);
        audit.succeeded(attempt);
    }

    /**
     * Puts back the settings the widget had before the change made outside, through the
     * same path, record and conflict check as an edit made from a form opened at
     * {@code openedAt} (the widget's {@code modified_on} on the page): a change made
     * since is not overwritten. Refused for a change with nothing to go back to.
     */
    @PreAuthorize("hasRole('EDITOR')")
    public Recorded<Widget> revertOutsideChange(SignedInUser actor, AccountId account, Sitekey sitekey,
            Instant openedAt) {
        OutsideChanges.Pending pending = outside.of(account, sitekey)
            .filter(OutsideChanges.Pending::revertible)
            .orElseThrow(() -> new NoOutsideChangeException(sitekey));
        // From the settings the page showed, as an edit from a form opened at openedAt:
        // a change made since is a conflict, refused and recorded as for any edit.
        WidgetSettings shown = pending.now();
        WidgetSettings before = pending.before();
        // The region cannot change after creation, nor did it.
        WidgetSettings target = new WidgetSettings(before.name(), before.domains(), before.mode(),
                before.clearanceLevel(), shown.region(), before.botFightMode(), before.offlabel(),
                before.ephemeralId());
        Recorded<Widget> reverted = update(actor, account, sitekey, shown, target, openedAt);
        outside.settle(account, sitekey);
        return reverted;
    }

    /** The trail's entry of the widget's delete outside the dashboard, if it has one. */
    private Optional<AuditEntry> deletedOutside(AccountId account, Sitekey sitekey) {
        return audit.historyOf(account, sitekey.value())
            .stream()
            .filter(entry -> entry.actorKind() == ActorKind.OUTSIDE && entry.action() == AuditAction.DELETE)
            .findFirst();
    }

    private WidgetDetails.@Nullable OutsideNotice outsideNotice(AccountId account, Sitekey sitekey) {
        return outside.of(account, sitekey).map(pending -> {
            AuditEntry latest = audit.historyOf(account, sitekey.value())
                .stream()
                .filter(entry -> entry.actorKind() == ActorKind.OUTSIDE)
                .findFirst()
                .orElse(null);
            return new WidgetDetails.OutsideNotice(pending.since(), latest, pending.revertible());
        }).orElse(null);
    }

    /**
     * The widget's page with its secret, for the roles that may see it.
     * @throws AuditWriteException if the reveal could not be recorded: every reveal of a
     * secret is in the audit trail, so a secret whose reveal is not recorded is not
     * shown. Unlike a change, nothing has happened that the user would lose; they can try
     * again once the store works.
     */
    @PreAuthorize("hasRole('EDITOR')")
    public RevealedSecret revealSecret(SignedInUser actor, AccountId account, Sitekey sitekey) {
        budget.spend(actor, 1);
        Attempt attempt = Attempt.of(actor, account, AuditAction.REVEAL_SECRET, sitekey.value(), null);
        // Never a shared read: the secret this user is recorded as seeing is one
        // Cloudflare gave them.
        WidgetWithSecret revealed = calls.atCloudflare(attempt, () -> cloudflare.get(account, sitekey));
        audit.succeeded(attempt.about(sitekey.value(), revealed.widget().name()));
        return new RevealedSecret(new WidgetDetails(revealed.widget(), gracePeriodEnd(account, sitekey)),
                revealed.secret());
    }

    /**
     * Costs no Cloudflare call: the end is known from the audit trail's last rotation of
     * the widget.
     */
    private Optional<Instant> gracePeriodEnd(AccountId account, Sitekey sitekey) {
        // Without it (the audit store unreadable) the rotate button stays, and a refusal
        // during a grace
        // period is explained when it comes, as for a rotation done elsewhere.
        Optional<AuditEntry> last = audit.lastRotation(account, sitekey.value());
        return last.flatMap(rotation -> GracePeriod.end(rotation.occurredAt(),
                Boolean.TRUE.equals(rotation.invalidateImmediately()), clock.instant()));
    }

    @PreAuthorize("hasRole('EDITOR')")
    public Recorded<WidgetWithSecret> create(SignedInUser actor, AccountId account, WidgetSettings settings) {
        budget.spend(actor, 1);
        // The settings asked for, and on success those Cloudflare gave the new widget.
        Attempt attempt = new Attempt(actor, account, AuditAction.CREATE, null, settings.name(), null,
                SettingChanges.initial(settings, labels));
        WidgetWithSecret created;
        try (OwnWrites.InFlight write = own.starting(account, null)) {
            created = calls.atCloudflare(attempt, () -> cloudflare.create(account, settings));
            own.wrote(account, created.widget(), created.secret(), null);
        }
        Widget widget = created.widget();
        return calls.succeeded(changing(attempt.about(widget.sitekey().value(), widget.name()), widget.name(),
                SettingChanges.initial(widget.settings(), labels)), created);
    }

    /**
     * Saves an edit that began on the version of the widget last modified at
     * {@code openedAt}, and records the settings it changed: between the widget as read
     * before the save and as Cloudflare answered it. An edit that leaves every setting as
     * it is writes and records nothing.
     * @param base the settings as the edit form showed them when it was opened
     * @throws EditConflictException if someone else changed a setting since; nothing is
     * saved then
     */
    @PreAuthorize("hasRole('EDITOR')")
    public Recorded<Widget> update(SignedInUser actor, AccountId account, Sitekey sitekey, WidgetSettings base,
            WidgetSettings edited, Instant openedAt) {
        // Both calls at once: an edit refused halfway, after its read, would have spent a
        // call for nothing.
        budget.spend(actor, 2);
        // No name from the form, which the user could set to anything: the trail names
        // the widget as last seen.
        Attempt attempt = Attempt.of(actor, account, AuditAction.UPDATE, sitekey.value(), null);
        // Cloudflare's latest state, never a shared read: a change made elsewhere
        // a moment ago must be found here, or this save would overwrite it.
        Widget current = calls.atCloudflare(attempt, () -> cloudflare.get(account, sitekey).widget());
        EditMerge merge = EditMerge.of(base, edited, current.settings());
        // What the user set out to change, for the record of an update that fails.
        Attempt intended = changing(attempt, current.name(),
                SettingChanges.between(current.settings(), merge.merged(), labels));
        if (merge.merged().equals(current.settings())) {
            // A save without edits (or of edits someone else already made): nothing to
            // write at Cloudflare,
            // nothing to record, and no conflict to show even if others changed the
            // widget meanwhile, as
            // nothing of this user's would be lost.
            return new Recorded<>(current, true);
        }
        // A change that left every setting as the form saw it (someone else's save
        // without edits, say) is no conflict.
        if (!current.modifiedOn().equals(openedAt) && !merge.theirChanges().isEmpty()) {
            EditConflictException conflict = new EditConflictException(current, merge);
            throw calls.failed(intended, conflict, failures.of(conflict, labels));
        }
        Widget saved;
        try (OwnWrites.InFlight write = own.starting(account, sitekey)) {
            WidgetWithSecret written = calls.atCloudflare(intended,
                    () -> cloudflare.update(account, sitekey, merge.merged()));
            own.wrote(account, written.widget(), written.secret(), current.settings());
            saved = written.widget();
        }
        return calls.succeeded(
                changing(attempt, saved.name(), SettingChanges.between(current.settings(), saved.settings(), labels)),
                saved);
    }

    /**
     * Gives the widget a new secret.
     * @throws RotationRefusedException if Cloudflare refuses, typically during the grace
     * period of the previous rotation
     */
    @PreAuthorize("hasRole('ADMIN')")
    public Recorded<WidgetWithSecret> rotateSecret(SignedInUser actor, AccountId account, Sitekey sitekey,
            boolean invalidateImmediately) {
        budget.spend(actor, 1);
        Attempt attempt = new Attempt(actor, account, AuditAction.ROTATE_SECRET, sitekey.value(), null,
                invalidateImmediately, List.of());
        WidgetWithSecret rotated;
        try (OwnWrites.InFlight write = own.starting(account, sitekey)) {
            rotated = cloudflare.rotateSecret(account, sitekey, invalidateImmediately);
            own.wrote(account, rotated.widget(), rotated.secret(), rotated.widget().settings());
        }
        catch (CloudflareApiException refused) {
            if (refused.isNotFound() || refused.isAuthenticationFailure()) {
                throw calls.failed(attempt, refused, failures.of(refused));
            }
            RotationRefusedException refusal = new RotationRefusedException(refused);
            throw calls.failed(attempt, refusal, failures.of(refused));
        }
        catch (CloudflareUnavailableException failure) {
            throw calls.failed(attempt, failure, failures.of(failure));
        }
        return calls.succeeded(attempt.about(sitekey.value(), rotated.widget().name()), rotated);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Recorded<Widget> delete(SignedInUser actor, AccountId account, Sitekey sitekey) {
        budget.spend(actor, 1);
        Attempt attempt = Attempt.of(actor, account, AuditAction.DELETE, sitekey.value(), null);
        Widget deleted;
        try (OwnWrites.InFlight write = own.starting(account, sitekey)) {
            deleted = calls.atCloudflare(attempt, () -> cloudflare.delete(account, sitekey));
            own.deleted(account, sitekey, deleted.settings());
        }
        return calls.succeeded(attempt.about(sitekey.value(), deleted.name()), deleted);
    }

    private static Attempt changing(Attempt attempt, String widgetName, List<FieldChange> changes) {
        return new Attempt(attempt.actor(), attempt.account(), attempt.action(), attempt.sitekey(), widgetName,
                attempt.invalidateImmediately(), changes);
    }

}
