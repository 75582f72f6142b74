package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.HttpVisitor;
import com.turnstileadmin.HttpVisitor.Response;
import com.turnstileadmin.security.EveryRouteTest.Row;
import com.turnstileadmin.web.Html;
import jakarta.servlet.Filter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Who sends a request of {@link EveryRouteTest}'s table, how, and what the app should
 * answer.
 */
final class RouteAnswer {

    private RouteAnswer() {
    }

    /** Who sends the request. */
    enum Visitor {

        ANONYMOUS, WITHOUT_ROLE, VIEWER, EDITOR, ADMIN

    }

    /**
     * How it is sent: from the page, by htmx, or (a POST) without a CSRF token or with
     * another session's.
     */
    enum Variant {

        PAGE, HTMX, WITHOUT_CSRF, WRONG_CSRF;

        boolean forged() {
            return this == WITHOUT_CSRF || this == WRONG_CSRF;
        }

    }

    /** What the table says the answer to a visitor's request is. */
    static Answer expected(Row row, Visitor visitor, Variant variant) {
        if (variant.forged()) {
            return switch (visitor) {
                case ANONYMOUS -> row.route().path().equals("/logout") ? Answer.SIGNED_OUT : Answer.TO_SIGN_IN;
                case WITHOUT_ROLE -> Answer.TO_NO_ACCESS;
                default -> Answer.OUT_OF_DATE;
            };
        }
        if (row.least() == Visitor.ANONYMOUS) {
            return Answer.SERVED;
        }
        if (visitor == Visitor.WITHOUT_ROLE) {
            return row.route().path().equals(NoAccessController.PAGE) ? Answer.NO_ACCESS_PAGE : Answer.TO_NO_ACCESS;
        }
        if (visitor == Visitor.ANONYMOUS) {
            return Answer.TO_SIGN_IN;
        }
        return visitor.compareTo(row.least()) >= 0 ? Answer.SERVED : Answer.FORBIDDEN;
    }

    /** An answer of the app, whichever way it was sent. */
    record Sent(int status, String location, String hxRedirect, String hxRefresh, String body, String shown) {

        @Override
        public String toString() {
            return shown;
        }
    }

    /** The kinds of answer, each with what makes an answer one. */
    enum Answer {

        /**
         * Done as asked: a page, a fragment, a form shown again, or a redirect within the
         * app.
         */
        SERVED {
            @Override
            void assertFits(Sent sent, Variant variant) {
                assertThat(sent.status()).as(sent.shown()).isIn(200, 201, 302, 422);
                assertThat(sent.location()).as(sent.shown())
                    .doesNotEndWith(SecurityConfiguration.SIGN_IN_PAGE)
                    .doesNotEndWith(NoAccessController.PAGE);
                assertThat(sent.hxRedirect() + sent.hxRefresh()).as(sent.shown()).isEmpty();
            }
        },
        /**
         * To sign-in; an htmx request is told to reload its page, which then goes there.
         */
        TO_SIGN_IN {
            @Override
            void assertFits(Sent sent, Variant variant) {
                if (variant == Variant.HTMX) {
                    // htmx-spring-boot's entry point answers 403 (WholePageRedirect
                    // answers 401: htmx reloads on either).
                    assertThat(sent.status()).as(sent.shown()).isEqualTo(403);
                    assertThat(sent.hxRefresh()).as(sent.shown()).isEqualTo("true");
                    assertThat(sent.location()).as("no sign-in form swapped into a fragment").isEmpty();
                }
                else {
                    assertThat(sent.status()).as(sent.shown()).isEqualTo(302);
                    assertThat(sent.location()).as(sent.shown()).isEqualTo(SecurityConfiguration.SIGN_IN_PAGE);
                }
            }
        },
        /** To the page of a user without a role; an htmx request loads it as a whole. */
        TO_NO_ACCESS {
            @Override
            void assertFits(Sent sent, Variant variant) {
                if (variant == Variant.HTMX) {
                    assertThat(sent.status()).as(sent.shown()).isEqualTo(403);
                    assertThat(sent.hxRedirect()).as(sent.shown()).isEqualTo(NoAccessController.PAGE);
                }
                else {
                    assertThat(sent.status()).as(sent.shown()).isEqualTo(302);
                    assertThat(sent.location()).as(sent.shown()).isEqualTo(NoAccessController.PAGE);
                }
            }
        },
        /** That page itself: whom to ask, and signing out. */
        NO_ACCESS_PAGE {
            @Override
            void assertFits(Sent sent, Variant variant) {
                assertThat(sent.status()).as(sent.shown()).isEqualTo(403);
                assertThat(Html.ids(sent.body())).as(sent.shown()).contains("no-access-sign-out");
            }
        },
        /** The error page saying the role does not allow it. */
        FORBIDDEN {
            @Override
            void assertFits(Sent sent, Variant variant) {
                assertErrorPage(sent, "You may not do that");
            }
        },
        /**
         * The error page saying the page belonged to an earlier sign-in: not blaming the
         * role.
         */
        OUT_OF_DATE {
            @Override
            void assertFits(Sent sent, Variant variant) {
                assertErrorPage(sent, "This page was out of date");
            }
        },
        /** To the sign-in page saying the user is signed out (of this app only). */
        SIGNED_OUT {
            @Override
            void assertFits(Sent sent, Variant variant) {
                assertThat(sent.status()).as(sent.shown()).isEqualTo(302);
                assertThat(sent.location()).as(sent.shown()).isEqualTo(SignOutSuccessHandler.SIGNED_OUT_OF_APP_ONLY);
            }
        };

