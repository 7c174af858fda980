package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.grammar.LogFormat;
import io.ngxtime.grammar.Preset;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class GeneratorConfigTest {

    @Test
    void defaults_aWeekOfTimingFromMondayAtMinusSeven() {
        GeneratorConfig c = GeneratorConfig.defaults();
        assertThat(c.format().name()).isEqualTo("timing");
        assertThat(c.start()).isEqualTo(OffsetDateTime.parse("2026-10-05T00:00:00-07:00"));
        assertThat(c.start().getDayOfWeek().getValue()).isEqualTo(1);
        assertThat(c.duration()).isEqualTo(Duration.ofDays(7));
        assertThat(c.zoneOffset()).isEqualTo(ZoneOffset.ofHours(-7));
        assertThat(c.peaks()).isEqualTo(3);
        assertThat(c.spike()).isTrue();
        assertThat(c.malformedPerMillion()).isEqualTo(20);
    }

    @Test
    void withMethods_changeOneSettingEach() {
        LogFormat main = Preset.MAIN.format(); // LogFormat has identity equality
        GeneratorConfig c = GeneratorConfig.defaults().withFormat(main).withSeed(9).withPeaks(1)
                .withBaseRatePerSecond(3.5).withSpike(false).withMalformedPerMillion(7).withOddLinesPerMillion(0)
                .withDuration(Duration.ofHours(5)).withStart(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        assertThat(c).isEqualTo(new GeneratorConfig(main, OffsetDateTime.parse("2026-01-01T00:00:00Z"),
                Duration.ofHours(5), 3.5, 9, 1, false, 7, 0, java.util.Optional.empty(), List.of()));
    }

    @Test
    void constructor_rejectsBadValuesNamingThem() {
        GeneratorConfig d = GeneratorConfig.defaults();
        assertThatThrownBy(() -> d.withBaseRatePerSecond(0)).hasMessageContaining("baseRatePerSecond").hasMessageContaining("0.0");
        assertThatThrownBy(() -> d.withBaseRatePerSecond(Double.NaN)).hasMessageContaining("NaN");
        assertThatThrownBy(() -> d.withDuration(Duration.ofDays(32))).hasMessageContaining("PT768H");
        assertThatThrownBy(() -> d.withDuration(Duration.ofMillis(1500))).hasMessageContaining("whole seconds");
        assertThatThrownBy(() -> d.withDuration(Duration.ZERO)).hasMessageContaining("duration");
        assertThatThrownBy(() -> d.withPeaks(-1)).hasMessageContaining("peaks").hasMessageContaining("-1");
        assertThatThrownBy(() -> d.withMalformedPerMillion(-5)).hasMessageContaining("-5");
        assertThatThrownBy(() -> d.withStart(OffsetDateTime.parse("2026-10-05T00:00:00.5Z")))
                .hasMessageContaining("whole second");
        assertThatThrownBy(() -> d.withFormat(null)).isInstanceOf(NullPointerException.class).hasMessage("format");
    }
}
