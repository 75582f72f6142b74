package com.turnstileadmin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Spring Security's default (the token masked anew on every page, against BREACH), with
 * two corrections. The token counts only from its header or from the form's field, never
 * from the query string, where it would end up in access logs, the history and a Referer.
 * And a token that is not one, bytes that decode to no UTF-8 (which Spring Security 7.1
 * lets escape as a 500 with a stack trace), is simply a wrong token: the request is
 * refused with 403 like any other.
 */
final class CsrfTokenFromFormOrHeader implements CsrfTokenRequestHandler {

    private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> csrfToken) {
        masked.handle(request, response, csrfToken);
    }

    @Override
    public @Nullable String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken csrfToken) {
        if (request.getHeader(csrfToken.getHeaderName()) == null
                && inQueryString(request.getQueryString(), csrfToken.getParameterName())) {
            return null;
        }
        try {
            return masked.resolveCsrfTokenValue(request, csrfToken);
        }
        catch (IllegalArgumentException notUtf8) {
            return null;
        }
    }

    private static boolean inQueryString(@Nullable String query, String parameter) {
        return query != null
                && Arrays.stream(query.split("&")).anyMatch(field -> parameter.equals(decoded(field.split("=", 2)[0])));
    }

    /**
     * As Tomcat reads it; a name that does not decode is no parameter of Tomcat's either.
     */
    private static String decoded(String name) {
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8);
        }
        catch (IllegalArgumentException malformed) {
            return name;
        }
    }

}
