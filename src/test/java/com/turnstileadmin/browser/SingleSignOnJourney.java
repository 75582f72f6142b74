package com.turnstileadmin.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import com.turnstileadmin.account.CloudflareAccounts;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import okhttp3.HttpUrl;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What every single sign-on journey shares: a real OIDC provider in the test JVM
 * (mock-oauth2-server, with its interactive login page, where the browser types a user
 * and the claims their tokens carry), and the app configured for it as a confidential
 * client, with a group per role and the break-glass form enabled. Subclasses add no
 * context configuration of their own unless they need another setting, so that they share
 * one Spring context and one provider.
 */
@SpringBootTest(webEnvironment = RANDOM_PORT,
        properties = { "oidc.client-id=turnstile-admin", "oidc.client-secret=journey-client-secret",
                "oidc.admin-groups=ta-admins", "oidc.editor-groups=ta-editors", "oidc.viewer-groups=ta-viewers, staff",
                "oidc.access-contact=the platform team", "local-sign-in.enabled=true",
                "local-sign-in.admin-password=" + SingleSignOnJourney.BREAK_GLASS_PASSWORD })
@InBrowser
abstract class SingleSignOnJourney {

    static final String BREAK_GLASS_PASSWORD = "break-glass-journey-password";

    /**
     * The provider's issuer is {@code <provider>/acme}, as a realm or tenant would be.
     */
    static final String ISSUER_ID = "acme";

    /**
     * Started before the app, once per test JVM; the app only asks it on the first
     * sign-in.
     */
    static final MockOAuth2Server PROVIDER = startProvider();

    @LocalServerPort
    private int port;

    @Autowired
    private CloudflareAccounts accounts;

    @Autowired
    private MeterRegistry metrics;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry registry) {
        registry.add("oidc.issuer-uri", () -> PROVIDER.issuerUrl(ISSUER_ID).toString());
    }

    private static MockOAuth2Server startProvider() {
        MockOAuth2Server provider = new MockOAuth2Server(
                OAuth2Config.Companion.fromJson("{\"interactiveLogin\": true}"));
        provider.start();
        Runtime.getRuntime().addShutdownHook(new Thread(provider::shutdown, "stop-oidc-provider"));
        return provider;
    }

    @BeforeEach
    void startWithNoRecordedRequestsAndNoRequestsLeavingTheMachine(BrowserContext context) {
        providerRequests();
        // The provider's login page links a web font; nothing in a test may leave the
        // machine.
        context.route(url -> !url.startsWith("http://localhost:") && !url.startsWith("http://127.0.0.1:"),
                Route::abort);
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    String listUrl() {
        return url("/accounts/" + accounts.first().id().value() + "/widgets");
    }

    /**
     * Signs in on the provider's login page, where the app has sent the browser.
     * @param claims the JSON object of claims the tokens get, e.g. {@code {"groups":
     * ["ta-admins"]}}
     */
    static void signInAtProvider(Page page, String subject, String claims) {
        assertThat(page).hasURL(providerLoginPage());
        page.locator("input[name=username]").fill(subject);
        page.locator("textarea[name=claims]").fill(claims);
        page.locator("input[type=submit]").click();
    }

    /**
     * The provider's login page, whatever the query. (Playwright matches the pattern in
     * JavaScript, which has no {@code \\Q...\\E} quoting.)
     */
    static Pattern providerLoginPage() {
        HttpUrl authorize = PROVIDER.authorizationEndpointUrl(ISSUER_ID);
        return Pattern.compile("^http://" + authorize.host().replace(".", "\\.") + ":" + authorize.port()
                + authorize.encodedPath() + "\\?");
    }

    /**
     * Opens the app, is sent to the provider, signs in there and waits for the widget
     * list.
     */
    void signIn(Page page, String subject, String claims) {
        page.navigate(url("/"));
        signInAtProvider(page, subject, claims);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Widgets").setExact(true)))
            .isVisible();
        page.waitForLoadState();
    }

    /**
     * Sign-ins counted so far ({@code turnstile.sign.ins}) with this method and outcome.
     */
    double signIns(String method, String outcome) {
        Counter counter = metrics.find("turnstile.sign.ins").tags("method", method, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The requests the provider received since the last call, oldest first. */
    static List<RecordedRequest> providerRequests() {
        MockWebServer server = ((MockWebServerWrapper) PROVIDER.getConfig().getHttpServer()).getMockWebServer();
        List<RecordedRequest> requests = new ArrayList<>();
        try {
            for (RecordedRequest request = server.takeRequest(50,
                    TimeUnit.MILLISECONDS); request != null; request = server.takeRequest(50, TimeUnit.MILLISECONDS)) {
                requests.add(request);
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return requests;
    }

    /**
     * The recorded requests to one of the provider's endpoints, e.g.
     * {@code /acme/authorize}.
     */
    static List<RecordedRequest> to(List<RecordedRequest> requests, String path) {
        return requests.stream().filter(request -> request.getRequestUrl().encodedPath().equals(path)).toList();
    }

}
