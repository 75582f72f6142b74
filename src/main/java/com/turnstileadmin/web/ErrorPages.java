package com.turnstileadmin.web;

import com.turnstileadmin.account.UnknownAccountException;
import com.turnstileadmin.audit.AuditAction;
import com.turnstileadmin.audit.AuditWriteException;
import com.turnstileadmin.text.Text;
import com.turnstileadmin.widget.CloudflareApiException;
import com.turnstileadmin.widget.CloudflareUnavailableException;
import com.turnstileadmin.widget.OverBudgetException;
import com.turnstileadmin.widget.WidgetDeletedOutsideException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns what can go wrong outside a form into the error page, which an htmx request gets
 * too: htmx is configured (layout.html) to put the page's alert into the flash area. The
 * page says what happened in plain words and offers a retry; it never shows exception
 * text or internal URLs.
 */
@ControllerAdvice
class ErrorPages {

    private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

    /**
     * A time as the page says it without JavaScript: {@code 2026-12-07 15:56:18}, UTC.
     */
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
        .withZone(ZoneOffset.UTC);

    @ExceptionHandler(CloudflareUnavailableException.class)
    ModelAndView unavailable(CloudflareUnavailableException failure, HttpServletRequest request) {
        log.warn("{}", failure.getMessage());
        Text message;
        if (failure.outcomeUnknown()) {
            message = Text.of("error.cloudflare.outcomeUnknown");
        }
        else if (failure.reason() == CloudflareUnavailableException.Reason.RATE_LIMITED) {
            message = failure.retryAfter() == null ? Text.of("error.cloudflare.rateLimited")
                    : Text.of("error.cloudflare.rateLimitedFor", Math.max(1, failure.retryAfter().toSeconds()));
        }
        else {
            message = Text.of("error.cloudflare.unreachable");
        }
        return page(HttpStatus.SERVICE_UNAVAILABLE, Text.of("error.cloudflare.heading"),
                withAuditNote(message, failure), retryUrl(request));
    }

    /**
     * A widget deleted outside the dashboard: who did and when, and that it cannot come
     * back (its sitekey and secret are gone with it at Cloudflare).
     */
    @ExceptionHandler(WidgetDeletedOutsideException.class)
    ModelAndView deletedOutside(WidgetDeletedOutsideException gone) {
        return page(HttpStatus.NOT_FOUND, Text.of("error.widgetDeletedOutside.heading"),
                Text.of("error.widgetDeletedOutside", gone.deletion().widgetName(), gone.deletion().actorName(),
                        UTC_TIME.format(gone.deletion().occurredAt())),
                null);
    }

    @ExceptionHandler(CloudflareApiException.class)
    ModelAndView refused(CloudflareApiException refusal, HttpServletRequest request) {
        if (refusal.isNotFound()) {
            return page(HttpStatus.NOT_FOUND, Text.of("error.widgetNotFound.heading"),
                    withAuditNote(Text.of("error.widgetNotFound"), refusal), null);
        }
        log.warn("{}", refusal.getMessage());
        if (refusal.isAuthenticationFailure()) {
            return page(HttpStatus.BAD_GATEWAY, Text.of("error.credentialsRefused.heading"),
                    withAuditNote(Text.of("error.credentialsRefused"), refusal), null);
        }
        String said = String.join("; ", refusal.errors().stream().map(e -> e.message()).toList());
        return page(HttpStatus.BAD_GATEWAY, Text.of("error.refused.heading"),
                withAuditNote(said.isEmpty() ? Text.of("error.refused.noReason") : Text.of("cloudflare.refused", said),
                        refusal),
                retryUrl(request));
    }

    /**
     * A user over their share of the team's Cloudflare rate limit: nothing was sent to
     * Cloudflare. A 429 with {@code Retry-After}; "Retry" repeats a read with what the
     * user typed or chose in it, and an htmx request (a filter as it is typed) gets the
     * message in the flash area, leaving the filter field as it was.
     */
    @ExceptionHandler(OverBudgetException.class)
    ModelAndView overBudget(OverBudgetException refusal, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(refusal.retryAfterSeconds()));
        String retryUrl = retryUrl(request);
        return page(HttpStatus.TOO_MANY_REQUESTS, Text.of("error.overBudget.heading"),
                retryUrl == null ? Text.of("error.overBudget.nothingChanged", refusal.retryAfterSeconds())
                        : Text.of("error.overBudget", refusal.retryAfterSeconds()),
                retryUrl);
    }

    /**
     * What could not be recorded in the audit trail, and so was not done: a secret's
     * reveal (a change that was made is shown with a warning instead, by its own page).
     * The trail has logged it.
     */
    @ExceptionHandler(AuditWriteException.class)
    ModelAndView unrecorded(AuditWriteException failure) {
        Text message = failure.action() == AuditAction.REVEAL_SECRET ? Text.of("error.unrecorded.reveal")
                : Text.of("error.unrecorded");
        return page(HttpStatus.SERVICE_UNAVAILABLE, Text.of("error.unrecorded.heading"), message, null);
    }

    /**
     * The message, and that the failed attempt is not in the audit trail either, if it is
     * not.
     */
    private static Text withAuditNote(Text message, RuntimeException failure) {
        return AuditWriteException.suppressedIn(failure)
                ? Text.of("error.withNote", message, Text.of("audit.unrecordedFailure")) : message;
    }

    @ExceptionHandler({ UnknownAccountException.class, MethodArgumentTypeMismatchException.class })
    ModelAndView notFound() {
        return page(HttpStatus.NOT_FOUND, Text.of("error.notFound.heading"), Text.of("error.notFound.noSuchAccount"),
                null);
    }

    /**
     * The error page, as these handlers and {@link ErrorViews} render it: the heading and
     * the message are keys of {@code messages.properties}, which the page resolves.
     */
    static ModelAndView page(HttpStatus status, Text heading, Text message, @Nullable String retryUrl) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("heading", heading);
        page.addObject("message", message);
        page.addObject("retryUrl", retryUrl);
        return page;
    }

    /**
     * Where "Retry" leads: the read that failed, for a read. An htmx read here asks for a
     * page's URL too (the list answers it with the whole page when the request is a plain
     * one), so retrying a filter, a sort or a pager click that failed keeps what the user
     * typed or chose. A failed write has no retry link, as it may have been carried out;
     * its form, if it had one, was shown again with the input instead. A path within the
     * app, as every link of the pages is: the page adds the context path.
     */
    private static @Nullable String retryUrl(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String query = request.getQueryString();
        return request.getRequestURI().substring(request.getContextPath().length())
                + (query == null ? "" : "?" + query);
    }

}
