package com.turnstileadmin.security;

import java.sql.DatabaseMetaData;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.autoconfigure.ServerProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.SessionRepositoryFilter;

/**
 * Sessions live in the audit trail's database (Spring Session JDBC, configured by Boot;
 * the tables come from db/migration/V3__sessions.sql), so that every replica knows every
 * session. Two requests of one session that both add the same attribute (two tabs opened
 * at once, each making the CSRF token; the requests may reach two replicas) would both
 * insert its row, and the second would fail on the primary key: on PostgreSQL and H2 that
 * insert overwrites instead, as Spring Session's customizers do.
 */
@Configuration(proxyBeanMethods = false)
class SessionStoreConfiguration {

    /** H2's upsert; %TABLE_NAME% is Spring Session's placeholder for its table. */
    static final String H2_CREATE_SESSION_ATTRIBUTE = """
            MERGE INTO %TABLE_NAME%_ATTRIBUTES (SESSION_PRIMARY_ID, ATTRIBUTE_NAME, ATTRIBUTE_BYTES)
            KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME)
            VALUES (?, ?, ?)
            """;

    /**
     * In place of Boot's, from the same settings: {@code __Host-} prefixed over HTTPS
     * ({@link SessionCookie}).
     */
    @Bean
    CookieSerializer sessionCookie(ServerProperties server) {
        return new SessionCookie(server.getServlet().getSession().getCookie());
    }

    /**
     * Boot's store, as every part of the app uses it (Spring Session's filter, the
     * registry of a user's sessions, the sessions page), with the last-access time
     * written in steps ({@link CoarseLastAccessSessions}). Decorated rather than
     * declared: a session store of the app's own would turn Boot's off.
     */
    @Bean
    static BeanPostProcessor coarseLastAccess(ObjectProvider<ServerProperties> server) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof JdbcIndexedSessionRepository jdbc)) {
                    return bean;
                }
                Duration idleTimeout = server.getObject().getServlet().getSession().getTimeout();
                return coarse(jdbc, idleTimeout);
            }
        };
    }

    /** Just ahead of Spring Session's filter: see {@link CoarseLastAccessSessions}. */
    @Bean
    FilterRegistrationBean<CoarseLastAccessSessions.OneReadPerRequest> oneSessionReadPerRequest() {
        FilterRegistrationBean<CoarseLastAccessSessions.OneReadPerRequest> filter = new FilterRegistrationBean<>(
                new CoarseLastAccessSessions.OneReadPerRequest());
        filter.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return filter;
    }

    private static <S extends Session> CoarseLastAccessSessions<S> coarse(FindByIndexNameSessionRepository<S> store,
            Duration idleTimeout) {
        return new CoarseLastAccessSessions<>(store, idleTimeout);
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionAttributesUpsert(DataSource dataSource)
            throws MetaDataAccessException {
        DatabaseDriver database = DatabaseDriver
            .fromProductName(JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName));
        return switch (database) {
            case POSTGRESQL -> new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
            case H2 -> sessions -> sessions.setCreateSessionAttributeQuery(H2_CREATE_SESSION_ATTRIBUTE);
            // Another database works too, with Spring Session's plain insert.
            default -> sessions -> {
            };
        };
    }

}
