package com.turnstileadmin.audit;

/** Whose change an audit entry records. */
public enum ActorKind {

    /** One of this dashboard's signed-in users. */
    USER,

    /**
     * Someone outside this dashboard (Cloudflare's own dashboard, Terraform, a script),
     * whose change the reconciler found at Cloudflare.
     */
    OUTSIDE

}
