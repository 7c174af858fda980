package io.ngxtime.analyzer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ngxtime.analyzer.aggregate.RequestFilter;
import io.ngxtime.analyzer.record.TimeWindow;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BaselineTest {
    private static final long HOUR_MILLIS = 3_600_000L;
    private static final long T0 = 1_791_000_000_000L;
    private static final TimeWindow HOUR = TimeWindow.between(T0, T0 + HOUR_MILLIS);

    @Test
    void none_resolvesToNoWindow_whateverTheReportWindow() {
        assertThat(Baseline.NONE.resolve(HOUR)).isEmpty();
        assertThat(Baseline.NONE.resolve(TimeWindow.ALL)).isEmpty();
    }

    @Test
    void aGivenWindow_isThatWindow() {
        TimeWindow lastWeek = TimeWindow.between(T0 - 7 * 24 * HOUR_MILLIS, T0 - 7 * 24 * HOUR_MILLIS + HOUR_MILLIS);
        assertThat(Baseline.window(lastWeek).resolve(HOUR)).contains(lastWeek);
    }

    @Test
    void thePeriodBefore_isAsLongAsTheWindow_andEndsWhereItStarts() {
        TimeWindow ninety = TimeWindow.between(T0, T0 + 90 * 60_000L);
        assertThat(Baseline.periodBefore().resolve(ninety))
                .contains(TimeWindow.between(T0 - 90 * 60_000L, T0));
    }

    @Test
    void thePeriodBefore_anOpenWindow_failsWhenTheRequestIsMade_beforeAnythingIsRead() {
        assertThatThrownBy(() -> Baseline.periodBefore().resolve(TimeWindow.since(T0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("start and end");
        assertThatThrownBy(() -> new ReportRun.Request(new ReportRun.QueueSource(Path.of("no-such-queue"), null),
                TimeWindow.ALL, RequestFilter.ALL, Baseline.periodBefore(), 0, 5, ProgressListener.NONE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
