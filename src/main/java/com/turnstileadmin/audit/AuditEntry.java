package com.turnstileadmin.audit;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/**
 * One record of the audit trail: who did (or tried) what to which widget, when, and how
 * it ended. It never holds a secret value.
 *
 * @param id {@code null} until stored
 * @param actorEmail {@code null} when the identity provider gave none (and for local
 * users)
 * @param sitekey {@code null} for a create that failed, before Cloudflare gave the widget
 * one
 * @param widgetName the widget's name as it was then; {@code null} when it was not known
 * @param invalidateImmediately the choice made for a rotation; {@code null} for every
 * other action
 * @param error Cloudflare's error (codes and messages) or why nothing was done;
 * {@code null} on success
 * @param changes for an update, the settings it changed; empty otherwise
 * @param actorKind one of this dashboard's users, or someone outside it
 * @param via for a change made outside, the channel Cloudflare names
 * ({@code last_modified_via}: dashboard, wrangler, api...); {@code null} otherwise or
 * when it does not say
 */
public record AuditEntry(@Id @Nullable Long id, Instant occurredAt, String actorSubject, String actorName,
        @Nullable String actorEmail, String accountId, AuditAction action, AuditOutcome outcome,
        @Nullable String sitekey, @Nullable String widgetName, @Nullable Boolean invalidateImmediately,
        @Nullable String error, List<FieldChange> changes, ActorKind actorKind, @Nullable String via,
        @Nullable Attribution attribution) {

    public AuditEntry {
        changes = changes == null ? List.of() : List.copyOf(changes);
        actorKind = actorKind == null ? ActorKind.USER : actorKind;
    }

    public boolean succeeded() {
        return outcome == AuditOutcome.SUCCEEDED;
    }
}
