package com.turnstileadmin.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.PermissionsPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;

/**
 * A request Spring Security's firewall refuses (an encoded {@code ..}, a {@code ;} in the
 * path) is refused before the filters that add the headers of
 * {@link SecurityConfiguration} run, and the error page rendered for it would go out
 * without them: this adds them, then answers 400.
 */
@Component
class RejectedRequests implements RequestRejectedHandler {

    /**
     * Those of SecurityConfiguration that hold on every answer; Tomcat's own error pages
     * get them too.
     */
    static final List<HeaderWriter> HEADERS = List.of(
            new ContentSecurityPolicyHeaderWriter(SecurityConfiguration.CONTENT_SECURITY_POLICY),
            new XContentTypeOptionsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY),
            new ReferrerPolicyHeaderWriter(SecurityConfiguration.REFERRER_POLICY), new CacheControlHeadersWriter(),
            new PermissionsPolicyHeaderWriter(SecurityConfiguration.PERMISSIONS_POLICY), crossOriginOpenerPolicy());

    private static HeaderWriter crossOriginOpenerPolicy() {
        CrossOriginOpenerPolicyHeaderWriter writer = new CrossOriginOpenerPolicyHeaderWriter();
        writer.setPolicy(SecurityConfiguration.CROSS_ORIGIN_OPENER_POLICY);
        return writer;
    }

    private final HttpStatusRequestRejectedHandler status = new HttpStatusRequestRejectedHandler();

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        HEADERS.forEach(header -> header.writeHeaders(request, response));
        status.handle(request, response, rejected);
    }

}
