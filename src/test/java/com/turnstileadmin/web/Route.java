package com.turnstileadmin.web;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.turnstileadmin.security.Role;
import com.turnstileadmin.security.SignedIn;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One of the app's routes with a valid request for it, so that a role table can send the
 * same request as each role and only the role decides the answer. Its {@code toString()}
 * names the route in parameterised test names.
 *
 * @param params form fields a POST sends, so that a refusal is never a 400 for a missing
 * one
 */
public record Route(HttpMethod method, String path, Map<String, String> params) {

    public Route {
        params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    public static Route get(String path) {
        return new Route(HttpMethod.GET, path, Map.of());
    }

    /** A POST with these form fields, given as name, value, name, value... */
    public static Route post(String path, String... fields) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < fields.length; i += 2) {
            params.put(fields[i], fields[i + 1]);
        }
        return new Route(HttpMethod.POST, path, params);
    }

    /**
     * The same route with one form field set otherwise, as a user would have typed it.
     */
    public Route with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put(name, value);
        return new Route(method, path, changed);
    }

    /** Every role with every route, as the arguments of a role table. */
    public static Stream<Arguments> each(List<Role> roles, Route... routes) {
        return roles.stream().flatMap(role -> Arrays.stream(routes).map(route -> Arguments.of(role, route)));
    }

    /**
     * The request as nobody signed in sends it: from the page, so a POST carries its CSRF
     * token.
     */
    public MockHttpServletRequestBuilder anonymously() {
        MockHttpServletRequestBuilder request = withoutCsrf();
        return method == HttpMethod.POST ? request.with(csrf()) : request;
    }

    public MockHttpServletRequestBuilder by(Role role) {
        return anonymously().with(SignedIn.as(role));
    }

    /** The request without a CSRF token: forged, or from a page of an older session. */
    public MockHttpServletRequestBuilder withoutCsrfBy(Role role) {
        return withoutCsrf().with(SignedIn.as(role));
    }

    private MockHttpServletRequestBuilder withoutCsrf() {
        MockHttpServletRequestBuilder request = request(method, path);
        params.forEach(request::param);
        return request;
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
