package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.text.Text;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.web.servlet.ModelAndView;

/** Discovery against a real OIDC provider that is down, comes up, and goes down again. */
class DiscoveredClientRegistrationTest {

    private final MockOAuth2Server provider = new MockOAuth2Server();

    @AfterEach
    void stopProvider() {
        provider.shutdown();
    }

    @Test
    void aProviderThatIsDownIsAskedAgainNextTimeAndOnceFoundIsKept() throws IOException {
        int port = freePort();
        DiscoveredClientRegistration registrations = new DiscoveredClientRegistration(
                properties("http://localhost:" + port + "/acme", "s3cret"));

        assertThatThrownBy(registrations::registration)
            .isInstanceOfSatisfying(IdentityProviderUnavailableException.class,
                    e -> assertThat(e.issuer()).isEqualTo("http://localhost:" + port + "/acme"))
            .hasMessageNotContaining("s3cret");

        provider.start(port);
        ClientRegistration found = registrations.registration();
        provider.shutdown();

        assertThat(registrations.findByRegistrationId("oidc")).isSameAs(found);
        assertThat(registrations.findByRegistrationId("github")).isNull();
        assertThat(found.getProviderDetails().getAuthorizationUri())
            .isEqualTo("http://localhost:" + port + "/acme/authorize");
        assertThat(found.getProviderDetails().getConfigurationMetadata()).containsKey("end_session_endpoint");
        assertThat(found.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
        assertThat(found.getClientSettings().isRequireProofKey()).isTrue();
        assertThat(found.getScopes()).containsExactlyInAnyOrder("openid", "profile", "email");
    }

    @Test
    void withoutASecretTheAppIsAPublicClientThatPkceProtects() {
        provider.start();
        ClientRegistration found = new DiscoveredClientRegistration(
                properties(provider.issuerUrl("acme").toString(), null))
            .registration();

        assertThat(found.getClientAuthenticationMethod()).isEqualTo(ClientAuthenticationMethod.NONE);
        assertThat(found.getClientSettings().isRequireProofKey()).isTrue();
    }

    /**
     * Found once, the provider goes down while the app runs: whoever signs in next must
     * get the app's page with Try again, not a redirect to the provider's dead address
     * and the browser's error page.
     */
    @Test
    void aProviderFoundEarlierThatHasGoneDownGetsTheUnavailablePageAndIsUsedAgainOnceBack() throws IOException {
        int port = freePort();
        OidcProperties properties = properties("http://localhost:" + port + "/acme", "s3cret");
        DiscoveredClientRegistration registrations = new DiscoveredClientRegistration(properties);
        SignInController signIn = new SignInController(
                new StaticListableBeanFactory(Map.of("singleSignOn", new SingleSignOn(registrations, properties)))
                    .getBeanProvider(SingleSignOn.class),
                new LocalSignInProperties(null, null));

        provider.start(port);
        assertThat(signIn.signIn(new MockHttpServletRequest()).getViewName())
            .isEqualTo("redirect:" + SingleSignOn.AUTHORIZATION_START);
        ClientRegistration found = registrations.registration();
        provider.shutdown();

        ModelAndView down = signIn.signIn(new MockHttpServletRequest());
        assertThat(down.getStatus()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(down.getModel()).containsEntry("heading", Text.of("signin.unavailable.heading"))
            .containsEntry("action", Text.of("signin.tryAgain"));
        // A sign-in already under way (its callback, a sign-out) still finds the
        // registration.
        assertThat(registrations.findByRegistrationId("oidc")).isSameAs(found);

        MockOAuth2Server back = new MockOAuth2Server();
        try {
            back.start(port);
            assertThat(signIn.signIn(new MockHttpServletRequest()).getViewName())
                .isEqualTo("redirect:" + SingleSignOn.AUTHORIZATION_START);
        }
        finally {
            back.shutdown();
        }
    }

    /**
     * Both ways in: a sign-in under way finding the registration, and the sign-in page
     * asking anew.
     */
    @ParameterizedTest
    @ValueSource(booleans = { false, true })
    void thoseWhoWaitedForADiscoveryThatFailedAreToldSoInsteadOfAskingTheProviderInTurn(boolean anew) throws Exception {
        CountDownLatch asking = new CountDownLatch(1);
        CountDownLatch timedOut = new CountDownLatch(1);
        AtomicInteger asked = new AtomicInteger();
        DiscoveredClientRegistration registrations = new DiscoveredClientRegistration(
                properties("https://sso.example.com/acme", null), issuer -> {
                    asked.incrementAndGet();
                    asking.countDown();
                    try {
                        // An unreachable provider: discovery ends only when its timeouts
                        // run out.
                        timedOut.await();
                    }
                    catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    throw new IllegalArgumentException("Unable to resolve the Configuration with the provided Issuer");
                });
        ExecutorService signIns = Executors.newFixedThreadPool(3);
        try {
            Callable<ClientRegistration> signIn = anew ? registrations::rediscover : registrations::registration;
            Future<?> first = signIns.submit(signIn);
            asking.await();
            List<Future<?>> waiting = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                waiting.add(signIns.submit(signIn));
            }
            awaitBlocked(2);
            timedOut.countDown();

            for (Future<?> waited : waiting) {
                assertThatThrownBy(waited::get).hasCauseInstanceOf(IdentityProviderUnavailableException.class);
            }
            assertThatThrownBy(first::get).hasCauseInstanceOf(IdentityProviderUnavailableException.class);
            assertThat(asked).hasValue(1);
        }
        finally {
            signIns.shutdownNow();
        }
    }

    /**
     * Waits until {@code count} threads wait for the lock that the discovery under way
     * holds.
     */
    private static void awaitBlocked(int count) throws InterruptedException {
        for (int tries = 0; tries < 500; tries++) {
            long blocked = Thread.getAllStackTraces()
                .keySet()
                .stream()
                .filter(thread -> thread.getState() == Thread.State.BLOCKED)
                .filter(thread -> Arrays.stream(thread.getStackTrace())
                    .anyMatch(frame -> frame.getClassName().equals(DiscoveredClientRegistration.class.getName())))
                .count();
            if (blocked >= count) {
                return;
            }
            Thread.sleep(10);
        }
        throw new AssertionError("The sign-ins did not wait for the discovery under way");
    }

    private static OidcProperties properties(String issuer, String secret) {
        return new OidcProperties(issuer, null, "turnstile-admin", secret, null, null, null, null, null, null, null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

}
