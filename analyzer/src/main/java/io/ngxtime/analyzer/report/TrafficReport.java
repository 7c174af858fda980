package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * Requests over time.
 *
 * @param firstSecond   epoch second of {@code perSecond[0]}
 * @param perSecond     requests in every second from the first to the last request (1-second resolution)
 * @param bucketSeconds width of the {@code points} (60 unless the range was long)
 * @param points        time buckets, ascending, only those with requests
 * @param offsetSeconds the zone offset times are shown in (as logged)
 */
public record TrafficReport(long firstSecond, int[] perSecond, int bucketSeconds, List<TimePoint> points,
                            int offsetSeconds, long outsideSecondRange) {
    public static TrafficReport empty() {
        return new TrafficReport(0, new int[0], 60, List.of(), 0, 0);
    }

    /** The busiest second's request count (0 when empty). */
    public int maxPerSecond() {
        int m = 0;
        for (int c : perSecond) {
            m = Math.max(m, c);
        }
        return m;
    }
}
