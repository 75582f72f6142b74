package com.turnstileadmin.widget;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Widgets for tests that only need some, with distinct sitekeys. */
public final class TestWidgets {

    private TestWidgets() {
    }

    /** Settings with nothing at its default, so that a field mapped wrongly shows. */
    public static WidgetSettings settings() {
        return new WidgetSettings("Shop", List.of("example.com", "shop.example.com"), WidgetMode.INVISIBLE,
                ClearanceLevel.MANAGED, Region.CHINA, true, false, true);
    }

    public static Widget widget(WidgetSettings settings, Instant modifiedOn) {
        return new Widget(new Sitekey("0x4AAAAAAAshop"), settings, Instant.EPOCH, modifiedOn, null, null);
    }

    /** What the app calls each setting: its label in messages.properties. */
    public static Function<WidgetSetting<?>, String> labels() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        return setting -> messages.getMessage(setting.labelKey(), null, Locale.ENGLISH);
    }

    public static List<Widget> some(int count) {
        List<Widget> widgets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            widgets.add(widget("0x4AAAAAAA" + i, "w" + i));
        }
        return widgets;
    }

    /**
     * A managed widget for {@code example.com}, created and last modified at the epoch.
     */
    public static Widget widget(String sitekey, String name) {
        return new Widget(
                new Sitekey(sitekey), new WidgetSettings(name, List.of("example.com"), WidgetMode.MANAGED,
                        ClearanceLevel.NO_CLEARANCE, Region.WORLD, false, false, false),
                Instant.EPOCH, Instant.EPOCH, null, null);
    }

}
