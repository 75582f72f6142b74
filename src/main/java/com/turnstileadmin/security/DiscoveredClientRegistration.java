package com.turnstileadmin.security;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * The app's one client registration, discovered from the issuer on first use rather than
 * at start-up (as Boot's {@code spring.security.oauth2.client} properties would): a
 * provider that is down when the app starts must not keep it from starting, and the local
 * break-glass form must work meanwhile. A successful discovery is kept for the sign-in
 * under way (the redirect, the callback, sign-out); a failed one is tried again on the
 * next sign-in. Someone starting to sign in gets a fresh discovery
 * ({@link #rediscover()}), which is also how the sign-in page learns that a provider
 * found earlier has since gone down: the kept registration alone would send them to its
 * dead address. The discovery document is the issuer's own, or the one at
 * {@code OIDC_DISCOVERY_URI} when the app reaches the provider at another address than
 * browsers do ({@link DiscoveryDocument}).
 */
final class DiscoveredClientRegistration implements ClientRegistrationRepository {

    /**
     * Also the last step of the redirect URI to register at the provider:
     * {@code /login/oauth2/code/oidc}.
     */
    static final String REGISTRATION_ID = "oidc";

    private static final Logger log = LoggerFactory.getLogger(DiscoveredClientRegistration.class);

    private final OidcProperties properties;

    private final Function<String, ClientRegistration.Builder> discovery;

    /**
     * The provider as the log names it: its issuer, and where its discovery document is
     * read if elsewhere.
     */
    private final String provider;

    private volatile @Nullable ClientRegistration discovered;

    /**
     * How many discoveries have ended, and the latest one's failure: what those who
     * waited for it get.
     */
    private final AtomicInteger discoveries = new AtomicInteger();

    private volatile @Nullable IdentityProviderUnavailableException lastFailure;

    /**
     * Whether the last discovery failed, so that the next success is logged as the end of
     * an outage.
     */
    private volatile boolean unavailable = true;

    DiscoveredClientRegistration(OidcProperties properties) {
        this(properties, properties.discoveryUri() == null ? ClientRegistrations::fromIssuerLocation
                : new DiscoveryDocument(properties.discoveryUri()));
    }

    /**
     * @param discovery reads the provider's discovery document, given the issuer it must
     * name (replaced in tests to control its timing)
     */
    DiscoveredClientRegistration(OidcProperties properties, Function<String, ClientRegistration.Builder> discovery) {
        this.properties = properties;
        this.discovery = discovery;
        this.provider = discovery instanceof DiscoveryDocument document
                ? properties.issuerUri() + " (discovery document at " + document.location() + ")"
                : properties.issuerUri();
    }

    /**
     * The provider as the log names it: its issuer, and where its discovery document is
     * read if elsewhere.
     */
    String provider() {
        return provider;
    }

    @Override
    public @Nullable ClientRegistration findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration() : null;
    }

    /**
     * The registration, discovering it if that has not yet succeeded.
     * @throws IdentityProviderUnavailableException if the provider cannot be reached or
     * its discovery document is unusable
     */
    ClientRegistration registration() {
        ClientRegistration registration = discovered;
        return registration != null ? registration : discoverOnce();
    }

    /**
     * Discovers the provider again, keeping the result; the registration kept so far
     * stays if it fails, so that sign-ins already under way can still finish.
     * @throws IdentityProviderUnavailableException if the provider cannot be reached or
     * its discovery document is unusable
     */
    ClientRegistration rediscover() {
        return discoverOnce();
    }

    /**
     * One discovery at a time, and whoever waited for one gets its outcome. Asking again
     * in turn would hold each waiting request for the provider's timeouts (30 s per
     * address asked, up to three addresses) one after the other, until a crowd at an
     * unreachable provider held every thread of the server; and a crowd arriving at once
     * after a restart asks the provider once.
     */
    private ClientRegistration discoverOnce() {
        int endedBefore = discoveries.get();
        synchronized (this) {
            ClientRegistration registration = discovered;
            if (discoveries.get() != endedBefore) {
                IdentityProviderUnavailableException failure = lastFailure;
                if (failure != null) {
                    throw failure;
                }
                if (registration != null) {
                    return registration;
                }
            }
            try {
                registration = discover();
                discovered = registration;
                lastFailure = null;
                return registration;
            }
            catch (IdentityProviderUnavailableException unavailable) {
                lastFailure = unavailable;
                throw unavailable;
            }
            finally {
                discoveries.incrementAndGet();
            }
        }
    }

    private ClientRegistration discover() {
        String issuer = properties.issuerUri();
        try {
            ClientRegistration.Builder builder = discovery.apply(issuer)
                .registrationId(REGISTRATION_ID)
                .clientName("single sign-on")
                .clientId(properties.clientId())
                .scope(properties.scopes())
                // PKCE for the confidential client too (Spring Security's default since
                // 7.0; said
                // here so that it does not hang on a default).
                .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build());
            if (properties.clientSecret() == null) {
                builder.clientAuthenticationMethod(ClientAuthenticationMethod.NONE);
            }
            else {
                builder.clientSecret(properties.clientSecret());
            }
            ClientRegistration registration = builder.build();
            // Once per start-up and after an outage, not at every sign-in.
            if (unavailable) {
                unavailable = false;
                log.info("Single sign-on: discovered the provider {} (end of session {})", provider,
                        registration.getProviderDetails().getConfigurationMetadata().containsKey("end_session_endpoint")
                                ? "offered" : "not offered");
            }
            return registration;
        }
        catch (RuntimeException failure) {
            unavailable = true;
            log.warn("Single sign-on: the provider {} could not be reached or its discovery document is unusable "
                    + "({}); sign-in will try again", provider, failure.getMessage());
            throw new IdentityProviderUnavailableException(issuer, failure);
        }
    }

}
