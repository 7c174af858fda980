package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.PeakWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finds the top peaks as distinct events: the busiest second, then the surge around it (minutes above
 * the baseline: the median rate of the hour before), then the next busiest second at least
 * {@link #MIN_GAP_SECONDS} from every surge found so far, and so on.
 */
public final class PeakFinder {
    /** Peaks closer than this (ten minutes) to an earlier surge belong to it. */
    public static final long MIN_GAP_SECONDS = 600;
    /** A surge is followed at most this far (six hours) each way. */
    static final int MAX_SURGE_MINUTES = 360;

    private PeakFinder() {
    }

    public static List<PeakWindow> find(TrafficAggregator traffic, int n) {
        List<long[]> seconds = traffic.busySeconds();
        // ties between equally busy seconds go to the one in the busier minute (a crowd, not noise)
        java.util.Map<Long, Long> perMinute = new java.util.HashMap<>();
        for (long[] s : seconds) {
            perMinute.merge(Math.floorDiv(s[0], 60), s[1], Long::sum);
        }
        seconds.sort(Comparator.<long[]>comparingLong(s -> -s[1])
                .thenComparingLong(s -> -perMinute.get(Math.floorDiv(s[0], 60)))
                .thenComparingLong(s -> s[0]));
        List<PeakWindow> peaks = new ArrayList<>();
        for (long[] s : seconds) {
            if (peaks.size() >= n) {
                break;
            }
            long t = s[0];
            boolean near = false;
            for (PeakWindow p : peaks) {
                if (t >= p.startSecond() - MIN_GAP_SECONDS && t < p.endSecond() + MIN_GAP_SECONDS) {
                    near = true;
                    break;
                }
            }
            if (!near) {
                peaks.add(surge(traffic, t, s[1]));
            }
        }
        return peaks;
    }

    private static long minuteCount(TrafficAggregator traffic, long minuteStart) {
        long sum = 0;
        for (int i = 0; i < 60; i++) {
            sum += traffic.requestsAt(minuteStart + i);
        }
        return sum;
    }

    static double median(long[] values) {
        if (values.length == 0) {
            return 0;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        int mid = v.length / 2;
        return v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2.0;
    }

    private static double baselineBefore(TrafficAggregator traffic, long minuteStart) {
        long[] counts = new long[60];
        for (int i = 0; i < 60; i++) {
            counts[i] = minuteCount(traffic, minuteStart - (60 - i) * 60L);
        }
        return median(counts);
    }

    private static PeakWindow surge(TrafficAggregator traffic, long second, long count) {
        long peakMinute = Math.floorDiv(second, 60) * 60;
        // a first baseline from the hour ending ten minutes before the peak, to find where the surge starts
        double b0 = baselineBefore(traffic, peakMinute - 600);
        double threshold = Math.max(1, Math.max(1.5 * b0, b0 + 3 * Math.sqrt(b0)));
        long start = peakMinute;
        for (int i = 0; i < MAX_SURGE_MINUTES && minuteCount(traffic, start - 60) > threshold; i++) {
            start -= 60;
        }
        long end = peakMinute + 60;
        for (int i = 0; i < MAX_SURGE_MINUTES && minuteCount(traffic, end) > threshold; i++) {
            end += 60;
        }
        long busiestMinute = peakMinute;
        long busiestMinuteCount = -1;
        for (long m = start; m < end; m += 60) {
            long c = minuteCount(traffic, m);
            if (c > busiestMinuteCount) {
                busiestMinuteCount = c;
                busiestMinute = m;
            }
        }
        double baseline = baselineBefore(traffic, start);
        return new PeakWindow(second, count, busiestMinute, busiestMinuteCount, start, end, start - 3600, baseline);
    }
}
