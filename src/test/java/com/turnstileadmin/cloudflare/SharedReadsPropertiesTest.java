package com.turnstileadmin.cloudflare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.turnstileadmin.account.InvalidSettingException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SharedReadsPropertiesTest {

    @ParameterizedTest
    @ValueSource(longs = { 0, 250, 1000, 2000 })
    void aWindowOfUpToTwoSecondsIsTaken(long millis) {
        assertThat(new SharedReadsProperties(Duration.ofMillis(millis), 20000).window())
            .isEqualTo(Duration.ofMillis(millis));
    }

    @ParameterizedTest
    @ValueSource(longs = { 2001, 5000, -1 })
    void aLongerOrNegativeWindowStopsStartUpNamingTheSetting(long millis) {
        assertThatThrownBy(() -> new SharedReadsProperties(Duration.ofMillis(millis), 20000))
            .isInstanceOf(InvalidSettingException.class)
            .hasMessageContaining("CLOUDFLARE_SHARED_READS_WINDOW (cloudflare.shared-reads.window)")
            .hasMessageContaining("between 0s and 2s");
    }

}
