package com.turnstileadmin.security;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.web.client.RestClient;

/**
 * The provider's discovery document read from {@code OIDC_DISCOVERY_URI}: where the app
 * reaches the provider when browsers reach it at another address (in Docker Compose the
 * app asks {@code http://keycloak:8080}, browsers {@code http://localhost:8180}).
 * Spring's {@link ClientRegistrations#fromIssuerLocation} reads the document at the
 * issuer's own address only, and requires it to name that address; here it is read
 * elsewhere, and must still name the configured issuer, which the ID tokens are then
 * checked against: a document naming another issuer is refused, as a document at the
 * issuer's address would be.
 */
final class DiscoveryDocument implements Function<String, ClientRegistration.Builder> {

    static final String WELL_KNOWN_PATH = "/.well-known/openid-configuration";

    /**
     * As long as Spring's own discovery waits, so that both ways behave alike at a
     * provider that hangs.
     */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT = new ParameterizedTypeReference<>() {
    };

    private final URI location;

    private final RestClient http;

    /**
     * @param discoveryUri the document's address, or the base address it lies under (as
     * an issuer's does)
     */
    DiscoveryDocument(String discoveryUri) {
        this.location = location(discoveryUri);
        SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
        requests.setConnectTimeout(TIMEOUT);
        requests.setReadTimeout(TIMEOUT);
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /**
     * The document's address: as given, or with {@value #WELL_KNOWN_PATH} added to a base
     * address.
     */
    static URI location(String discoveryUri) {
        URI uri = URI.create(discoveryUri);
        if (uri.getPath() != null && uri.getPath().contains("/.well-known/")) {
            return uri;
        }
        return URI.create(discoveryUri.replaceAll("/+$", "") + WELL_KNOWN_PATH);
    }

    URI location() {
        return location;
    }

    /**
     * Reads the document and starts a registration from it.
     * @param issuer the configured issuer, which the document must name
     * @throws RuntimeException if the document cannot be read, is not a provider's
     * configuration, or names another issuer
     */
    @Override
    public ClientRegistration.Builder apply(String issuer) {
        Map<String, Object> document = http.get()
            .uri(location)
            .accept(MediaType.APPLICATION_JSON)
            .retrieve()
            .onStatus(status -> !status.is2xxSuccessful(), (request, response) -> {
                throw new IllegalStateException(
                        "the discovery document at " + location + " answered HTTP " + response.getStatusCode().value());
            })
            .body(JSON_OBJECT);
        if (document == null) {
            throw new IllegalStateException("the discovery document at " + location + " is empty");
        }
        Object announced = document.get("issuer");
        if (!issuer.equals(announced)) {
            // Logged: the provider's text, so without line breaks and of a bounded
            // length.
            String shown = String.valueOf(announced).replaceAll("\\p{Cntrl}", "?");
            throw new IllegalStateException("the discovery document at " + location + " names the issuer \""
                    + (shown.length() > 200 ? shown.substring(0, 200) + "…" : shown) + "\", not the configured "
                    + OidcProperties.ISSUER_URI);
        }
        return ClientRegistrations.fromOidcConfiguration(document);
    }

}
