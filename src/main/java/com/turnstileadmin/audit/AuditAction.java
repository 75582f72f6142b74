package com.turnstileadmin.audit;

/** What was done, or tried, to a widget. */
public enum AuditAction {

    CREATE("Created"), UPDATE("Edited"), DELETE("Deleted"), ROTATE_SECRET("Rotated secret"),
    REVEAL_SECRET("Revealed secret");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    /** How the audit page names it. */
    public String label() {
        return label;
    }

}
