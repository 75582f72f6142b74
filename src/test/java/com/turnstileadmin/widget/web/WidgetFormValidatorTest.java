package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.WidgetSetting;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.Errors;
import org.springframework.validation.FieldError;

class WidgetFormValidatorTest {

    /** The settings with a rule: all but the switches. */
    private static final List<WidgetSetting<?>> RULED = List.of(WidgetSetting.NAME, WidgetSetting.DOMAINS,
            WidgetSetting.MODE, WidgetSetting.CLEARANCE_LEVEL, WidgetSetting.REGION);

    @Test
    void aFilledInFormPasses() {
        assertThat(validated(form("Shop", "example.com\n2001:db8::1")).hasErrors()).isFalse();
    }

    @Test
    void aBlankNameIsRequired() {
        assertThat(onlyError(form("   ", "example.com")).getCode()).isEqualTo("widget.name.required");
    }

    @Test
    void aNameIsAtMost254CharactersNotCountingSurroundingSpaces() {
        assertThat(validated(form("  " + "n".repeat(254) + "  ", "example.com")).hasErrors()).isFalse();

        FieldError error = onlyError(form("n".repeat(255), "example.com"));
        assertThat(error.getCode()).isEqualTo("widget.name.tooLong");
        assertThat(error.getArguments()).containsExactly(254, 255);
    }

    @Test
    void atLeastOneDomainIsRequired() {
        assertThat(onlyError(form("Shop", " \n\r\n")).getCode()).isEqualTo("widget.domains.required");
    }

    @Test
    void oneBadDomainIsNamedInTheMessage() {
        FieldError error = onlyError(form("Shop", "example.com\nhttps://shop.example.com/"));

        assertThat(error.getField()).isEqualTo("edited.domains");
        assertThat(error.getCode()).isEqualTo("widget.domains.invalid");
        assertThat(error.getArguments()).containsExactly("https://shop.example.com/");
    }

    @Test
    void severalBadDomainsAreNamedTogetherInTheirOrder() {
        FieldError error = onlyError(form("Shop", "my_host.example\nexample.com\n*.example.com"));

        assertThat(error.getCode()).isEqualTo("widget.domains.invalidSeveral");
        assertThat(error.getArguments()).containsExactly("my_host.example, *.example.com");
    }

    @Test
    void tenDomainsPassAndElevenAreTooMany() {
        assertThat(validated(form("Shop", domains(10))).hasErrors()).isFalse();

        FieldError error = onlyError(form("Shop", domains(11)));
        assertThat(error.getCode()).isEqualTo("widget.domains.tooMany");
        assertThat(error.getArguments()).containsExactly(10, 11);
    }

    @Test
    void aRepeatedDomainCountsOnce() {
        assertThat(validated(form("Shop", domains(10) + "\nD1.EXAMPLE")).hasErrors()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({ "mode, turbo", "mode, ' '", "clearanceLevel, jschallenge2", "clearanceLevel, ''", "region, mars",
            "region, ' '" })
    void aChoiceThatIsNoneOfTheKnownOnesIsRefused(String field, String value) {
        WidgetForm form = form("Shop", "example.com");
        new BeanWrapperImpl(form).setPropertyValue("edited." + field, value);

        FieldError error = onlyError(form);
        assertThat(error.getField()).isEqualTo("edited." + field);
        assertThat(error.getCode()).isEqualTo("widget." + field + ".unknown");
    }

    @Test
    void validateFieldChecksOnlyThatField() {
        for (WidgetSetting<?> setting : RULED) {
            Errors errors = new BeanPropertyBindingResult(wrongEverywhere(), "widgetForm");

            WidgetFormValidator.validateField(wrongEverywhere(), setting, errors);

            assertThat(errors.getFieldErrors()).as(setting.field())
                .singleElement()
                .extracting(FieldError::getField)
                .isEqualTo("edited." + setting.field());
        }
    }

    @Test
    void validateChecksEverySettingInTheFormsOrder() {
        assertThat(validated(wrongEverywhere()).getFieldErrors()).extracting(FieldError::getField)
            .containsExactly("edited.name", "edited.domains", "edited.mode", "edited.clearanceLevel", "edited.region");
    }

    @Test
    void aSwitchHasNoRuleOfItsOwn() {
        for (WidgetSetting<?> setting : List.of(WidgetSetting.BOT_FIGHT_MODE, WidgetSetting.OFFLABEL,
                WidgetSetting.EPHEMERAL_ID)) {
            Errors errors = new BeanPropertyBindingResult(wrongEverywhere(), "widgetForm");

            WidgetFormValidator.validateField(wrongEverywhere(), setting, errors);

            assertThat(errors.hasErrors()).as(setting.field()).isFalse();
        }
    }

    static WidgetForm form(String name, String domains) {
        WidgetForm form = new WidgetForm();
        form.getEdited().setName(name);
        form.getEdited().setDomains(domains);
        return form;
    }

    static WidgetForm wrongEverywhere() {
        WidgetForm form = form("", "");
        form.getEdited().setMode("turbo");
        form.getEdited().setClearanceLevel("");
        form.getEdited().setRegion("mars");
        return form;
    }

    /** {@code d1.example} to {@code dN.example}, one per line. */
    static String domains(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "d" + i + ".example").collect(Collectors.joining("\n"));
    }

    static Errors validated(WidgetForm form) {
        Errors errors = new BeanPropertyBindingResult(form, "widgetForm");
        WidgetFormValidator.validate(form, errors);
        return errors;
    }

    private static FieldError onlyError(WidgetForm form) {
        Errors errors = validated(form);
        assertThat(errors.getAllErrors()).hasSize(1);
        return errors.getFieldError();
    }

}
