package io.ngxtime.analyzer.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RetentionTest {
    @Test
    void parse_agesInDaysHoursMinutes() {
        assertThat(Retention.parse("7d")).isEqualTo(new Retention.MaxAge(Duration.ofDays(7)));
        assertThat(Retention.parse("12h")).isEqualTo(new Retention.MaxAge(Duration.ofHours(12)));
        assertThat(Retention.parse("30m")).isEqualTo(new Retention.MaxAge(Duration.ofMinutes(30)));
        assertThat(Retention.parse(" 2d ")).isEqualTo(new Retention.MaxAge(Duration.ofDays(2)));
    }

    @Test
    void parse_sizesArePowersOf1024() {
        assertThat(Retention.parse("500MB")).isEqualTo(new Retention.MaxBytes(500L << 20));
        assertThat(Retention.parse("2GB")).isEqualTo(new Retention.MaxBytes(2L << 30));
        assertThat(Retention.parse("64kb")).isEqualTo(new Retention.MaxBytes(64L << 10));
        assertThat(Retention.parse("1TB")).isEqualTo(new Retention.MaxBytes(1L << 40));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "7x", "d", "-1d", "1.5h", "500M", "7D", "500 MB", "7d12h", "5s"})
    void parse_neitherAgeNorSize_namesTheTextAndWhatIsAccepted(String text) {
        assertThatThrownBy(() -> Retention.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention '" + text + "' is neither an age (7d, 12h, 30m: days, hours, minutes) "
                        + "nor a size (500MB, 2GB: KB, MB, GB, TB)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0d", "0m", "0MB"})
    void parse_zero_keepsNothing_isRefused(String text) {
        assertThatThrownBy(() -> Retention.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("retention '" + text + "' keeps nothing: give a positive age or size");
    }

    @Test
    void parse_sizeBeyondALong_isRefused() {
        assertThatThrownBy(() -> Retention.parse("999999999999TB"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("too large");
    }

    @Test
    void maxAge_dropsACycleOnlyOnceItsWholeSpanIsOlderThanTheAge() {
        Retention r = new Retention.MaxAge(Duration.ofHours(2));
        long now = 10 * 3_600_000L;
        assertThat(r.dropsOldest(8 * 3_600_000L, 0, now)).isTrue();
        assertThat(r.dropsOldest(8 * 3_600_000L + 1, 0, now)).isFalse();
    }

    @Test
    void maxBytes_dropsWhileTheQueueHoldsMore() {
        Retention r = new Retention.MaxBytes(1000);
        assertThat(r.dropsOldest(0, 1001, 0)).isTrue();
        assertThat(r.dropsOldest(0, 1000, 0)).isFalse();
    }
}
