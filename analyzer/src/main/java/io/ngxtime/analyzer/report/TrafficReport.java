package io.ngxtime.analyzer.report;

import java.util.List;

/**
 * Requests over time.
 *
 * @param firstSecond        epoch second of the first timed request, and of {@code perSecond[0]}
 * @param perSecond          requests in every second from the first request on (1-second resolution), for
 *                           at most {@code TrafficAggregator.MAX_HOURS} hours: shorter than
 *                           {@code rangeSeconds} when the log covers more (then the per-second series and
 *                           the charts drawn from it cover its first part only)
 * @param bucketSeconds      width of the {@code points} (60 unless the range was long)
 * @param points             time buckets, ascending, only those with requests
 * @param offsetSeconds      the zone offset times are shown in (as logged)
 * @param outsideSecondRange timed requests whose second was not kept (beyond {@code MAX_HOURS} distinct
 *                           hours): in the counts and buckets, not in any per-second figure
 * @param rangeSeconds       the analysed range: from the first timed request's second to the last's, inclusive
 * @param maxPerSecond       the busiest second's requests, over every second kept (not only {@code perSecond})
 */
public record TrafficReport(long firstSecond, int[] perSecond, int bucketSeconds, List<TimePoint> points,
                            int offsetSeconds, long outsideSecondRange, long rangeSeconds, int maxPerSecond) {
    public TrafficReport {
        points = List.copyOf(points);
    }

    /** A report whose range is exactly {@code perSecond} (tests, benchmarks). */
    public TrafficReport(long firstSecond, int[] perSecond, int bucketSeconds, List<TimePoint> points,
                         int offsetSeconds, long outsideSecondRange) {
        this(firstSecond, perSecond, bucketSeconds, points, offsetSeconds, outsideSecondRange, perSecond.length,
                max(perSecond));
    }

    public static TrafficReport empty() {
        return new TrafficReport(0, new int[0], 60, List.of(), 0, 0, 0, 0);
    }

    /** Timed requests per second over the analysed range (0 when it is empty). */
    public double meanPerSecond() {
        long total = 0;
        for (TimePoint p : points) {
            total += p.requests();
        }
        return rangeSeconds == 0 ? 0 : (double) total / rangeSeconds;
    }

    /** Whether {@code perSecond} covers the whole analysed range. */
    public boolean perSecondComplete() {
        return perSecond.length >= rangeSeconds;
    }

    private static int max(int[] counts) {
        int m = 0;
        for (int c : counts) {
            m = Math.max(m, c);
        }
        return m;
    }
}
