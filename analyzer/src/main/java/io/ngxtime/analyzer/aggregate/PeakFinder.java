package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.PeakWindow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the top peaks as distinct events: the busiest second, then the surge around it, then the next
 * busiest second at least {@link #MIN_GAP_SECONDS} from every surge found so far, and so on; then the
 * baseline of each.
 *
 * <p><b>Covered range.</b> Only the time the log covers is judged: from its first to its last request
 * second. A minute outside it is not "zero requests", it is unknown. A <em>whole</em> minute is one
 * entirely inside that range; baselines are medians over whole minutes only (a log starting at 14:00:03
 * has its first whole minute at 14:01). Gaps inside the range count as quiet minutes.
 *
 * <p><b>Surge.</b> The minutes around the busiest second whose request count exceeds a threshold of
 * {@code max(1.5 b, b + 3 sqrt(max(b, 1)))}, where {@code b} is the median requests per whole minute of
 * the hour ending ten minutes before the peak's minute (the gap keeps a slow ramp-up out of it). When
 * that hour holds fewer than {@link #MIN_BASELINE_MINUTES} whole minutes (a peak early in the log),
 * {@code b} is the median over every whole minute of the log instead. A surge grows at most
 * {@link #MAX_SURGE_MINUTES} each way, never outside the covered range (its start and end are clipped to
 * the first request second and the second after the last), and never into the surge of a peak found
 * before it: surges of distinct peaks are disjoint, so none contains another peak's busiest second.
 *
 * <p><b>Baseline.</b> Chosen once every surge is known, as one window of whole minutes, excluding the
 * minutes of other peaks' surges: the hour before the surge, cut at the log's first whole minute; if that
 * leaves fewer than {@link #MIN_BASELINE_MINUTES} usable minutes, the hour after the surge, cut at the
 * log's last whole minute; if that is short too, the longer of the two (empty only when the surge covers
 * the whole log: then the baseline rate is 0). The window is
 * {@link PeakWindow#baselineStartSecond()}..{@link PeakWindow#baselineEndSecond()}, and
 * {@link PeakWindow#baselinePerMinute()} is the median over its usable minutes; {@link PeakAttribution}
 * takes the "before" figures from exactly the same seconds.
 *
 * <p><b>Which candidates are peaks.</b> A candidate is reported only when it stands out from its
 * baseline: its surge, or its busiest second alone, holds at least {@link #MIN_FACTOR} times the
 * requests the baseline's rate predicts for that length, and at least {@link #MIN_EXTRA_REQUESTS} more,
 * and more by at least {@link #NOISE_SIGMAS} standard deviations of Poisson noise around the prediction
 * ({@code NOISE_SIGMAS x sqrt(expected)}; what random arrivals reach in some minute or second of a long
 * log at a busy site). The surge catches a crowd over minutes; the second catches a one-second burst
 * that barely moves its minute on a busy site. A candidate that fails does not stand in the way of
 * others: the search goes on through the busiest seconds until {@code n} peaks pass or none is left, so
 * flat traffic gives no peak at all, and flat traffic with one crowd gives that crowd. A surge that
 * covers the whole log has no baseline, so it is judged against a rate of 0: it needs
 * {@link #MIN_EXTRA_REQUESTS} requests. Every reported peak passes the rule with the baseline it is
 * reported with.
 */
public final class PeakFinder {
    /** Peaks closer than this (ten minutes) to an earlier surge belong to it. */
    public static final long MIN_GAP_SECONDS = 600;
    /** A surge is followed at most this far (six hours) each way. */
    static final int MAX_SURGE_MINUTES = 360;
    /** Fewer whole minutes than this (ten) are too few to take a median from. */
    static final int MIN_BASELINE_MINUTES = 10;
    /** The baseline looks this far (an hour) from the surge. */
    static final long BASELINE_SECONDS = 3600;
    /** The threshold's baseline ends this far (ten minutes) before the peak's minute. */
    private static final long THRESHOLD_GAP_SECONDS = 600;
    /** A peak holds at least this many times the requests its baseline's rate predicts (1.5). */
    public static final double MIN_FACTOR = 1.5;
    /** A peak holds at least this many requests (20) more than its baseline's rate predicts. */
    public static final long MIN_EXTRA_REQUESTS = 20;
    /** A peak's extra requests exceed this many (6) standard deviations of Poisson noise. */
    public static final double NOISE_SIGMAS = 6;

    private PeakFinder() {
    }

    /**
     * @param n how many peaks at most (0: none)
     * @return the peaks that stand out from their baselines, busiest second first; empty when there is no
     *         timed request or none stands out
     */
    public static List<PeakWindow> find(TrafficAggregator traffic, int n) {
        List<long[]> seconds = traffic.busySeconds();
        if (seconds.isEmpty() || n <= 0) {
            return List.of();
        }
        // ties between equally busy seconds go to the one in the busier minute (a crowd, not noise)
        Map<Long, Long> perMinute = new HashMap<>();
        for (long[] s : seconds) {
            perMinute.merge(Math.floorDiv(s[0], 60), s[1], Long::sum);
        }
        Coverage cover = new Coverage(traffic, seconds.get(0)[0], seconds.get(seconds.size() - 1)[0] + 1, perMinute);
        // each second with its minute's count as a third element: the sort then compares without a boxed lookup
        seconds.replaceAll(s -> new long[] {s[0], s[1], perMinute.get(Math.floorDiv(s[0], 60))});
        seconds.sort(Comparator.<long[]>comparingLong(s -> -s[1])
                .thenComparingLong(s -> -s[2])
                .thenComparingLong(s -> s[0]));
        List<PeakWindow> surges = new ArrayList<>();
        // a minute whose candidate failed: a later (quieter) second of it has the same surge and baseline,
        // until another surge is found (which can change both)
        Set<Long> failedMinutes = new HashSet<>();
        for (long[] s : seconds) {
            if (surges.size() >= n) {
                break;
            }
            long t = s[0];
            long minute = Math.floorDiv(t, 60);
            if (near(t, surges) || failedMinutes.contains(minute)) {
                continue;
            }
            PeakWindow candidate = surge(cover, t, s[1], surges);
            List<PeakWindow> with = new ArrayList<>(surges);
            with.add(candidate);
            if (standsOut(withBaseline(cover, candidate, with))) {
                surges.add(candidate);
                failedMinutes.clear();
            } else {
                failedMinutes.add(minute);
            }
        }
        // the final baselines leave out every surge; a peak judged before a later surge was found is judged
        // again with its final baseline, so that every reported peak passes with the baseline it reports
        while (true) {
            List<PeakWindow> peaks = new ArrayList<>();
            for (PeakWindow p : surges) {
                peaks.add(withBaseline(cover, p, surges));
            }
            List<PeakWindow> passing = peaks.stream().filter(PeakFinder::standsOut).toList();
            if (passing.size() == peaks.size()) {
                return peaks;
            }
            List<PeakWindow> kept = new ArrayList<>();
            for (int i = 0; i < peaks.size(); i++) {
                if (standsOut(peaks.get(i))) {
                    kept.add(surges.get(i));
                }
            }
            surges = kept;
        }
    }

    private static boolean near(long second, List<PeakWindow> surges) {
        for (PeakWindow p : surges) {
            if (second >= p.startSecond() - MIN_GAP_SECONDS && second < p.endSecond() + MIN_GAP_SECONDS) {
                return true;
            }
        }
        return false;
    }

    /** Whether a peak with its baseline passes the rule of the class comment. */
    static boolean standsOut(PeakWindow w) {
        return exceeds(w.surgeRequests(), w.expectedRequests())
                || exceeds(w.busiestSecondCount(), w.baselinePerMinute() / 60.0);
    }

    /** Whether {@code observed} requests stand out from {@code expected} by the rule's three margins. */
    static boolean exceeds(double observed, double expected) {
        double extra = observed - expected;
        return observed >= MIN_FACTOR * expected && extra >= MIN_EXTRA_REQUESTS
                && extra >= NOISE_SIGMAS * Math.sqrt(expected);
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

    /**
     * The median of {@code zeros} zeros and the ascending {@code sortedPositive} values, as {@link #median}
     * of all of them would give, without the zeros in memory.
     */
    static double medianWithZeros(long[] sortedPositive, long zeros) {
        long n = zeros + sortedPositive.length;
        if (n == 0) {
            return 0;
        }
        long mid = n / 2;
        double upper = mid < zeros ? 0 : sortedPositive[(int) (mid - zeros)];
        if (n % 2 == 1) {
            return upper;
        }
        double lower = mid - 1 < zeros ? 0 : sortedPositive[(int) (mid - 1 - zeros)];
        return (lower + upper) / 2.0;
    }

    /** The request threshold a surge minute exceeds, from a baseline of {@code b} requests per minute. */
    static double threshold(double b) {
        return Math.max(1.5 * b, b + 3 * Math.sqrt(Math.max(b, 1)));
    }

    private static PeakWindow surge(Coverage cover, long second, long count, List<PeakWindow> others) {
        long peakMinute = Math.floorDiv(second, 60) * 60;
        long thresholdTo = peakMinute - THRESHOLD_GAP_SECONDS;
        long[] hour = cover.usableMinutes(thresholdTo - BASELINE_SECONDS, thresholdTo, others);
        double b = hour.length >= MIN_BASELINE_MINUTES ? median(hour) : cover.medianPerMinute();
        double threshold = threshold(b);
        // the surge grows over minutes of the covered range, up to the nearest surge already found
        long lowest = Math.floorDiv(cover.from, 60) * 60;
        long highest = Math.floorDiv(cover.to - 1, 60) * 60 + 60;
        for (PeakWindow o : others) {
            if (o.endSecond() <= peakMinute) {
                lowest = Math.max(lowest, o.endSecond());
            } else {
                highest = Math.min(highest, o.startSecond());
            }
        }
        long start = peakMinute;
        for (int i = 0; i < MAX_SURGE_MINUTES && start - 60 >= lowest && cover.minute(start - 60) > threshold; i++) {
            start -= 60;
        }
        long end = peakMinute + 60;
        for (int i = 0; i < MAX_SURGE_MINUTES && end + 60 <= highest && cover.minute(end) > threshold; i++) {
            end += 60;
        }
        long busiestMinute = peakMinute;
        long busiestMinuteCount = -1;
        for (long m = start; m < end; m += 60) {
            long c = cover.minute(m);
            if (c > busiestMinuteCount) {
                busiestMinuteCount = c;
                busiestMinute = m;
            }
        }
        start = Math.max(start, cover.from);
        end = Math.min(end, cover.to);
        return new PeakWindow(second, count, busiestMinute, busiestMinuteCount, start, end, start, start, 0,
                cover.requests(start, end));
    }

    private static PeakWindow withBaseline(Coverage cover, PeakWindow p, List<PeakWindow> surges) {
        List<PeakWindow> others = surges.stream().filter(o -> o != p).toList();
        long beforeFrom = Math.max(p.startSecond() - BASELINE_SECONDS, cover.wholeFrom());
        long[] before = cover.usableMinutes(beforeFrom, p.startSecond(), others);
        long afterTo = Math.min(p.endSecond() + BASELINE_SECONDS, cover.wholeTo());
        long[] after = cover.usableMinutes(p.endSecond(), afterTo, others);
        long from;
        long to;
        long[] minutes;
        if (before.length >= MIN_BASELINE_MINUTES || before.length >= after.length) {
            from = Math.min(beforeFrom, p.startSecond());
            to = p.startSecond();
            minutes = before;
        } else {
            from = p.endSecond();
            to = Math.max(afterTo, p.endSecond());
            minutes = after;
        }
        return new PeakWindow(p.busiestSecond(), p.busiestSecondCount(), p.busiestMinute(), p.busiestMinuteCount(),
                p.startSecond(), p.endSecond(), from, to, median(minutes), p.surgeRequests());
    }

    /** Per-minute counts over the range the log covers, {@code [from, to)} in epoch seconds. */
    private static final class Coverage {
        private final TrafficAggregator traffic;
        final long from;
        final long to;
        private double medianPerMinute = Double.NaN;
        private final Map<Long, Long> minutes = new HashMap<>();
        /** Requests per minute (keyed by epoch minute) of the minutes that have any. */
        private final Map<Long, Long> busyMinutes;

        Coverage(TrafficAggregator traffic, long from, long to, Map<Long, Long> busyMinutes) {
            this.traffic = traffic;
            this.from = from;
            this.to = to;
            this.busyMinutes = busyMinutes;
        }

        /** Start of the first minute wholly inside the range. */
        long wholeFrom() {
            return Math.floorDiv(from + 59, 60) * 60;
        }

        /** End of the last minute wholly inside the range. */
        long wholeTo() {
            return Math.floorDiv(to, 60) * 60;
        }

        /** Requests in the minute starting at {@code minuteStart}, remembered: candidates ask again and again. */
        long minute(long minuteStart) {
            return minutes.computeIfAbsent(minuteStart, m -> requests(m, m + 60));
        }

        /** Requests in {@code [fromSecond, toSecond)}. */
        long requests(long fromSecond, long toSecond) {
            long sum = 0;
            for (long s = fromSecond; s < toSecond; s++) {
                sum += traffic.requestsAt(s);
            }
            return sum;
        }

        /**
         * Counts of the whole minutes of the log inside {@code [fromSecond, toSecond)} that overlap no
         * surge in {@code surges}, oldest first.
         */
        long[] usableMinutes(long fromSecond, long toSecond, List<PeakWindow> surges) {
            long first = Math.max(Math.floorDiv(fromSecond + 59, 60) * 60, wholeFrom());
            long last = Math.min(Math.floorDiv(toSecond, 60) * 60, wholeTo());
            long[] counts = new long[(int) Math.max(0, Math.min(Integer.MAX_VALUE - 8, (last - first) / 60))];
            int n = 0;
            for (long m = first; m + 60 <= last; m += 60) {
                if (!overlapsAny(surges, m, m + 60)) {
                    counts[n++] = minute(m);
                }
            }
            return n == counts.length ? counts : Arrays.copyOf(counts, n);
        }

        /** Whether {@code [fromSecond, toSecond)} meets one of {@code surges} (asked per minute: a loop, no stream). */
        private static boolean overlapsAny(List<PeakWindow> surges, long fromSecond, long toSecond) {
            for (int i = 0; i < surges.size(); i++) {
                PeakWindow s = surges.get(i);
                if (fromSecond < s.endSecond() && toSecond > s.startSecond()) {
                    return true;
                }
            }
            return false;
        }

        /**
         * The median requests per whole minute over the whole log (0 when it has no whole minute). Taken
         * from the busy minutes and the number of quiet ones, never minute by minute: a log whose clock
         * jumped years (one line from 1975) has millions of quiet minutes, and must not hold them all.
         */
        double medianPerMinute() {
            if (Double.isNaN(medianPerMinute)) {
                long firstMinute = wholeFrom() / 60;
                long endMinute = wholeTo() / 60;
                long[] busy = busyMinutes.entrySet().stream()
                        .filter(e -> e.getKey() >= firstMinute && e.getKey() < endMinute)
                        .mapToLong(Map.Entry::getValue).sorted().toArray();
                medianPerMinute = medianWithZeros(busy, Math.max(0, endMinute - firstMinute) - busy.length);
            }
            return medianPerMinute;
        }
    }
}
