package com.turnstileadmin.reconcile;

import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.OutsideActor;
import com.turnstileadmin.audit.OutsideChange;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Which audit log entry records a change found at Cloudflare: one about the same widget,
 * by the request that makes such a change (a create and a rotation are POSTs, the
 * rotation's to {@code /rotate_secret}; an update a PUT; a delete a DELETE), the nearest
 * in time to the widget's {@code modified_on}. A delete has no such time: the latest
 * delete of the widget is its entry.
 */
final class AuditLogMatch {

    private AuditLogMatch() {
    }

    static @Nullable AuditLogEntry of(OutsideChange change, List<AuditLogEntry> entries, Duration within) {
        List<AuditLogEntry> candidates = entries.stream()
            .filter(entry -> entry.sitekey().equals(change.sitekey()) && records(entry, change.action()))
            .toList();
        if (change.action() == AuditAction.DELETE) {
            return candidates.isEmpty() ? null : candidates.get(candidates.size() - 1);
        }
        return candidates.stream()
            .filter(entry -> Duration.between(entry.time(), change.occurredAt()).abs().compareTo(within) <= 0)
            .min(Comparator.comparing(entry -> Duration.between(entry.time(), change.occurredAt()).abs()))
            .orElse(null);
    }

    /**
     * Who made it: the person's e-mail for the Cloudflare dashboard, the token's name for
     * automation (with the e-mail of its owner beside it).
     */
    static OutsideActor actor(AuditLogEntry entry) {
        boolean token = entry.tokenName() != null && !entry.tokenName().isBlank();
        String name = token ? "API token “" + entry.tokenName() + "”"
                : entry.email() != null ? entry.email() : "someone outside this dashboard";
        String subject = "cloudflare:" + (token && entry.tokenId() != null ? "token:" + entry.tokenId()
                : entry.actorId() != null ? entry.actorId() : "unknown");
        return new OutsideActor(subject, name, entry.email(), entry.time(), entry.context());
    }

    private static boolean records(AuditLogEntry entry, AuditAction action) {
        String method = entry.method().toUpperCase(java.util.Locale.ROOT);
        return switch (action) {
            case CREATE -> method.equals("POST") && !entry.isRotation();
            case ROTATE_SECRET -> method.equals("POST") && entry.isRotation();
            case UPDATE -> method.equals("PUT") || method.equals("PATCH");
            case DELETE -> method.equals("DELETE");
            case REVEAL_SECRET, KEEP_OUTSIDE_CHANGE -> false;
        };
    }

}
