package com.turnstileadmin.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * Who made a change outside the dashboard, as the account's audit logs name them.
 *
 * @param subject Cloudflare's id of the user, or of the token for automation
 * @param name the person's e-mail for the Cloudflare dashboard, the token's name for
 * automation
 * @param email the person's e-mail, when known
 * @param at the time Cloudflare recorded
 * @param channel how they called: {@code dash}, {@code api_token}, {@code api_key}...
 */
public record OutsideActor(String subject, String name, @Nullable String email, Instant at, @Nullable String channel) {
}
