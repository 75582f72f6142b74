package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.audit.FieldChange;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class SettingChangesTest {

    private static final WidgetSettings BEFORE = TestWidgets.settings();

    /** The labels of messages.properties, as the app has them. */
    private static final Function<WidgetSetting<?>, String> LABELS = TestWidgets.labels();

    @Test
    void identicalSettingsChangeNothing() {
        assertThat(SettingChanges.between(BEFORE, TestWidgets.settings(), LABELS)).isEmpty();
    }

    @Test
    void everySettingIsComparedUnderItsFormLabelInTheFormsOrder() {
        WidgetSettings after = new WidgetSettings("Shop v2", List.of("shop.example.com"), WidgetMode.MANAGED,
                ClearanceLevel.NO_CLEARANCE, Region.WORLD, false, true, false);

        assertThat(SettingChanges.between(BEFORE, after, LABELS)).containsExactly(
                new FieldChange("Name", "Shop", "Shop v2"),
                new FieldChange("Domains", "example.com, shop.example.com", "shop.example.com"),
                new FieldChange("Mode", "invisible", "managed"),
                new FieldChange("Clearance level", "managed", "no_clearance"),
                new FieldChange("Region", "china", "world"), new FieldChange("Bot fight mode", "on", "off"),
                new FieldChange("Remove Cloudflare branding (offlabel)", "off", "on"),
                new FieldChange("Ephemeral ID", "on", "off"));
    }

    @Test
    void clearedAndFirstSetDomainsHaveNoValueOnTheEmptySide() {
        WidgetSettings none = new WidgetSettings("Shop", List.of(), BEFORE.mode(), BEFORE.clearanceLevel(),
                BEFORE.region(), true, false, true);

        assertThat(SettingChanges.between(BEFORE, none, LABELS))
            .containsExactly(new FieldChange("Domains", "example.com, shop.example.com", null));
        assertThat(SettingChanges.between(none, BEFORE, LABELS))
            .containsExactly(new FieldChange("Domains", null, "example.com, shop.example.com"));
    }

    @Test
    void domainsInAnotherOrderAreAChange() {
        WidgetSettings reordered = new WidgetSettings("Shop", List.of("shop.example.com", "example.com"), BEFORE.mode(),
                BEFORE.clearanceLevel(), BEFORE.region(), true, false, true);

        assertThat(SettingChanges.between(BEFORE, reordered, LABELS)).extracting(FieldChange::field)
            .containsExactly("Domains");
    }

}
