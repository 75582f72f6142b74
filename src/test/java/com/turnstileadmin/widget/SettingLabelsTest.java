package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SettingLabelsTest {

    private final SettingLabels labels = TestLabels.real();

    @Test
    void everyValueTheAppKnowsHasALabelOfItsOwn() {
        WidgetMode.KNOWN.forEach(mode -> assertThat(labels.mode(mode)).isNotEqualTo(mode.value()));
        ClearanceLevel.KNOWN.forEach(level -> assertThat(labels.clearanceLevel(level)).isNotEqualTo(level.value()));
        Region.KNOWN.forEach(region -> assertThat(labels.region(region)).isNotEqualTo(region.value()));
        WidgetOrigin.KNOWN.forEach(origin -> assertThat(labels.origin(origin)).isNotEqualTo(origin.value()));
    }

    @ParameterizedTest
    @CsvSource({ "mode, non-interactive, Non-interactive", "clearanceLevel, jschallenge, JavaScript challenge",
            "clearanceLevel, no_clearance, No clearance", "region, world, World", "origin, api, Cloudflare API" })
    void aValueIsCalledWhatTheFormCallsIt(String setting, String value, String label) {
        assertThat(labels.of(setting, value)).isEqualTo(label);
    }

    @Test
    void aValueCloudflareAddedSinceIsShownAsItCame() {
        assertThat(labels.mode(new WidgetMode("puzzle"))).isEqualTo("puzzle");
    }

    @Test
    void theAuditTrailsValuesAreLabelledByTheFieldTheyBelongTo() {
        assertThat(labels.ofAudited("Mode", "non-interactive")).isEqualTo("Non-interactive");
        assertThat(labels.ofAudited("Clearance level", "managed")).isEqualTo("Managed");
        assertThat(labels.ofAudited("Bot fight mode", "on")).isEqualTo("On");
        assertThat(labels.ofAudited("Name", "world")).as("a name that happens to be a value").isEqualTo("world");
        assertThat(labels.ofAudited("Mode", null)).isNull();
        assertThat(labels.rawIfAudited("Mode", "managed")).isEqualTo("managed");
        assertThat(labels.rawIfAudited("Domains", "example.com")).isNull();
    }

    @Test
    void theConflictTablesValuesAreLabelledByTheFormFieldTheyBelongTo() {
        assertThat(labels.ofEdited("clearanceLevel", "jschallenge")).isEqualTo("JavaScript challenge");
        assertThat(labels.ofEdited("name", "managed")).isEqualTo("managed");
    }

}
