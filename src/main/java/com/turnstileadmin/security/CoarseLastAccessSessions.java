package com.turnstileadmin.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The session store with each session's last-access time written only once it has moved
 * by {@code step} or more. Spring Session sets it on every request, and the JDBC store
 * then updates the session's row on every page view although nothing else changed: a
 * write, and on PostgreSQL a flush of its log, per page. Written at most once per
 * {@code step}, a page view writes the session only when it changed.
 *
 * <p>
 * The idle timeout stays whole: a new session is kept for its idle timeout plus one
 * {@code step} after the last access written, so it ends between the idle timeout and the
 * idle timeout plus one step after its last request, never before. What the sessions page
 * shows as a user's last request is as coarse.
 *
 * @param <S> the store's own session type
 */
final class CoarseLastAccessSessions<S extends Session>
        implements FindByIndexNameSessionRepository<CoarseLastAccessSessions.Coarse<S>> {

    /** A twentieth of the idle timeout, at most a minute: 30 minutes idle, a minute. */
    static Duration stepFor(Duration idleTimeout) {
        Duration twentieth = idleTimeout.dividedBy(20);
        return twentieth.compareTo(Duration.ofMinutes(1)) > 0 ? Duration.ofMinutes(1) : twentieth;
    }

    /**
     * The sessions read in the request being served, by id ({@code null}: none found);
     * unset outside one.
     */
    private static final ThreadLocal<@Nullable Map<String, @Nullable Coarse<?>>> READ_IN_THIS_REQUEST = new ThreadLocal<>();

    private final FindByIndexNameSessionRepository<S> store;

    private final Steps steps;

    CoarseLastAccessSessions(FindByIndexNameSessionRepository<S> store, Duration idleTimeout) {
        this.store = store;
        Duration step = stepFor(idleTimeout);
        this.steps = new Steps(step, idleTimeout.plus(step));
    }

    /**
     * @param step how far the last-access time moves before it is written
     * @param keptFor how long a session is kept after it: the idle timeout and a step
     */
    private record Steps(Duration step, Duration keptFor) {
    }

    @Override
    public Coarse<S> createSession() {
        S session = store.createSession();
        session.setMaxInactiveInterval(steps.keptFor());
        return new Coarse<>(session, steps);
    }

    @Override
    public void save(Coarse<S> session) {
        store.save(session.stored);
        Map<String, @Nullable Coarse<?>> read = READ_IN_THIS_REQUEST.get();
        if (read != null) {
            // Under its id as it is now: signing in gives it a new one.
            read.values().removeIf(earlier -> earlier == session);
            read.put(session.getId(), session);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public @Nullable Coarse<S> findById(String id) {
        Map<String, @Nullable Coarse<?>> read = READ_IN_THIS_REQUEST.get();
        if (read != null && read.containsKey(id)) {
            return (Coarse<S>) read.get(id);
        }
        S stored = store.findById(id);
        Coarse<S> session = stored == null ? null : new Coarse<>(stored, steps);
        if (read != null) {
            read.put(id, session);
        }
        return session;
    }

    @Override
    public void deleteById(String id) {
        Map<String, @Nullable Coarse<?>> read = READ_IN_THIS_REQUEST.get();
        if (read != null) {
            read.put(id, null);
        }
        store.deleteById(id);
    }

    @Override
    public Map<String, Coarse<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
        Map<String, Coarse<S>> sessions = new LinkedHashMap<>();
        store.findByIndexNameAndIndexValue(indexName, indexValue)
            .forEach((id, session) -> sessions.put(id, new Coarse<>(session, steps)));
        return sessions;
    }

    /**
     * Scopes the reads of each request, ahead of Spring Session's filter (whose last save
     * follows every other filter's end).
     */
    static final class OneReadPerRequest extends OncePerRequestFilter {

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            READ_IN_THIS_REQUEST.set(new HashMap<>());
            try {
                chain.doFilter(request, response);
            }
            finally {
                READ_IN_THIS_REQUEST.remove();
            }
        }

    }

    /**
     * A stored session whose last-access time moves in steps; everything else goes to it
     * as it is.
     *
     * @param <S> the store's own session type
     */
    static final class Coarse<S extends Session> implements Session {

        private final S stored;

        private final Steps steps;

        private Coarse(S stored, Steps steps) {
            this.stored = stored;
            this.steps = steps;
        }

        /**
         * Written once it moved by a step; and always for a session kept no longer than
         * its idle timeout (made before this store was, or by a replica of an earlier
         * version during a rolling update), which a skipped write would end early.
         */
        @Override
        public void setLastAccessedTime(Instant lastAccessedTime) {
            boolean keptLonger = stored.getMaxInactiveInterval().compareTo(steps.keptFor()) >= 0;
            if (!keptLonger || !lastAccessedTime.isBefore(stored.getLastAccessedTime().plus(steps.step()))) {
                stored.setLastAccessedTime(lastAccessedTime);
            }
        }

        @Override
        public String getId() {
            return stored.getId();
        }

        @Override
        public String changeSessionId() {
            return stored.changeSessionId();
        }

        @Override
        public <T> @Nullable T getAttribute(String attributeName) {
            return stored.getAttribute(attributeName);
        }

        @Override
        public Set<String> getAttributeNames() {
            return stored.getAttributeNames();
        }

        @Override
        public void setAttribute(String attributeName, Object attributeValue) {
            stored.setAttribute(attributeName, attributeValue);
        }

        @Override
        public void removeAttribute(String attributeName) {
            stored.removeAttribute(attributeName);
        }

        @Override
        public Instant getCreationTime() {
            return stored.getCreationTime();
        }

        @Override
        public Instant getLastAccessedTime() {
            return stored.getLastAccessedTime();
        }

        @Override
        public void setMaxInactiveInterval(Duration interval) {
            stored.setMaxInactiveInterval(interval);
        }

        @Override
        public Duration getMaxInactiveInterval() {
            return stored.getMaxInactiveInterval();
        }

        @Override
        public boolean isExpired() {
            return stored.isExpired();
        }

    }

}
