package com.turnstileadmin;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The app's sessions as Spring Session JDBC keeps them in the database
 * (db/migration/V3__sessions.sql), looked up by the session cookie's value, which carries
 * the row's session id Base64-encoded.
 */
public final class SessionTable {

    private final JdbcTemplate jdbc;

    public SessionTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The session id of a session cookie's value. */
    public static String idOf(String cookieValue) {
        return new String(Base64.getDecoder().decode(cookieValue), StandardCharsets.US_ASCII);
    }

    public boolean holds(String cookieValue) {
        return count("SELECT COUNT(*) FROM SPRING_SESSION WHERE SESSION_ID = ?", idOf(cookieValue)) == 1;
    }

    /**
     * The user the session is signed in as (Spring Session's principal name),
     * {@code null} before sign-in.
     */
    public @Nullable String principalOf(String cookieValue) {
        return jdbc.queryForObject("SELECT PRINCIPAL_NAME FROM SPRING_SESSION WHERE SESSION_ID = ?", String.class,
                idOf(cookieValue));
    }

    /** How long the session lasts without a request, as stored with it. */
    public Duration idleTimeoutOf(String cookieValue) {
        return Duration.ofSeconds(
                count("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = ?", idOf(cookieValue)));
    }

    /**
     * Makes the session's last request {@code ago} old, as if its user had been away that
     * long.
     */
    public void lastRequestAgo(String cookieValue, Duration ago) {
        int updated = jdbc.update("UPDATE SPRING_SESSION SET LAST_ACCESS_TIME = ? WHERE SESSION_ID = ?",
                System.currentTimeMillis() - ago.toMillis(), idOf(cookieValue));
        if (updated != 1) {
            throw new IllegalStateException("No session row for the cookie " + cookieValue);
        }
    }

    /**
     * Where the text is in any session: every column of every session and attribute row
     * is searched, the attributes' bytes as Java serialization wrote them, for the text
     * as a string (UTF-8, as it writes these) and as a char array (UTF-16). Each place is
     * named by its column, and the attribute's name.
     */
    public List<String> placesHolding(String text) {
        List<byte[]> forms = List.of(text.getBytes(StandardCharsets.UTF_8), text.getBytes(StandardCharsets.UTF_16BE));
        List<String> places = new ArrayList<>();
        List<Map<String, Object>> rows = new ArrayList<>(jdbc.queryForList("SELECT * FROM SPRING_SESSION"));
        rows.addAll(jdbc.queryForList("SELECT * FROM SPRING_SESSION_ATTRIBUTES"));
        for (Map<String, Object> row : rows) {
            row.forEach((column, value) -> {
                byte[] bytes = value instanceof byte[] raw ? raw
                        : String.valueOf(value).getBytes(StandardCharsets.UTF_8);
                if (forms.stream().anyMatch(form -> indexOf(bytes, form) >= 0)) {
                    places.add(column + (row.containsKey("ATTRIBUTE_NAME") ? " of " + row.get("ATTRIBUTE_NAME") : ""));
                }
            });
        }
        return places;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    private int count(String sql, String sessionId) {
        Integer value = jdbc.queryForObject(sql, Integer.class, sessionId);
        if (value == null) {
            throw new IllegalStateException("No value for " + sql);
        }
        return value;
    }

}
