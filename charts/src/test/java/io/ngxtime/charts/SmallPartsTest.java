package io.ngxtime.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallPartsTest {
    @Test
    void chartSize_parsesWidthByHeight_andNamesABadValue() {
        assertThat(ChartSize.parse("1600x600")).isEqualTo(new ChartSize(1600, 600));
        assertThat(ChartSize.parse(" 800X300 ")).isEqualTo(new ChartSize(800, 300));
        assertThatThrownBy(() -> ChartSize.parse("wide")).hasMessage("chart size 'wide': expected WIDTHxHEIGHT such as 1600x600");
        assertThatThrownBy(() -> ChartSize.parse("10x10")).hasMessageContaining("10x10 is outside");
    }

    @Test
    void fonts_aFailureInTheFontMachinery_isOneNoFontsException() {
        assertThatThrownBy(() -> Fonts.check(() -> {
            throw new InternalError("Fontconfig head is null, check your fonts or fonts configuration");
        })).isInstanceOf(NoFontsException.class)
                .hasMessage("no fonts: install fontconfig and a font package such as fonts-dejavu-core");
        assertThatThrownBy(() -> Fonts.check(() -> {
            throw new OutOfMemoryError();
        })).isInstanceOf(OutOfMemoryError.class);
        Fonts.check();
        assertThat(Fonts.isFontFailure(new RuntimeException(new Error("Probable fatal error: No fonts found.")))).isTrue();
        assertThat(Fonts.isFontFailure(new IllegalStateException("other"))).isFalse();
    }

    @Test
    void peakLabels_manyAtTheSameSpot_neverOverlap() {
        Rectangle2D area = new Rectangle2D.Double(50, 40, 1400, 450);
        List<Rectangle2D> taken = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Rectangle2D box = PeakLabels.place(700, 80, 260, 36, area, taken);
            for (Rectangle2D t : taken) {
                assertThat(box.intersects(t)).as("label %d", i).isFalse();
            }
            assertThat(area.contains(box)).isTrue();
            taken.add(box);
        }
    }

    @Test
    void logAxis_snapsToOneTwoFive() {
        assertThat(LogMillisAxis.snap(63, false)).isEqualTo(50);
        assertThat(LogMillisAxis.snap(63, true)).isEqualTo(100);
        assertThat(LogMillisAxis.snap(180, true)).isEqualTo(200);
        assertThat(LogMillisAxis.snap(0.004, false)).isEqualTo(0.002, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void labelText_showsControlCharactersAndClips() {
        assertThat(LabelText.printable("a\u001b[2Jb\u202e")).isEqualTo("a\\x1B[2Jb\\u202E");
        assertThat(LabelText.clip("abcdef", 4)).isEqualTo("abc…");
    }

    @Test
    void timeLabels_rangeInTheLogsOffset() {
        long from = java.time.Instant.parse("2026-10-10T06:00:00Z").getEpochSecond();
        assertThat(TimeLabels.range(from, from + 6 * 3600, 7200)).isEqualTo("Sat 10 Oct 2026 08:00 to 14:00 (UTC+02:00)");
        assertThat(TimeLabels.range(from, from + 600, 0)).isEqualTo("Sat 10 Oct 2026 06:00:00 to 06:10:00 (UTC)");
        assertThat(TimeLabels.range(from, from + 86_400, 0)).isEqualTo("Sat 10 Oct 2026 06:00 to Sun 11 Oct 06:00 (UTC)");
        assertThat(TimeLabels.range(from, from + 90 * 86_400, 0)).isEqualTo("Sat 10 Oct 2026 06:00 to Fri 8 Jan 2027 06:00 (UTC)");
    }
}
