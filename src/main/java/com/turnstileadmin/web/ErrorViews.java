package com.turnstileadmin.web;

import com.turnstileadmin.security.StalePage;
import com.turnstileadmin.text.Text;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for what Spring Boot's error handling renders (a 403 from security, a
 * 404 of an unknown address, a 500): the same page and plain words as {@link ErrorPages},
 * chosen here (their keys of {@code messages.properties}) rather than in the template.
 */
@Component
class ErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status == HttpStatus.FORBIDDEN && StalePage.isMarked(request)) {
            return ErrorPages.page(status, Text.of("error.stalePage.heading"), Text.of("error.stalePage"), null);
        }
        return switch (status) {
            case FORBIDDEN ->
                ErrorPages.page(status, Text.of("error.forbidden.heading"), Text.of("error.forbidden"), null);
            case NOT_FOUND ->
                ErrorPages.page(status, Text.of("error.notFound.heading"), Text.of("error.notFound"), null);
            default -> ErrorPages.page(status, Text.of("error.failed.heading"), Text.of("error.failed"), null);
        };
    }

}
