package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.ClearanceLevel;
import com.turnstileadmin.widget.Region;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

class WireMappingTest {

    @Test
    void thePointerOfEachFieldACreateSendsNamesTheSettingItHolds() {
        WidgetSettings settings = new WidgetSettings("Shop", List.of("example.com"), WidgetMode.MANAGED,
                ClearanceLevel.NO_CLEARANCE, Region.WORLD, true, false, true);
        // The body as the adapter sends it: snake_case, as CloudflareWidgetClient's
        // mapper writes it.
        JsonNode body = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .build()
            .valueToTree(WireMapping.toBody(settings));

        List<WidgetSetting<?>> named = new ArrayList<>();
        body.propertyNames().forEach(field -> named.add(WireMapping.settingAt("/" + field)));

        assertThat(named).containsExactlyElementsOf(WidgetSetting.ALL);
    }

    @Test
    void aPointerIntoAListNamesTheListsSetting() {
        assertThat(WireMapping.settingAt("/domains/3")).isEqualTo(WidgetSetting.DOMAINS);
        assertThat(WireMapping.settingAt("/bot_fight_mode")).isEqualTo(WidgetSetting.BOT_FIGHT_MODE);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = { "", "/", "name", "/secret", "/botFightMode", "/result/name" })
    void aPointerToNoSettingNamesNone(String pointer) {
        assertThat(WireMapping.settingAt(pointer)).isNull();
    }

}
