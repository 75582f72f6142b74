package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidgetSettingTest {

    private static final WidgetSettings SETTINGS = TestWidgets.settings();

    @Test
    void everyComponentOfTheSettingsIsDescribedOnceInTheirOrder() throws Exception {
        List<String> components = Arrays.stream(WidgetSettings.class.getRecordComponents())
            .map(RecordComponent::getName)
            .toList();

        assertThat(WidgetSetting.ALL).extracting(WidgetSetting::field).containsExactlyElementsOf(components);
        for (RecordComponent component : WidgetSettings.class.getRecordComponents()) {
            WidgetSetting<?> setting = WidgetSetting.named(component.getName()).orElseThrow();
            assertThat(setting.of(SETTINGS)).as(setting.field()).isEqualTo(component.getAccessor().invoke(SETTINGS));
        }
    }

    @Test
    void settingsBuiltSettingBySettingAreTheSameSettings() {
        WidgetSettings copy = WidgetSettings.from(new WidgetSettings.Values() {
            @Override
            public <T> T of(WidgetSetting<T> setting) {
                return setting.of(SETTINGS);
            }
        });

        assertThat(copy).isEqualTo(SETTINGS);
    }

    @Test
    void eachSettingHasItsOwnLabel() {
        List<String> labels = WidgetSetting.ALL.stream().map(TestWidgets.labels()).toList();

        assertThat(labels).doesNotHaveDuplicates()
            .containsExactly("Name", "Domains", "Mode", "Clearance level", "Region", "Bot fight mode",
                    "Remove Cloudflare branding (offlabel)", "Ephemeral ID");
    }

    @Test
    void valuesReadAsOneLineWithNoneForAnEmptyList() {
        WidgetSettings noDomains = new WidgetSettings("Shop", List.of(), WidgetMode.MANAGED, ClearanceLevel.MANAGED,
                Region.CHINA, true, false, true);

        assertThat(WidgetSetting.DOMAINS.text(SETTINGS)).isEqualTo("example.com, shop.example.com");
        assertThat(WidgetSetting.DOMAINS.text(noDomains)).isNull();
        assertThat(WidgetSetting.MODE.text(SETTINGS)).isEqualTo("invisible");
        assertThat(WidgetSetting.BOT_FIGHT_MODE.text(SETTINGS)).isEqualTo("on");
        assertThat(WidgetSetting.OFFLABEL.text(SETTINGS)).isEqualTo("off");
    }

    @Test
    void theEnterpriseOnlySettingsAreTheThreeSwitchesAndOnlyTheRegionIsFixed() {
        assertThat(WidgetSetting.ALL.stream().filter(WidgetSetting::enterpriseOnly))
            .containsExactly(WidgetSetting.BOT_FIGHT_MODE, WidgetSetting.OFFLABEL, WidgetSetting.EPHEMERAL_ID);
        assertThat(WidgetSetting.ALL.stream().filter(WidgetSetting::fixedAtCreation))
            .containsExactly(WidgetSetting.REGION);
        assertThat(WidgetSetting.named("clearance_level")).isEmpty();
    }

}
