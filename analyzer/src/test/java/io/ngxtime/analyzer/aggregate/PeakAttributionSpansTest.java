package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.PeakWindow;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeakAttributionSpansTest {
    static PeakWindow peak(long start, long end) {
        return new PeakWindow(start, 10, start, 100, start, end, start - 3600, 1.0, 100);
    }

    @Test
    void eachPeakWithItsHourBefore_overlapsMerged_sorted() {
        PeakAttribution a = new PeakAttribution(List.of(peak(100_000, 100_600), peak(10_000, 10_300),
                peak(102_000, 102_100)));
        List<TimeWindow> spans = a.spans();
        assertThat(spans).hasSize(2);
        assertThat(spans.get(0)).isEqualTo(TimeWindow.between((10_000 - 3600) * 1000L, 10_300 * 1000L));
        // the third peak's hour before starts inside the first one's span: one span for both
        assertThat(spans.get(1)).isEqualTo(TimeWindow.between((100_000 - 3600) * 1000L, 102_100 * 1000L));
    }
}
