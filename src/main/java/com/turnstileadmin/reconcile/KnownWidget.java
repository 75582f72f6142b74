package com.turnstileadmin.reconcile;

import com.turnstileadmin.widget.Sitekey;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A widget as the dashboard last knew it.
 *
 * @param secretDigest the SHA-256 of its secret, hex; {@code null} until a read with the
 * secret
 * @param secretCheckedAt when the secret was last read; {@code null} if never
 * @param deleted deleted through the dashboard or found deleted
 * @param changedAt when this state was written, by the dashboard or the reconciler
 */
record KnownWidget(Sitekey sitekey, WidgetSettings settings, Instant modifiedOn, @Nullable String secretDigest,
        @Nullable Instant secretCheckedAt, boolean deleted, Instant changedAt) {
}
