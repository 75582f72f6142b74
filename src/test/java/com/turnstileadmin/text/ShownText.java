package com.turnstileadmin.text;

import static org.hamcrest.Matchers.equalTo;

import java.util.Locale;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.springframework.context.MessageSource;

/**
 * Matches a {@link Text} (a flash message, say) by the English the page shows for it, so
 * that a test of a controller still reads the words a user sees rather than a message
 * key.
 */
public final class ShownText {

    private ShownText() {
    }

    public static Matcher<Object> shownAs(MessageSource messages, String english) {
        return shownAs(messages, equalTo(english));
    }

    public static Matcher<Object> shownAs(MessageSource messages, Matcher<String> english) {
        return new FeatureMatcher<Object, String>(english, "a text shown as", "shown as") {
            @Override
            protected String featureValueOf(Object text) {
                return messages.getMessage((Text) text, Locale.ENGLISH);
            }
        };
    }

}
