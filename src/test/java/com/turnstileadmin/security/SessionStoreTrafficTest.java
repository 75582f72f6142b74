package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.SessionTable;
import com.turnstileadmin.TurnstileAdminApplication;
import com.turnstileadmin.audit.LocalPostgres;
import com.turnstileadmin.sandbox.SandboxServer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What each request costs the session store, counted in the SQL the app sends (a
 * DataSource proxy), on H2 and, where one answers, on PostgreSQL ({@link LocalPostgres}):
 * the static files (at content-hashed URLs, cached for good) and the health probe never
 * touch it, a signed-in page view reads its session once and writes it only when it
 * changed, and the last-access time is written once it has moved by a step
 * ({@link CoarseLastAccessSessions}), which the idle timeout leaves room for.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionStoreTrafficTest {

    private static final Duration IDLE_TIMEOUT = Duration.ofMinutes(AppOverHttp.SESSION_IDLE_TIMEOUT_MINUTES);

    private final List<App> started = new CopyOnWriteArrayList<>();

    /** One instance of the app on one database, and the session SQL it has sent. */
    private record App(String store, ConfigurableApplicationContext context, int port, List<String> sessionSql) {

        static App start(String store, String databaseUrl, String user) {
            List<String> sessionSql = new CopyOnWriteArrayList<>();
            ConfigurableApplicationContext context = new SpringApplicationBuilder(TurnstileAdminApplication.class)
                .initializers(app -> app.getBeanFactory().addBeanPostProcessor(countingSessionSql(sessionSql)))
                .run("--server.port=0", "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=" + user, "--spring.datasource.password=",
                        "--local-sign-in.admin-password=" + User.ADMIN.password,
                        "--SESSION_IDLE_TIMEOUT=" + IDLE_TIMEOUT.toMinutes() + "m");
            return new App(store, context, ((WebServerApplicationContext) context).getWebServer().getPort(),
                    sessionSql);
        }

        String list() {
            return "/accounts/" + context.getBean(SandboxServer.class).accountId().value() + "/widgets";
        }

        SessionTable sessions() {
            return new SessionTable(context.getBean(JdbcTemplate.class));
        }

        /** The session SQL that {@code request} sends, after the SQL before it. */
        List<String> sqlOf(Runnable request) {
            sessionSql.clear();
            request.run();
            return List.copyOf(sessionSql);
        }

        @Override
        public String toString() {
            return store;
        }
    }

    private static BeanPostProcessor countingSessionSql(List<String> sessionSql) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource dataSource)) {
                    return bean;
                }
                return ProxyDataSourceBuilder.create(dataSource)
                    .afterQuery((execution, queries) -> queries.forEach(query -> {
                        String sql = query.getQuery().toUpperCase(Locale.ROOT);
                        // Spring Session's clean-up of expired sessions runs once a
                        // minute,
                        // on its own.
                        if (sql.contains("SPRING_SESSION") && !sql.contains("EXPIRY_TIME <")) {
                            sessionSql.add(sql.strip().replaceAll("\\s+", " "));
                        }
                    }))
                    .build();
            }
        };
    }

    Stream<Arguments> stores() {
        Stream.Builder<Arguments> stores = Stream.builder();
        stores.add(Arguments.of(app("H2", "jdbc:h2:mem:sessions-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa")));
        if (LocalPostgres.reachable()) {
            String schema = LocalPostgres.createSchema();
            schemas.add(schema);
            stores.add(Arguments.of(app("PostgreSQL", LocalPostgres.urlOf(schema), LocalPostgres.USER)));
        }
        return stores.build();
    }

    private final List<String> schemas = new CopyOnWriteArrayList<>();

    private App app(String store, String url, String user) {
        App app = App.start(store, url, user);
        started.add(app);
        return app;
    }

    @AfterAll
    void stopThem() {
        started.forEach(app -> app.context().close());
        schemas.forEach(LocalPostgres::dropSchema);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void staticFilesAndTheHealthProbeNeverTouchTheSessionStore(App app) {
        HttpVisitor visitor = HttpVisitor.signedIn(app.port(), User.ADMIN);
        String page = visitor.get(app.list()).body();
        List<String> files = linkedFiles(page);
        assertThat(files).as("every file linked by the URL of its content's hash")
            .hasSizeGreaterThanOrEqualTo(5)
            .allMatch(file -> file.matches("/(assets|webjars)/.+-[0-9a-f]{32}\\.(css|js|svg)"));

        for (String file : files) {
            Response[] answer = new Response[1];
            assertThat(app.sqlOf(() -> answer[0] = visitor.get(file))).as(file).isEmpty();
            assertThat(answer[0].status()).as(file).isEqualTo(200);
            assertThat(answer[0].headers("Set-Cookie")).as(file).isEmpty();
            assertThat(answer[0].header("Cache-Control")).as(file).isEqualTo("max-age=31536000, public, immutable");
        }
        for (String probe : List.of("/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness")) {
            assertThat(app.sqlOf(() -> visitor.get(probe))).as(probe).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aSignedInPageViewReadsItsSessionOnceAndWritesItOnlyWhenItChanged(App app) {
        HttpVisitor visitor = HttpVisitor.signedIn(app.port(), User.ADMIN);
        String sitekey = firstSitekey(visitor.get(app.list()).body());

        for (String path : List.of(app.list(), app.list() + "?q=shop&sort=name", app.list() + "/" + sitekey)) {
            List<String> sql = app.sqlOf(() -> assertThat(visitor.get(path).status()).as(path).isEqualTo(200));
            assertThat(sql).as(path).hasSize(1).allMatch(statement -> statement.startsWith("SELECT"));
        }
        String history = app.list() + "/" + sitekey + "/history";
        List<String> sql = app
            .sqlOf(() -> assertThat(visitor.get(history, "HX-Request", "true").status()).as(history).isEqualTo(200));
        assertThat(sql).as(history).hasSize(1).allMatch(statement -> statement.startsWith("SELECT"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void theLastAccessTimeIsWrittenOnceItHasMovedByAStepWhichTheIdleTimeoutLeavesRoomFor(App app) {
        HttpVisitor visitor = HttpVisitor.signedIn(app.port(), User.ADMIN);
        String cookie = visitor.sessionId();
        Duration step = CoarseLastAccessSessions.stepFor(IDLE_TIMEOUT);
        assertThat(app.sessions().idleTimeoutOf(cookie)).isEqualTo(IDLE_TIMEOUT.plus(step));

        app.sessions().lastRequestAgo(cookie, step.minusSeconds(5));
        assertThat(app.sqlOf(() -> visitor.get(app.list()))).as("within a step of the last written")
            .noneMatch(statement -> statement.startsWith("UPDATE"));
        app.sessions().lastRequestAgo(cookie, step.plusSeconds(1));
        assertThat(app.sqlOf(() -> visitor.get(app.list()))).as("a step after it")
            .filteredOn(statement -> statement.startsWith("UPDATE"))
            .singleElement()
            .satisfies(update -> assertThat(update).contains("LAST_ACCESS_TIME"));

        // Signed out only once the idle timeout and the step have both passed.
        app.sessions().lastRequestAgo(cookie, IDLE_TIMEOUT.plus(step).minusSeconds(5));
        assertThat(visitor.get(app.list()).status()).as("within the idle timeout and a step").isEqualTo(200);
        app.sessions().lastRequestAgo(cookie, IDLE_TIMEOUT.plus(step).plusSeconds(1));
        assertThat(visitor.get(app.list()).header("Location")).as("past both").endsWith("/login");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stores")
    void aSessionKeptOnlyItsIdleTimeoutHasEveryRequestWrittenSoThatItNeverEndsEarly(App app) {
        HttpVisitor visitor = HttpVisitor.signedIn(app.port(), User.ADMIN);
        String cookie = visitor.sessionId();
        // As a session made before the last-access time was written in steps is stored
        // (or one made by a replica of an earlier version during a rolling update).
        app.context()
            .getBean(JdbcTemplate.class)
            .update("UPDATE SPRING_SESSION SET MAX_INACTIVE_INTERVAL = ? WHERE SESSION_ID = ?",
                    IDLE_TIMEOUT.toSeconds(), SessionTable.idOf(cookie));
        app.sessions().lastRequestAgo(cookie, Duration.ofSeconds(5));

        assertThat(app.sqlOf(() -> visitor.get(app.list()))).as("a request 5 s after the last")
            .filteredOn(statement -> statement.startsWith("UPDATE"))
            .singleElement()
            .satisfies(update -> assertThat(update).contains("LAST_ACCESS_TIME"));
    }

    private static List<String> linkedFiles(String page) {
        Document document = Jsoup.parse(page);
        return Stream
            .concat(document.select("link[href]").eachAttr("href").stream(),
                    document.select("script[src]").eachAttr("src").stream())
            .toList();
    }

    private static String firstSitekey(String listPage) {
        return Jsoup.parse(listPage).select("[data-sitekey]").first().attr("data-sitekey");
    }

}
