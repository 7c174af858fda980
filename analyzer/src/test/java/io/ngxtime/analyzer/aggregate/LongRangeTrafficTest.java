package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import io.ngxtime.analyzer.testutil.TestRequests;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A log covering more than the 120 days of seconds kept one by one: its mean rate is over its whole range,
 * its busiest second is found wherever it falls, and a bucket whose seconds were not kept has no busiest
 * second rather than a made-up 0.
 */
class LongRangeTrafficTest {
    private static final long T0 = 1_767_225_600_000L; // 2026-01-01T00:00:00Z
    private static final long HOUR = 3_600_000L;

    @Test
    void aBusiestSecondAfter120Days_isTheReportsMax_andTheMeanIsOverTheWholeRange() {
        Aggregation a = new Aggregation();
        Request r = new Request();
        a.add(TestRequests.get(r, T0, "/a"));
        long late = T0 + 200L * 24 * HOUR; // day 200: beyond the first 120 days
        for (int i = 0; i < 7; i++) {
            a.add(TestRequests.get(r, late + 100, "/b"));
        }
        TrafficReport t = a.report(List.of(), "f").traffic();
        long range = (late - T0) / 1000 + 1;
        assertThat(t.rangeSeconds()).isEqualTo(range);
        assertThat(t.maxPerSecond()).isEqualTo(7);
        assertThat(t.meanPerSecond()).isEqualTo(8.0 / range);
        assertThat(t.perSecondComplete()).isFalse();
        TimePoint last = t.points().get(t.points().size() - 1);
        assertThat(last.maxPerSecond()).hasValue(7);
    }

    @Test
    void aBucketNoneOfWhoseSecondsWasKept_hasNoBusiestSecond() {
        Aggregation a = new Aggregation();
        Request r = new Request();
        int hours = TrafficAggregator.MAX_HOURS + 5;
        for (int h = 0; h < hours; h++) {
            a.add(TestRequests.get(r, T0 + h * HOUR, "/a"));
        }
        TrafficReport t = a.report(List.of(), "f").traffic();
        assertThat(t.outsideSecondRange()).isEqualTo(5);
        long unknown = t.points().stream().filter(p -> p.maxPerSecond().isEmpty()).count();
        assertThat(unknown).isPositive();
        assertThat(t.points().stream().filter(p -> p.maxPerSecond().isEmpty()).mapToLong(TimePoint::requests).sum())
                .isLessThanOrEqualTo(5);
        assertThat(t.maxPerSecond()).isEqualTo(1);
    }
}
