package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.security.RouteAnswer.Answer;
import com.turnstileadmin.security.RouteAnswer.Sent;
import com.turnstileadmin.security.RouteAnswer.Variant;
import com.turnstileadmin.security.RouteAnswer.Visitor;
import com.turnstileadmin.web.Html;
import com.turnstileadmin.web.Route;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
import org.springframework.web.context.WebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The one place where who may send what is tested: every route of the app, by everyone
 * who might send it (signed out, signed in without a role, each role), as a page and as
 * an htmx request, and each POST also without a CSRF token and with another session's.
 * The table is checked against the app's own request mappings, so a new route without a
 * row fails here. Each refusal is counted at the sandbox too: a refused request never
 * costs a Cloudflare call.
 *
 * <p>
 * The app runs on the sandbox and is spoken to over real HTTP, with real sign-ins; only
 * the user without a role is sent through MockMvc on the same app, as it takes a
 * provider's sign-in (one whose groups give no role), which the local users here cannot
 * make.
 */
@AppOverHttp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryRouteTest {

    private static final String ACCOUNT = "{accountId}";

    private static final String WIDGETS = "/accounts/" + ACCOUNT + "/widgets";

    private static final String WIDGET = WIDGETS + "/{sitekey}";

    /**
     * A route and the least visitor who may use it. Each POST carries a form that binds
     * (so that a refusal is never a 400 for a missing field) and that changes nothing
     * when someone allowed sends it: an empty name, a wrong confirmation code, a user
     * nobody is signed in as.
     *
     * @param csrfOnly Spring Security's own sign-in and sign-out, of which only the CSRF
     * refusals are here
     */
    record Row(Route route, Visitor least, boolean csrfOnly) {

        Row(Route route, Visitor least) {
            this(route, least, false);
        }

        @Override
        public String toString() {
            return route.toString();
        }
    }

    static final List<Row> ROWS = List
        .of(new Row(Route.get("/login"), Visitor.ANONYMOUS), new Row(Route.get("/"), Visitor.VIEWER),
                new Row(Route.get(WIDGETS), Visitor.VIEWER), new Row(Route.get(WIDGET), Visitor.VIEWER),
                new Row(Route.get(WIDGET + "/secret"), Visitor.VIEWER),
                new Row(Route.post(WIDGET + "/secret"), Visitor.EDITOR),
                new Row(Route.get(WIDGETS + "/new"), Visitor.EDITOR),
                new Row(Route.post(WIDGETS, "edited.name", "", "edited.domains", "forced.example", "edited.mode",
                        "managed"), Visitor.EDITOR),
                new Row(Route.post(WIDGETS + "/validate", "field", "name", "edited.name", "x"), Visitor.EDITOR),
                new Row(Route.get(WIDGET + "/edit"), Visitor.EDITOR),
                new Row(Route.post(WIDGET + "/edit", "edited.name", "", "edited.domains", "forced.example",
                        "edited.mode", "managed"), Visitor.EDITOR),
                new Row(Route.get(WIDGET + "/rotate"), Visitor.ADMIN),
                new Row(Route.post(WIDGET + "/rotate", "invalidateImmediately", "true", "confirmation", "wrong"),
                        Visitor.ADMIN),
                new Row(Route.get(WIDGET + "/delete"), Visitor.ADMIN),
                // Without its fields: refused all the same, and for an admin a code that
                // does not match.
                new Row(Route.post(WIDGET + "/delete"), Visitor.ADMIN),
                // No change made outside awaits: keeping or reverting one changes
                // nothing.
                new Row(Route.post(WIDGET + "/outside-change/keep"), Visitor.EDITOR),
                new Row(Route.post(WIDGET + "/outside-change/revert", "openedAt", "2026-01-01T00:00:00Z"),
                        Visitor.EDITOR),
                new Row(Route.get("/accounts/" + ACCOUNT + "/audit"), Visitor.ADMIN),
                new Row(Route.get("/accounts/" + ACCOUNT + "/audit.csv"), Visitor.ADMIN),
                new Row(Route.get(WIDGETS + "/{sitekey:[A-Za-z0-9_-]{1,32}}/history"), Visitor.ADMIN),
                new Row(Route.get(WIDGET + "/health"), Visitor.VIEWER),
                new Row(Route.get("/accounts/" + ACCOUNT + "/analytics/trends"), Visitor.VIEWER),
                new Row(Route.get("/widget-health"), Visitor.VIEWER), new Row(Route.get("/sessions"), Visitor.ADMIN),
                new Row(Route.post("/sessions/sign-out", "user", "nobody-signed-in"), Visitor.ADMIN),
                // The page of a user without a role (RouteAnswer); one with a role is
                // sent on to the widgets.
                new Row(Route.get(NoAccessController.PAGE), Visitor.VIEWER),
                new Row(Route.post("/login", "username", "admin", "password", "admin-journey-password"),
                        Visitor.ANONYMOUS, true),
                new Row(Route.post("/logout"), Visitor.ANONYMOUS, true));

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    TurnstileWidgets cloudflare;

    @Autowired
    WebApplicationContext app;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    private final Map<Visitor, HttpVisitor> signedIn = new EnumMap<>(Visitor.class);

    private RouteAnswer.Sender sender;

    private String sitekey;

    @BeforeAll
    void signInOncePerRole() {
        sitekey = cloudflare.list(sandbox.accountId(), WidgetQuery.firstPage()).widgets().get(0).sitekey().value();
        for (Visitor visitor : List.of(Visitor.VIEWER, Visitor.EDITOR, Visitor.ADMIN)) {
            signedIn.put(visitor, HttpVisitor.signedIn(port, User.valueOf(visitor.name())));
        }
        // A token of another session: what a page of an earlier sign-in (an old tab)
        // sends.
        String foreignToken = Html.first(new HttpVisitor(port).get("/login").body(), "input[name=_csrf]").val();
        sender = new RouteAnswer.Sender(port, app, signedIn, foreignToken);
    }

    @Test
    void theTableListsEveryRouteOfTheApp() {
        Set<String> mapped = mappings.getHandlerMethods()
            .keySet()
            .stream()
            .flatMap(info -> info.getPatternValues()
                .stream()
                .flatMap(pattern -> info.getMethodsCondition()
                    .getMethods()
                    .stream()
                    .map(method -> method + " " + pattern)))
            .filter(route -> !route.endsWith(" /error"))
            .collect(Collectors.toSet());

        assertThat(ROWS.stream().filter(row -> !row.csrfOnly()).map(Row::toString))
            .containsExactlyInAnyOrderElementsOf(mapped);
    }

    Stream<Arguments> table() {
        return ROWS.stream()
            .flatMap(row -> variantsOf(row).flatMap(variant -> Arrays.stream(Visitor.values())
                .map(visitor -> Arguments.of(row, visitor, variant, RouteAnswer.expected(row, visitor, variant)))));
    }

    private static Stream<Variant> variantsOf(Row row) {
        if (row.csrfOnly()) {
            return Stream.of(Variant.WITHOUT_CSRF, Variant.WRONG_CSRF);
        }
        return row.route().method() == HttpMethod.GET ? Stream.of(Variant.PAGE, Variant.HTMX)
                : Arrays.stream(Variant.values());
    }

    @ParameterizedTest(name = "{1} {2} {0} → {3}")
    @MethodSource("table")
    void everyoneGetsTheAnswerTheTableGives(Row row, Visitor visitor, Variant variant, Answer expected) {
        long before = sandbox.requestCount();

        Sent sent = sender.send(visitor, variant, row.route().method(), path(row.route()), row.route().params());

        expected.assertFits(sent, variant);
        if (expected != Answer.SERVED) {
            assertThat(sandbox.requestCount() - before).as("Cloudflare calls of a refusal: " + sent).isZero();
        }
    }

    private String path(Route route) {
        // A sitekey placeholder may carry its pattern ({sitekey:[A-Za-z0-9_-]{1,32}}),
        // which holds no slash.
        return route.path().replace(ACCOUNT, sandbox.accountId().value()).replaceAll("\\{sitekey[^/]*", sitekey);
    }

}
