package io.ngxtime.charts;

import io.ngxtime.analyzer.report.TrafficReport;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The seven days the week chart draws, in sequence.
 *
 * @param fromSecond first second (epoch)
 * @param toSecond   end (exclusive)
 */
record WeekRange(long fromSecond, long toSecond) {
    static final long WEEK_SECONDS = 7 * 86_400L;

    /**
     * From {@code from} for seven days when given; otherwise the last seven calendar days present in
     * the data (in the log's offset), ending at the midnight after the last request, and starting no
     * earlier than the midnight before the first. Null when the traffic has no seconds.
     */
    static WeekRange of(TrafficReport t, Instant from) {
        if (from != null) {
            return new WeekRange(from.getEpochSecond(), from.getEpochSecond() + WEEK_SECONDS);
        }
        if (t.perSecond().length == 0) {
            return null;
        }
        int off = t.offsetSeconds();
        long last = t.firstSecond() + t.perSecond().length - 1;
        LocalDate lastDay = TimeLabels.date(last, off);
        long end = TimeLabels.midnight(lastDay.plusDays(1), off);
        long start = TimeLabels.midnight(lastDay.minusDays(6), off);
        long firstDay = TimeLabels.midnight(TimeLabels.date(t.firstSecond(), off), off);
        return new WeekRange(Math.max(start, firstDay), end);
    }
}
