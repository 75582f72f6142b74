package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.AppOverHttp;
import com.turnstileadmin.AppOverHttp.User;
import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.sandbox.SandboxFaults;
import com.turnstileadmin.sandbox.SandboxProperties;
import com.turnstileadmin.sandbox.SandboxServer;
import com.turnstileadmin.widget.TurnstileWidgets;
import com.turnstileadmin.widget.WidgetQuery;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The headers that keep the pages from being framed, sniffed, scripted by anything but
 * the app's own files, or leaking their addresses: on every kind of answer, over real
 * HTTP, since error pages are rendered by Tomcat's error dispatch, which a mock request
 * never goes through.
 */
@AppOverHttp
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Autowired
    SandboxServer sandbox;

    @Autowired
    SandboxFaults faults;

    @Autowired
    TurnstileWidgets cloudflare;

    private String list;

    private String details;

    @BeforeAll
    void findAWidget() {
        list = "/accounts/" + sandbox.accountId().value() + "/widgets";
        details = list + "/" + cloudflare.list(sandbox.accountId(), WidgetQuery.firstPage()).widgets().get(0).sitekey();
    }

    @AfterEach
    void endAnyOutage() {
        faults.set(SandboxProperties.Faults.NONE);
    }

    Stream<Arguments> everyKindOfAnswer() {
        return Stream.of(answer("sign-in page", 200, null, v -> v.get("/login")),
                answer("widget list", 200, User.VIEWER, v -> v.get(list)),
                answer("list fragment (htmx)", 200, User.VIEWER, v -> v.get(list + "?q=a", "HX-Request", "true")),
                answer("widget details", 200, User.VIEWER, v -> v.get(details)),
                answer("new widget form", 200, User.EDITOR, v -> v.get(list + "/new")),
                answer("edit form", 200, User.EDITOR, v -> v.get(details + "/edit")),
                answer("rotate dialog", 200, User.ADMIN, v -> v.get(details + "/rotate")),
                answer("delete dialog", 200, User.ADMIN, v -> v.get(details + "/delete")),
                answer("secret fragment (htmx)", 200, User.EDITOR,
                        v -> v.post(details + "/secret", Map.of(), "HX-Request", "true")),
                answer("field check fragment (htmx)", 200, User.EDITOR,
                        v -> v.post(list + "/validate", Map.of("field", "name", "edited.name", ""), "HX-Request",
                                "true")),
                answer("404 of an unknown address", 404, User.VIEWER, v -> v.get("/no/such/page")),
                answer("404 of a widget Cloudflare does not have", 404, User.VIEWER,
                        v -> v.get(list + "/0x4AAAAAAAgone")),
                answer("403 of a role that may not", 403, User.VIEWER, v -> v.get(list + "/new")),
                answer("public health probe", 200, null, v -> v.get("/actuator/health/readiness")),
                answer("401 of a management endpoint without credentials", 401, null, v -> v.get("/actuator/info")),
                answer("403 of a form without its CSRF token", 403, User.ADMIN,
                        v -> v.postWithoutCsrf(details + "/secret", Map.of())),
                answer("400 error page of a malformed request", 400, User.EDITOR,
                        v -> v.post(list + "/validate", Map.of())),
                answer("400 page Tomcat writes itself (an encoded slash)", 400, null, v -> v.get(list + "/a%2Fb")),
                answer("400 page Tomcat writes itself, signed in (a NUL)", 400, User.VIEWER,
                        v -> v.get(list + "/a%00")),
                answer("403 of a form from another origin", 403, User.ADMIN,
                        v -> v.post(details + "/secret", Map.of(), "Origin", "https://attacker.example")),
                answer("503 while Cloudflare is unavailable", 503, User.VIEWER, v -> {
                    faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
                    return v.get(list);
                }), answer("503 error fragment (htmx)", 503, User.VIEWER, v -> {
                    faults.set(SandboxProperties.Faults.NONE.withServerErrorRate(1));
                    return v.get(list + "?q=a", "HX-Request", "true");
                }));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfAnswer")
    void everyAnswerCarriesAStrictContentSecurityPolicyAndTheOtherProtectiveHeaders(String answer, int status,
            User user, Function<HttpVisitor, Response> request) {
        HttpVisitor visitor = user == null ? new HttpVisitor(port) : HttpVisitor.signedIn(port, user);

        Response response = request.apply(visitor);

        assertThat(response.status()).as(answer).isEqualTo(status);
        String policy = response.header("Content-Security-Policy");
        assertThat(policy)
            .contains("default-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'self'",
                    "frame-ancestors 'none'")
            .doesNotContain("unsafe-", "*");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Permissions-Policy")).contains("camera=()", "microphone=()", "geolocation=()");
        assertThat(response.header("Cross-Origin-Opener-Policy")).isEqualTo("same-origin");
    }

    @Test
    void tomcatsOwnPageForACharacterNotAllowedInAnAddressCarriesTheHeadersToo() throws java.io.IOException {
        for (String request : java.util.List.of("GET /a|b HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n",
                "GET / HTTP/1.1\r\nHost: bad host\r\nConnection: close\r\n\r\n")) {
            String answer = RawHttp.send(port, request);

            assertThat(answer).as(request)
                .startsWith("HTTP/1.1 400")
                .containsIgnoringCase("\r\nContent-Security-Policy: default-src 'self'")
                .containsIgnoringCase("\r\nX-Content-Type-Options: nosniff")
                .containsIgnoringCase("\r\nX-Frame-Options: DENY")
                .containsIgnoringCase("\r\nCross-Origin-Opener-Policy: same-origin")
                .containsIgnoringCase("\r\nPermissions-Policy: camera=()")
                .doesNotContain("Tomcat/", "\tat ");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyKindOfAnswer")
    void noAnswerShowsExceptionTextAStackTraceOrAnInternalAddress(String answer, int status, User user,
            Function<HttpVisitor, Response> request) {
        HttpVisitor visitor = user == null ? new HttpVisitor(port) : HttpVisitor.signedIn(port, user);

        String body = request.apply(visitor).body();

        assertThat(body).as(answer)
            .doesNotContain(sandbox.apiBaseUrl().toString(), sandbox.apiBaseUrl().getAuthority(), "api.cloudflare.com",
                    "Exception", "\tat ", ".java:", "com.turnstileadmin", "org.springframework");
    }

    @Test
    void everyAnswerThatHoldsASecretIsKeptOutOfEveryCache() {
        HttpVisitor admin = HttpVisitor.signedIn(port, User.ADMIN);
        String rotated = list + "/" + cloudflare
            .create(sandbox.accountId(),
                    com.turnstileadmin.widget.WidgetSettings.of("Headers rotate",
                            java.util.List.of("headers.example.com"), com.turnstileadmin.widget.WidgetMode.MANAGED))
            .widget()
            .sitekey();

        Stream
            .of(admin.post(details + "/secret", Map.of()),
                    admin.post(details + "/secret", Map.of(), "HX-Request", "true"),
                    admin.post(rotated + "/rotate",
                            Map.of("invalidateImmediately", "true", "confirmation",
                                    rotated.substring(rotated.length() - 6)),
                            "HX-Request", "true"))
            .forEach(response -> {
                assertThat(response.status()).as(response.toString()).isEqualTo(200);
                assertThat(response.body()).as(response.toString()).contains("0x4AAAAAAA");
                assertThat(response.header("Cache-Control")).as(response.toString()).contains("no-store");
            });
    }

    private static Arguments answer(String name, int status, User user, Function<HttpVisitor, Response> request) {
        return Arguments.of(name, status, user, request);
    }

}
