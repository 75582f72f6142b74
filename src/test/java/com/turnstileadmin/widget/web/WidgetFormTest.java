package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.TestWidgets;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSetting;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanWrapperImpl;

class WidgetFormTest {

    private static final Instant OPENED = Instant.parse("2025-03-12T10:00:00Z");

    private static final Instant LATER = Instant.parse("2025-03-12T11:30:00Z");

    @Test
    void aFormOfAWidgetGivesBackItsSettingsAsEditedAndAsItsBase() {
        WidgetSettings settings = TestWidgets.settings();

        WidgetForm form = WidgetForm.of(TestWidgets.widget(settings, OPENED));

        assertThat(form.toSettings()).isEqualTo(settings);
        assertThat(form.baseSettings()).isEqualTo(settings);
        assertThat(form.getModifiedOn()).isEqualTo(OPENED);
    }

    @Test
    void theSettingsAreTheTrimmedNameAndTheNormalizedDomains() {
        WidgetForm form = new WidgetForm();
        form.getEdited().setName("  Shop ");
        form.getEdited().setDomains("Example.com\r\n\r\nexample.com\n");

        assertThat(form.toSettings()).isEqualTo(WidgetSettings.of("Shop", List.of("example.com"), WidgetMode.MANAGED));
    }

    @Test
    void theBaseSettingsStayWhatTheEditStartedFromRegionIncluded() {
        WidgetForm form = WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED));
        form.getEdited().setName("Renamed");
        form.getEdited().setDomains("other.example");
        form.getEdited().setBotFightMode(false);
        form.getEdited().setRegion("world");

        assertThat(form.baseSettings()).isEqualTo(TestWidgets.settings());
    }

    @Test
    void rebaseMovesTheBaseToTheCurrentWidgetAndKeepsWhatTheUserTyped() {
        WidgetForm form = WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED));
        form.getEdited().setName("Mine");
        WidgetSettings current = TestWidgets.settings().withName("Theirs").withMode(WidgetMode.MANAGED);

        form.rebase(TestWidgets.widget(current, LATER));

        assertThat(form.baseSettings()).isEqualTo(current);
        assertThat(form.getModifiedOn()).isEqualTo(LATER);
        assertThat(form.toSettings().name()).isEqualTo("Mine");
        assertThat(form.toSettings().mode()).isEqualTo(WidgetMode.INVISIBLE);
    }

    @Test
    void onlyAFormOpenedOnAWidgetIsAnEdit() {
        assertThat(WidgetForm.create("token").isEdit()).isFalse();
        assertThat(WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED)).isEdit()).isTrue();
    }

    @Test
    void anEditWithoutItsVersionOrWithABlankBaseIsNotIntact() {
        WidgetForm form = WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED));
        assertThat(form.hasIntactBase()).isTrue();

        form.getBase().setMode(" ");
        assertThat(form.hasIntactBase()).isFalse();

        WidgetForm unversioned = WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED));
        unversioned.setModifiedOn(null);
        assertThat(unversioned.hasIntactBase()).isFalse();
    }

    @Test
    void everySettingHasAFieldInBothGroups() {
        WidgetForm form = WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED));
        BeanWrapperImpl bean = new BeanWrapperImpl(form);

        for (WidgetSetting<?> setting : WidgetSetting.ALL) {
            assertThat(bean.isWritableProperty(WidgetForm.path(setting))).as(setting.field()).isTrue();
            assertThat(bean.isWritableProperty("base." + setting.field())).as(setting.field()).isTrue();
        }
    }

}
