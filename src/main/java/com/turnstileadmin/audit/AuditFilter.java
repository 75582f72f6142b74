package com.turnstileadmin.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Which audit entries to show; every criterion left {@code null} matches all.
 *
 * @param actor part of the actor's name, e-mail or subject, in any case
 * @param widget part of the widget's name, or its sitekey, in any case
 * @param from the earliest time, inclusive
 * @param until the latest time, exclusive
 * @param actorKind this dashboard's users' entries, or those of changes made outside it
 */
public record AuditFilter(@Nullable String actor, @Nullable AuditAction action, @Nullable String widget,
        @Nullable Instant from, @Nullable Instant until, @Nullable ActorKind actorKind) {

    /** A filter of every kind of actor. */
    public AuditFilter(@Nullable String actor, @Nullable AuditAction action, @Nullable String widget,
            @Nullable Instant from, @Nullable Instant until) {
        this(actor, action, widget, from, until, null);
    }

}
