package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The one formatter: each kind of figure written one way, and absence written as n/a. */
class FiguresTest {
    @Test
    void durations_keepThreeSignificantDigits_andSwitchToSecondsFromOneSecond() {
        assertThat(Figures.duration(0)).isEqualTo("0 ms");
        assertThat(Figures.duration(400)).isEqualTo("0.40 ms");
        assertThat(Figures.duration(12_500)).isEqualTo("12.5 ms");
        assertThat(Figures.duration(340_000)).isEqualTo("340 ms");
        assertThat(Figures.duration(1_122_300)).isEqualTo("1.12 s");
        assertThat(Figures.duration(42_000_000)).isEqualTo("42 s");
        assertThat(Figures.duration(OptionalLong.empty())).isEqualTo("n/a");
    }

    @Test
    void shares_oneDecimal_orTwoSignificantDigitsBelowATenthOfAPercent() {
        assertThat(Figures.percent(0.369)).isEqualTo("36.9%");
        assertThat(Figures.percent(0.000074)).isEqualTo("0.0074%");
        assertThat(Figures.percent(0)).isEqualTo("0%");
        assertThat(Figures.percent(3, 0)).isEqualTo("n/a");
        assertThat(Figures.percent(OptionalDouble.empty())).isEqualTo("n/a");
    }

    @Test
    void counts_areGrouped_withTheRightPlural() {
        assertThat(Figures.count(96)).isEqualTo("96");
        assertThat(Figures.count(12_345)).isEqualTo("12,345");
        assertThat(Figures.count(1, "request")).isEqualTo("1 request");
        assertThat(Figures.count(2_048, "request")).isEqualTo("2,048 requests");
        assertThat(Figures.count(2, "entry")).isEqualTo("2 entries");
        assertThat(Figures.count(OptionalLong.empty())).isEqualTo("n/a");
        assertThat(Figures.signedCount(1_204)).isEqualTo("+1,204");
        assertThat(Figures.signedCount(-3)).isEqualTo("-3");
    }

    @Test
    void counts_areWhatTheFormatterWrites_atEveryLengthAndSign() {
        java.util.Random random = new java.util.Random(15);
        java.util.List<Long> values = new java.util.ArrayList<>(java.util.List.of(0L, Long.MIN_VALUE, Long.MAX_VALUE,
                Long.MIN_VALUE + 1));
        for (long p = 1; p > 0 && p <= Long.MAX_VALUE / 10; p *= 10) { // each length, at its edges
            for (long v : new long[] {p - 1, p, p + 1, 10 * p - 1}) {
                values.add(v);
                values.add(-v);
            }
        }
        for (int i = 0; i < 10_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            values.add(v);
        }
        for (long v : values) {
            assertThat(Figures.count(v)).as("%d", v).isEqualTo(String.format(java.util.Locale.ROOT, "%,d", v));
            assertThat(Figures.signedCount(v)).as("%d", v).isEqualTo(String.format(java.util.Locale.ROOT, "%+,d", v));
        }
    }

    @Test
    void rates_neverRoundToZero() {
        assertThat(Figures.perSecond(70)).isEqualTo("70 req/s");
        assertThat(Figures.perSecond(1234.4)).isEqualTo("1,234 req/s");
        assertThat(Figures.perSecond(2.346)).isEqualTo("2.35 req/s");
        assertThat(Figures.perSecond(0.0667)).isEqualTo("0.067 req/s");
        assertThat(Figures.perSecond(0.0000005)).isEqualTo("<0.001 req/s");
        assertThat(Figures.perSecond(0)).isEqualTo("0 req/s");
    }

    @Test
    void factorsAndSpans() {
        assertThat(Figures.factor(2.5)).isEqualTo("×2.50");
        assertThat(Figures.span(7_200)).isEqualTo("2 h");
        assertThat(Figures.span(2_700)).isEqualTo("45 min");
        assertThat(Figures.span(3_601)).isEqualTo("3,601 s");
        assertThat(Figures.span(0)).isEqualTo("0 s");
    }

    @Test
    void instants_keepTheLoggedOffset_andMillisecondsWhenTheyHaveThem() {
        assertThat(Figures.instant(OffsetDateTime.parse("2026-10-09T15:58:19.760-07:00")))
                .isEqualTo("2026-10-09T15:58:19.760-07:00");
        long second = OffsetDateTime.parse("2026-10-09T15:58:19-07:00").toEpochSecond();
        assertThat(Figures.instant(second, -7 * 3600)).isEqualTo("2026-10-09T15:58:19-07:00");
        assertThat(Figures.instant(second, 0)).isEqualTo("2026-10-09T22:58:19Z");
        assertThat(Figures.clock(second, -7 * 3600)).isEqualTo("15:58:19");
    }
}