        abstract void assertFits(Sent sent, Variant variant);

        private static void assertErrorPage(Sent sent, String heading) {
            assertThat(sent.status()).as(sent.shown()).isEqualTo(403);
            assertThat(Html.text(sent.body(), "#error-alert h1")).as(sent.shown()).isEqualTo(heading);
        }

    }

    /**
     * Sends the table's requests: over HTTP as a signed-out visitor (a new one each time)
     * or as a signed-in local user, and through MockMvc on the same app as a provider
     * user whose groups give no role.
     */
    static final class Sender {

        private final int port;

        private final MockMvc mvc;

        private final Map<Visitor, HttpVisitor> signedIn;

        private final String foreignToken;

        private final MockHttpSession withoutRole = signedInWithoutRole();

        private final String withoutRoleToken;

        Sender(int port, WebApplicationContext app, Map<Visitor, HttpVisitor> signedIn, String foreignToken) {
            this.port = port;
            // The app's own security filters, without spring-security-test's configurer,
            // which changes them.
            this.mvc = MockMvcBuilders.webAppContextSetup(app)
                .addFilters(app.getBean("springSecurityFilterChain", Filter.class))
                .build();
            this.signedIn = signedIn;
            this.foreignToken = foreignToken;
            // The session's token, from a page of it, as the browser sends it back with a
            // form.
            this.withoutRoleToken = Html
                .first(body(perform(MockMvcRequestBuilders.get(NoAccessController.PAGE).session(withoutRole))),
                        "meta[name=_csrf]")
                .attr("content");
        }

        Sent send(Visitor visitor, Variant variant, HttpMethod method, String path, Map<String, String> params) {
            return visitor == Visitor.WITHOUT_ROLE ? withoutRole(variant, method, path, params)
                    : overHttp(visitor, variant, method, path, params);
        }

        private Sent overHttp(Visitor visitor, Variant variant, HttpMethod method, String path,
                Map<String, String> params) {
            HttpVisitor sender = visitor == Visitor.ANONYMOUS ? new HttpVisitor(port)
                    : Objects.requireNonNull(signedIn.get(visitor));
            boolean get = method == HttpMethod.GET;
            Response response = switch (variant) {
                case PAGE -> get ? sender.get(path) : sender.post(path, params);
                case HTMX ->
                    get ? sender.get(path, "HX-Request", "true") : sender.post(path, params, "HX-Request", "true");
                case WITHOUT_CSRF -> sender.postWithoutCsrf(path, params);
                case WRONG_CSRF -> {
                    if (visitor == Visitor.ANONYMOUS) {
                        sender.get(SecurityConfiguration.SIGN_IN_PAGE); // a token of its
                                                                        // own, which is
                                                                        // not the one
                                                                        // sent
                    }
                    Map<String, String> withToken = new LinkedHashMap<>(params);
                    withToken.put("_csrf", foreignToken);
                    yield sender.postWithoutCsrf(path, withToken);
                }
            };
            return new Sent(response.status(), response.header("Location"), response.header("HX-Redirect"),
                    response.header("HX-Refresh"), response.body(), visitor + " " + variant + " " + response);
        }

        private Sent withoutRole(Variant variant, HttpMethod method, String path, Map<String, String> params) {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, path).session(withoutRole);
            params.forEach(request::param);
            if (variant == Variant.HTMX) {
                request.header("HX-Request", "true");
            }
            if (variant == Variant.WRONG_CSRF) {
                request.param("_csrf", foreignToken);
            }
            else if (!variant.forged() && method == HttpMethod.POST) {
                request.param("_csrf", withoutRoleToken);
            }
            MockHttpServletResponse response = perform(request);
            return new Sent(response.getStatus(), Objects.requireNonNullElse(response.getHeader("Location"), ""),
                    Objects.requireNonNullElse(response.getHeader("HX-Redirect"), ""),
                    Objects.requireNonNullElse(response.getHeader("HX-Refresh"), ""), body(response),
                    "WITHOUT_ROLE " + variant + " " + method + " " + path + " → " + response.getStatus());
        }

        private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) {
            try {
                return mvc.perform(request).andReturn().getResponse();
            }
            catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        private static String body(MockHttpServletResponse response) {
            try {
                return response.getContentAsString(StandardCharsets.UTF_8);
            }
            catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException(e);
            }
        }

        /**
         * The session a provider sign-in leaves for a user whose groups give no role: who
         * it is, and the sign-in's record (without it, SessionChecks ends the session).
         * Spring Security reads both from the session as it does over HTTP, so that no
         * test post-processor changes the shared app's filters (spring-security-test's
         * csrf() would replace its CSRF token repository for every later test).
         */
        private static MockHttpSession signedInWithoutRole() {
            OidcIdToken token = new OidcIdToken("id-token", Instant.now(), Instant.now().plusSeconds(60),
                    Map.of("sub", "nora-subject", "preferred_username", "nora", "email", "nora@example.com"));
            DefaultOidcUser nora = new DefaultOidcUser(List.of(), token, "preferred_username");
            MockHttpSession session = new MockHttpSession();
            session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                    new SecurityContextImpl(new OAuth2AuthenticationToken(nora, List.of(), "provider")));
            session.setAttribute(SessionChecks.SIGNED_IN_AT, System.currentTimeMillis());
            return session;
        }

    }

}
