package com.turnstileadmin.widget;

import java.nio.charset.StandardCharsets;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The app's own labels, from its {@code messages.properties}, for tests without a Spring
 * context.
 */
public final class TestLabels {

    private TestLabels() {
    }

    public static SettingLabels real() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return new SettingLabels(messages);
    }

}
