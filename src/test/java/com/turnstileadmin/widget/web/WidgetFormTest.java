package com.turnstileadmin.widget.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.turnstileadmin.widget.TestWidgets;
import com.turnstileadmin.widget.WidgetMode;
import com.turnstileadmin.widget.WidgetSettings;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WidgetFormTest {

    private static final Instant OPENED = Instant.parse("2025-03-12T10:00:00Z");
    private static final Instant LATER = Instant.parse("2025-03-12T11:30:00Z");

    @Test
    void aFormOfAWidgetGivesBackItsSettings() {
        WidgetSettings settings = TestWidgets.settings();

        assertThat(WidgetForm.of(TestWidgets.widget(settings, OPENED)).toSettings()).isEqualTo(settings);
    }

    @Test
    void theSettingsAreTheTrimmedNameAndTheNormalizedDomains() {
        WidgetForm form = new WidgetForm();
        form.setName("  Shop ");
        form.setDomains("Example.com\r\n\r\nexample.com\n");

        assertThat(form.toSettings()).isEqualTo(WidgetSettings.of("Shop", List.of("example.com"), WidgetMode.MANAGED));
    }

    @Test
    void theBaseSettingsStayWhatTheEditStartedFrom() {
        WidgetForm form = WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED));
        form.setName("Renamed");
        form.setDomains("other.example");
        form.setBotFightMode(false);

        assertThat(form.baseSettings()).isEqualTo(TestWidgets.settings());
        assertThat(form.openedAtModification()).isEqualTo(OPENED);
    }

    @Test
    void rebaseMovesTheBaseToTheCurrentWidgetAndKeepsWhatTheUserTyped() {
        WidgetForm form = WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED));
        form.setName("Mine");
        WidgetSettings current = TestWidgets.settings().withName("Theirs").withMode(WidgetMode.MANAGED);

        form.rebase(TestWidgets.widget(current, LATER));

        assertThat(form.baseSettings()).isEqualTo(current);
        assertThat(form.openedAtModification()).isEqualTo(LATER);
        assertThat(form.toSettings().name()).isEqualTo("Mine");
        assertThat(form.toSettings().mode()).isEqualTo(WidgetMode.INVISIBLE);
    }

    @Test
    void onlyAFormOpenedOnAWidgetIsAnEdit() {
        assertThat(new WidgetForm().isEdit()).isFalse();
        assertThat(WidgetForm.of(TestWidgets.widget(TestWidgets.settings(), OPENED)).isEdit()).isTrue();
    }
}
