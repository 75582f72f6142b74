package com.turnstileadmin.widget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SitekeyTest {

    @ParameterizedTest
    @ValueSource(strings = { "0x4AAAAAAABn0R22HWm-YUc", "1x00000000000000000000AA", "a", "0x4AAF00AAAABn0R22HWm_YUc" })
    void acceptsCloudflareShapedSitekeys(String value) {
        assertThat(new Sitekey(value).value()).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = { "../../x", "0x4AAA/rotate_secret", "0x4AAA%2F", "a b", "",
            "0x4AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" })
    void refusesAnythingThatCouldWalkThePathOrIsTooLong(String value) {
        assertThat(Sitekey.isValid(value)).isFalse();
        assertThatThrownBy(() -> new Sitekey(value)).isInstanceOf(IllegalArgumentException.class);
    }

}
