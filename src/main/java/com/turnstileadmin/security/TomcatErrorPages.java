package com.turnstileadmin.security;

import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * The pages Tomcat writes itself, for a request it refuses before the app sees it (a
 * character not allowed in the address, a malformed Host), carry the security headers too
 * ({@link RejectedRequests#HEADERS}). Boot puts a plain ErrorReportValve, without report
 * or server version, on the host; this one replaces it (so it runs after Boot's
 * customizer) and is named as the host's error report valve, so that the host adds no
 * other when it starts.
 */
@Component
class TomcatErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            host.setErrorReportValveClass(WithSecurityHeaders.class.getName());
            host.getPipeline().addValve(new WithSecurityHeaders());
        });
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /**
     * Tomcat's error page, without the report or the server's version, with the app's
     * headers.
     */
    public static final class WithSecurityHeaders extends ErrorReportValve {

        public WithSecurityHeaders() {
            setShowReport(false);
            setShowServerInfo(false);
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            if (!response.isCommitted()) {
                RejectedRequests.HEADERS.forEach(header -> header.writeHeaders(request, response));
            }
            super.report(request, response, throwable);
        }

    }

}
