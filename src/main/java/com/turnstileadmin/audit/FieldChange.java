package com.turnstileadmin.audit;

import org.jspecify.annotations.Nullable;

/**
 * One setting an update changed, as the details page shows it (domains as a
 * comma-separated list, say). Stored in the table {@code field_change}: names are
 * derived, never given, because Spring Data JDBC quotes given names, which then match
 * H2's upper-case and PostgreSQL's lower-case tables only in one of them.
 *
 * @param field the setting's name as the form labels it
 * @param oldValue before; {@code null} for a setting that had no value
 * @param newValue after; {@code null} for a setting that was cleared
 */
public record FieldChange(String field, @Nullable String oldValue, @Nullable String newValue) {
}
