package com.turnstileadmin.web;

import com.turnstileadmin.security.StalePage;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;

/**
 * The error page for what Spring Boot's error handling renders (a 403 from security, a 404 of an
 * unknown address, a 500): the same page and plain words as {@link ErrorPages}, chosen here so
 * that every error text lives in one package rather than in the template.
 */
@Component
class ErrorViews implements ErrorViewResolver {

    @Override
    public ModelAndView resolveErrorView(HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
        if (status == HttpStatus.FORBIDDEN && StalePage.isMarked(request)) {
            return ErrorPages.page(status, "This page was out of date", "It belongs to an earlier sign-in "
                    + "(an old tab, perhaps), so nothing was done. Reload the page and try again.", null);
        }
        return switch (status) {
            case FORBIDDEN -> ErrorPages.page(status, "You may not do that",
                    "Your role does not allow this. Ask an admin if you need it.", null);
            case NOT_FOUND -> ErrorPages.page(status, "Page not found", "There is nothing at this address.", null);
            default -> ErrorPages.page(status, "Something went wrong", "The app could not complete the request. "
                    + "Try again; if it keeps failing, tell whoever runs this app.", null);
        };
    }
}
