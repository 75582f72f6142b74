package com.turnstileadmin.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.InvalidSettingException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionsPerUserPropertiesTest {

    @Test
    void minusOneMeansNoLimitAndAnyPositiveNumberIsALimit() {
        assertThat(new SessionsPerUserProperties(-1).isLimited()).isFalse();
        assertThat(new SessionsPerUserProperties(1).isLimited()).isTrue();
        assertThat(new SessionsPerUserProperties(5).maxPerUser()).isEqualTo(5);
    }

    @ParameterizedTest
    @ValueSource(ints = { 0, -2, -100 })
    void zeroOrANegativeNumberOtherThanMinusOneStopsStartUp(int value) {
        assertThatThrownBy(() -> new SessionsPerUserProperties(value)).isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining("SESSION_MAX_PER_USER");
    }

}
