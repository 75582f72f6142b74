package com.turnstileadmin.widget.web;

import static com.turnstileadmin.widget.web.WidgetFormValidatorTest.domains;
import static com.turnstileadmin.widget.web.WidgetFormValidatorTest.form;
import static com.turnstileadmin.widget.web.WidgetFormValidatorTest.validated;
import static com.turnstileadmin.widget.web.WidgetFormValidatorTest.wrongEverywhere;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.validation.FieldError;

/**
 * Every code the form's rules use has a message in {@code messages.properties}, filled in
 * completely.
 */
class WidgetFormMessagesTest {

    private final ResourceBundleMessageSource messages = messageSource();

    @Test
    void everyRuleHasAMessageWithItsArgumentsFilledIn() {
        List<FieldError> errors = Stream
            .of(wrongEverywhere(), form("n".repeat(300), "a_b.example"), form("Shop", "a_b.example\n*.example"),
                    form("Shop", domains(2000)))
            .flatMap(form -> validated(form).getFieldErrors().stream())
            .toList();

        assertThat(errors).extracting(FieldError::getCode)
            .containsExactlyInAnyOrder("widget.name.required", "widget.domains.required", "widget.mode.unknown",
                    "widget.clearanceLevel.unknown", "widget.region.unknown", "widget.name.tooLong",
                    "widget.domains.invalid", "widget.domains.invalidSeveral", "widget.domains.tooMany");
        assertThat(errors).allSatisfy(error -> assertThat(message(error)).isNotBlank().doesNotContain("{", "}"));
    }

    @Test
    void theMessageQuotesTheBadEntryAndCountsReadably() {
        assertThat(message(validated(form("Shop", "a_b.example")).getFieldError()))
            .startsWith("Not a hostname, IPv4 or IPv6 address: “a_b.example”.");
        assertThat(message(validated(form("Shop", domains(2000))).getFieldError()))
            .isEqualTo("A widget takes at most 10 domains; this list has 2,000.");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|',
            value = { "widget.edit.stale | This form is incomplete. Open the widget's edit page again.",
                    "cloudflare.unavailable.notSaved | Cloudflare could not be reached, so nothing was saved.",
                    "cloudflare.unavailable.outcomeUnknown | Cloudflare did not answer properly" })
    void messagesWithoutArgumentsKeepTheirApostrophes(String code, String start) {
        assertThat(messages.getMessage(code, null, Locale.ENGLISH)).startsWith(start);
    }

    @Test
    void cloudflaresOwnMessageIsPassedThrough() {
        assertThat(messages.getMessage("cloudflare.refused", new Object[] { "It's {bad}" }, Locale.ENGLISH))
            .isEqualTo("Cloudflare says: It's {bad}");
    }

    private String message(FieldError error) {
        return messages.getMessage(error, Locale.ENGLISH);
    }

    private static ResourceBundleMessageSource messageSource() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding("UTF-8");
        return source;
    }

}
