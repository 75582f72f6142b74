package com.turnstileadmin.widget;

import java.util.stream.Collectors;

/**
 * Why an attempt failed, as the audit trail keeps it: Cloudflare's codes and messages (the
 * exceptions' own messages), or what kept the change from being made. Never a secret: Cloudflare's
 * errors describe the request, which holds none (a secret only ever travels in an answer's result),
 * and these exceptions' messages are built without one.
 */
final class FailureText {

    private FailureText() {
    }

    /** "Cloudflare refused to update widget (HTTP 400): 10003 …", "Cloudflare did not answer in time …". */
    static String of(CloudflareException failure) {
        return failure.getMessage();
    }

    static String of(EditConflictException conflict) {
        return "Nothing was saved: someone else changed "
                + conflict.theirChanges().stream().map(EditMerge.Change::label).collect(Collectors.joining(", "))
                + " since the edit form was opened";
    }
}
