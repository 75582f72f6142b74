package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every route of the app, for everyone who might send it, over real HTTP against the app on the
 * sandbox: signed out, each role, and without a CSRF token. The table is checked against the app's
 * own request mappings, so that a new route cannot go untested. Each refusal is counted at the
 * sandbox too: a refused request never costs a Cloudflare call.
 */
@AppOverHttp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteTest {

    private static final String ACCOUNT = "{accountId}";
    private static final String WIDGET = "/accounts/" + ACCOUNT + "/widgets/{sitekey}";

    /** A route and the least role that may use it; {@code null}: anyone, signed in or not. */
    record Guarded(Route route, @Nullable Role least) {

        @Override
        public String toString() {
            return route.toString();
        }
    }

    private static final List<Guarded> ROUTES = List.of(
            new Guarded(Route.get("/login"), null),
            new Guarded(Route.get("/"), Role.VIEWER),
            new Guarded(Route.get("/accounts/" + ACCOUNT + "/widgets"), Role.VIEWER),
            new Guarded(Route.get(WIDGET), Role.VIEWER),
            new Guarded(Route.get(WIDGET + "/secret"), Role.VIEWER),
            new Guarded(Route.post(WIDGET + "/secret"), Role.EDITOR),
            new Guarded(Route.get("/accounts/" + ACCOUNT + "/widgets/new"), Role.EDITOR),
            new Guarded(Route.post("/accounts/" + ACCOUNT + "/widgets", "edited.name", "Forced",
                    "edited.domains", "forced.example", "edited.mode", "managed"), Role.EDITOR),
            new Guarded(Route.post("/accounts/" + ACCOUNT + "/widgets/validate", "field", "name", "edited.name", "x"),
                    Role.EDITOR),
            new Guarded(Route.get(WIDGET + "/edit"), Role.EDITOR),
            new Guarded(Route.post(WIDGET + "/edit", "edited.name", "Forced", "edited.domains", "forced.example",
                    "edited.mode", "managed"), Role.EDITOR),
            new Guarded(Route.get(WIDGET + "/rotate"), Role.ADMIN),
            new Guarded(Route.post(WIDGET + "/rotate", "invalidateImmediately", "true"), Role.ADMIN),
            new Guarded(Route.get(WIDGET + "/delete"), Role.ADMIN),
            new Guarded(Route.post(WIDGET + "/delete", "name", "Forced", "confirmation", "Forced"), Role.ADMIN),
            new Guarded(Route.get("/accounts/" + ACCOUNT + "/audit"), Role.ADMIN),
            new Guarded(Route.get("/accounts/" + ACCOUNT + "/audit.csv"), Role.ADMIN),
            new Guarded(Route.get("/accounts/" + ACCOUNT + "/widgets/{sitekey:[A-Za-z0-9_-]{1,32}}/history"), Role.ADMIN),
            new Guarded(Route.get("/sessions"), Role.ADMIN),
            new Guarded(Route.post("/sessions/sign-out", "user", "nobody-signed-in"), Role.ADMIN),
            // The page of a user without a role; one with a role is sent on to the widgets.
            new Guarded(Route.get("/no-access"), Role.VIEWER));

    /** Spring Security's own: signing in and out. */
    private static final List<Route> SECURITY_POSTS = List.of(
            Route.post("/login", "username", "admin", "password", "admin-journey-password"), Route.post("/logout"));

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    TurnstileWidgets cloudflare;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private String sitekey;

    @BeforeAll
    void findAWidget() {
        sitekey = cloudflare.list(sandbox.accountId(), WidgetQuery.firstPage()).widgets().get(0).sitekey().value();
    }

    @Test
    void theTableListsEveryRouteOfTheApp() {
        Set<String> mapped = mappings.getHandlerMethods().keySet().stream()
                .flatMap(info -> info.getPatternValues().stream().flatMap(pattern -> info.getMethodsCondition()
                        .getMethods().stream().map(method -> method + " " + pattern)))
                .filter(route -> !route.endsWith(" /error"))
                .collect(Collectors.toSet());

        assertThat(ROUTES.stream().map(Guarded::toString)).containsExactlyInAnyOrderElementsOf(mapped);
    }

    Stream<Route> everyPost() {
        return Stream.concat(ROUTES.stream().map(Guarded::route), SECURITY_POSTS.stream())
                .filter(route -> route.method() == HttpMethod.POST);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyPost")
    void everyPostWithoutACsrfTokenIsRefusedWithoutACloudflareCall(Route route) {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);

        Response response = withoutCalls(() -> admin.postWithoutCsrf(path(route), route.params()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(admin.get("/").header("Location")).as("still signed in").endsWith("/widgets");
    }

    Stream<Guarded> everyRoute() {
        return ROUTES.stream().filter(guarded -> guarded.least() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyRoute")
    void someoneSignedOutIsSentToSignInWithoutACloudflareCall(Guarded guarded) {
        HttpVisitor signedOut = new HttpVisitor(port);

        Response response = withoutCalls(() -> send(signedOut, guarded.route()));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).endsWith("/login");
    }

    Stream<Arguments> everyRouteForTheRolesBelowIt() {
        return ROUTES.stream().filter(guarded -> guarded.least() != null).flatMap(guarded -> Arrays.stream(Role.values())
                .filter(role -> role.compareTo(guarded.least()) < 0).map(role -> Arguments.of(role, guarded)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRouteForTheRolesBelowIt")
    void aRoleBelowTheRouteIsRefusedWithoutACloudflareCall(Role role, Guarded guarded) {
        HttpVisitor user = HttpVisitor.signedIn(port, User.valueOf(role.name()));

        Response response = withoutCalls(() -> send(user, guarded.route()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("You may not do that");
    }

    /** The routes that change nothing, so that every role allowed may use them here. */
    Stream<Arguments> everyReadForTheRolesAllowedIt() {
        return ROUTES.stream().filter(guarded -> guarded.route().method() == HttpMethod.GET
                        || guarded.route().path().endsWith("/secret") || guarded.route().path().endsWith("/validate"))
                .flatMap(guarded -> Arrays.stream(Role.values())
                        .filter(role -> guarded.least() == null || role.compareTo(guarded.least()) >= 0)
                        .map(role -> Arguments.of(role, guarded)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyReadForTheRolesAllowedIt")
    void aRoleTheRouteAllowsIsServed(Role role, Guarded guarded) {
        HttpVisitor user = HttpVisitor.signedIn(port, User.valueOf(role.name()));

        Response response = send(user, guarded.route());

        assertThat(response.status()).isIn(200, 302);
        assertThat(response.header("Location")).doesNotEndWith("/login");
    }

    private Response send(HttpVisitor visitor, Route route) {
        return route.method() == HttpMethod.POST ? visitor.post(path(route), route.params()) : visitor.get(path(route));
    }

    private String path(Route route) {
        // A sitekey placeholder may carry its pattern ({sitekey:[A-Za-z0-9_-]{1,32}}), which holds no slash.
        return route.path().replace(ACCOUNT, sandbox.accountId().value()).replaceAll("\\{sitekey[^/]*", sitekey);
    }

    private Response withoutCalls(Supplier<Response> request) {
        long before = sandbox.requestCount();
        Response response = request.get();
        assertThat(sandbox.requestCount() - before).as("Cloudflare calls of " + response).isZero();
        return response;
    }
}
