package com.turnstileadmin.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * The signed-in sessions in the session store (Spring Session JDBC, shared by every
 * replica), per user, and the way to end all of one user's sessions at once.
 */
@Component
public class OpenSessions {

    /**
     * The signed-in sessions that have not ended, per principal (Spring Session's index
     * of them).
     */
    private static final String PER_USER = """
            SELECT PRINCIPAL_NAME, COUNT(*) AS SESSIONS, MAX(LAST_ACCESS_TIME) AS LAST_REQUEST
            FROM SPRING_SESSION WHERE PRINCIPAL_NAME IS NOT NULL AND EXPIRY_TIME > ?
            GROUP BY PRINCIPAL_NAME ORDER BY PRINCIPAL_NAME
            """;

    private final JdbcTemplate jdbc;

    private final FindByIndexNameSessionRepository<? extends Session> sessions;

    OpenSessions(JdbcTemplate jdbc, FindByIndexNameSessionRepository<? extends Session> sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    public List<OpenSession> perUser() {
        // Expiry is Spring Session's own, kept in real time whatever clock the app is
        // given.
        return jdbc.query(PER_USER,
                (row, index) -> new OpenSession(row.getString("PRINCIPAL_NAME"), row.getInt("SESSIONS"),
                        Instant.ofEpochMilli(row.getLong("LAST_REQUEST"))),
                Instant.now(Clock.systemUTC()).toEpochMilli());
    }

    /**
     * Ends every session of {@code user} but {@code keptSessionId} (the admin's own, when
     * they sign themselves out elsewhere); returns how many ended.
     */
    public int endAllOf(String user, String keptSessionId) {
        Map<String, ? extends Session> found = sessions.findByPrincipalName(user);
        List<String> ended = found.keySet().stream().filter(id -> !id.equals(keptSessionId)).toList();
        ended.forEach(sessions::deleteById);
        return ended.size();
    }

}
