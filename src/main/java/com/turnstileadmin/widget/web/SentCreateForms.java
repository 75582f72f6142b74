package com.turnstileadmin.widget.web;

import com.turnstileadmin.account.AccountId;
import com.turnstileadmin.widget.Sitekey;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The one-time tokens of new-widget forms, so that one form creates at most one widget.
 * The page of keys a create answers with is the answer to a POST: Reload, or Back and
 * Save, would send the same form again and make a twin. The first send claims the token
 * in the database (every replica sees the claim); a later send of it learns what became
 * of the first.
 */
@Component
public class SentCreateForms {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{22,43}");

    private static final Duration KEPT = Duration.ofDays(1);

    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Logger LOG = LoggerFactory.getLogger(SentCreateForms.class);

    private final JdbcTemplate jdbc;

    private final Clock clock;

    SentCreateForms(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A token for a new form: 128 random bits, URL-safe. */
    static String newToken() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
    }

    /** What a send of a create form may do. */
    sealed interface Claim {

        /** The first send of this form (or of a form without a token): create. */
        record First() implements Claim {
        }

        /**
         * This form was sent before and made this widget: show it rather than make
         * another.
         */
        record Created(Sitekey sitekey) implements Claim {
        }

        /**
         * This form was sent before and that send has not been answered yet (a double
         * send).
         */
        record InFlight() implements Claim {
        }

    }

    /**
     * Claims the form's token for this send; a missing or malformed token is always a
     * first send.
     */
    Claim claim(String token, AccountId account) {
        if (!isToken(token)) {
            return new Claim.First();
        }
        Instant now = clock.instant();
        try {
            jdbc.update("DELETE FROM sent_create_form WHERE sent_at < ?", Timestamp.from(now.minus(KEPT)));
            jdbc.update("INSERT INTO sent_create_form (token, account_id, sent_at) VALUES (?, ?, ?)", token,
                    account.value(), Timestamp.from(now));
            return new Claim.First();
        }
        catch (DuplicateKeyException sentBefore) {
            List<Optional<String>> made = jdbc.query(
                    "SELECT sitekey FROM sent_create_form WHERE token = ? AND account_id = ?",
                    (row, index) -> Optional.ofNullable(row.getString("sitekey")), token, account.value());
            return made.stream()
                .flatMap(Optional::stream)
                .findFirst()
                .<Claim>map(sitekey -> new Claim.Created(new Sitekey(sitekey)))
                .orElseGet(Claim.InFlight::new);
        }
        catch (DataAccessException unreachable) {
            // The database is down (the audit trail then says so too): a create is not
            // refused for want of
            // this guard, as it was not before there was one.
            LOG.warn("Could not check whether this create form was sent before: {}", unreachable.getMessage());
            return new Claim.First();
        }
    }

    /** The claimed send made this widget. */
    void created(String token, Sitekey sitekey) {
        update("UPDATE sent_create_form SET sitekey = ? WHERE token = ?", token, sitekey.value(), token);
    }

    /**
     * The claimed send made nothing (refused, failed): the same form may be sent again.
     */
    void released(String token) {
        update("DELETE FROM sent_create_form WHERE token = ? AND sitekey IS NULL", token, token);
    }

    private void update(String sql, String token, Object... arguments) {
        if (!isToken(token)) {
            return;
        }
        try {
            jdbc.update(sql, arguments);
        }
        catch (DataAccessException unreachable) {
            LOG.warn("Could not note what became of a sent create form: {}", unreachable.getMessage());
        }
    }

    private static boolean isToken(String token) {
        return token != null && TOKEN.matcher(token).matches();
    }

}
