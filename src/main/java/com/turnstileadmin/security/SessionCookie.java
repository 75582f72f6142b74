package com.turnstileadmin.security;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.boot.context.properties.PropertyMapper;
import org.springframework.boot.web.server.Cookie;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie as {@code server.servlet.session.cookie} describes it (Boot would
 * make a DefaultCookieSerializer of those settings), named
 * {@code __Host-TURNSTILE_ADMIN_SESSION} with Secure, {@code Path=/} and no Domain on a
 * request that came over HTTPS ({@link HostCookies}): no other app on the host can then
 * plant a session id. Which name applies follows the request alone, so every replica and
 * every restart reads the same cookie; a plain-named cookie is ignored over HTTPS, so
 * switching a deployment to HTTPS signs its users out once.
 */
final class SessionCookie implements CookieSerializer {

    private final DefaultCookieSerializer plain;

    private final DefaultCookieSerializer hostOnly;

    SessionCookie(Cookie settings) {
        this.plain = serializer(settings);
        this.hostOnly = serializer(settings);
        hostOnly.setCookieName(HostCookies.PREFIX + settings.getName());
        hostOnly.setUseSecureCookie(true);
        hostOnly.setCookiePath("/");
        hostOnly.setDomainName(null);
    }

    @Override
    public void writeCookieValue(CookieValue cookieValue) {
        forRequest(cookieValue.getRequest()).writeCookieValue(cookieValue);
    }

    @Override
    public List<String> readCookieValues(HttpServletRequest request) {
        return forRequest(request).readCookieValues(request);
    }

    private CookieSerializer forRequest(HttpServletRequest request) {
        return request.isSecure() ? hostOnly : plain;
    }

    /** As Boot's session auto-configuration maps the settings. */
    private static DefaultCookieSerializer serializer(Cookie cookie) {
        DefaultCookieSerializer serializer = new DefaultCookieSerializer();
        PropertyMapper map = PropertyMapper.get();
        map.from(cookie::getName).to(serializer::setCookieName);
        map.from(cookie::getDomain).to(serializer::setDomainName);
        map.from(cookie::getPath).to(serializer::setCookiePath);
        map.from(cookie::getHttpOnly).to(serializer::setUseHttpOnlyCookie);
        map.from(cookie::getSecure).to(serializer::setUseSecureCookie);
        map.from(cookie::getMaxAge).as(maxAge -> (int) maxAge.getSeconds()).to(serializer::setCookieMaxAge);
        map.from(cookie::getSameSite).to(sameSite -> serializer.setSameSite(sameSite.attributeValue()));
        map.from(cookie::getPartitioned).to(serializer::setPartitioned);
        return serializer;
    }

}
