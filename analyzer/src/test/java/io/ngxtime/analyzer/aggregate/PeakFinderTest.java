package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.PeakWindow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Surges and baselines on traffic built minute by minute: where the log starts and ends, flat logs,
 * and peaks whose surges would run into each other.
 */
class PeakFinderTest {
    /** A whole hour (epoch seconds), so minute arithmetic in the tests reads plainly. */
    static final long T0 = 1_791_662_400L;

    /** Requests of one log: {@code perMinute[i]} spread evenly over minute {@code i} from {@code start}. */
    static final class Log {
        final List<Request> requests = new ArrayList<>();

        Log minutes(long start, int... perMinute) {
            for (int i = 0; i < perMinute.length; i++) {
                for (int k = 0; k < perMinute[i]; k++) {
                    add(start + i * 60L + (long) k * 60 / perMinute[i], k % 50 == 0 ? 503 : 200);
                }
            }
            return this;
        }

        Log flat(long start, int minutes, int perMinute) {
            int[] m = new int[minutes];
            java.util.Arrays.fill(m, perMinute);
            return minutes(start, m);
        }

        /** {@code n} requests in one second. */
        Log burst(long second, int n) {
            for (int k = 0; k < n; k++) {
                add(second, 200);
            }
            return this;
        }

        private void add(long second, int status) {
            Request r = new Request();
            r.time(second * 1000 + 250, 0);
            r.request("GET", status == 200 ? "/home" : "/broken", "HTTP/1.1", null);
            r.client("10.0.0.1", "-", "agent", null);
            r.status(status);
            r.requestTimeMicros(status == 200 ? 20_000 : 900_000);
            requests.add(r);
        }

        TrafficAggregator traffic() {
            TrafficAggregator t = new TrafficAggregator();
            requests.forEach(t::add);
            return t;
        }

        long firstSecond() {
            return requests.stream().mapToLong(r -> Math.floorDiv(r.timeMillis(), 1000)).min().orElseThrow();
        }

        long endSecond() {
            return requests.stream().mapToLong(r -> Math.floorDiv(r.timeMillis(), 1000)).max().orElseThrow() + 1;
        }
    }

    static int[] repeat(int value, int times) {
        int[] a = new int[times];
        java.util.Arrays.fill(a, value);
        return a;
    }

    static void assertInsideTheLog(PeakWindow w, Log log) {
        assertThat(w.startSecond()).as("surge start").isGreaterThanOrEqualTo(log.firstSecond());
        assertThat(w.endSecond()).as("surge end").isLessThanOrEqualTo(log.endSecond());
        assertThat(Math.min(w.baselineStartSecond(), w.baselineEndSecond())).as("baseline start")
                .isGreaterThanOrEqualTo(log.firstSecond());
        assertThat(w.baselineEndSecond()).as("baseline end").isLessThanOrEqualTo(log.endSecond());
    }

    static void assertDistinct(List<PeakWindow> peaks) {
        for (PeakWindow a : peaks) {
            for (PeakWindow b : peaks) {
                if (a != b) {
                    assertThat(b.busiestSecond() >= a.startSecond() && b.busiestSecond() < a.endSecond())
                            .as("a surge holds another peak's busiest second").isFalse();
                    assertThat(a.endSecond() <= b.startSecond() || b.endSecond() <= a.startSecond())
                            .as("surges overlap").isTrue();
                }
            }
        }
    }

    @Test
    void peakInTheLogsFirstMinutes_baselineComesFromTheLogsMinutes_notFromBeforeItsStart() {
        // the log starts mid-minute with a crowd: 5 quiet minutes, 6 minutes at 60/min, then 2 h at 10/min
        long start = T0 + 37;
        Log log = new Log().minutes(start, 10, 10, 10, 10, 10, 60, 60, 60, 60, 60, 60).flat(start + 11 * 60, 120, 10)
                .burst(T0 + 7 * 60 + 30, 30);
        List<PeakWindow> peaks = PeakFinder.find(log.traffic(), 1);
        PeakWindow w = peaks.get(0);

        assertThat(w.busiestSecond()).isEqualTo(T0 + 7 * 60 + 30);
        assertThat(w.startSecond()).isBetween(T0 + 5 * 60, T0 + 6 * 60 + 37); // the crowd, not the log's start
        assertThat(w.endSecond()).isBetween(T0 + 11 * 60, T0 + 12 * 60 + 37);
        assertInsideTheLog(w, log);
        // too little before it: the hour after the surge, with the log's own rate
        assertThat(w.baselineStartSecond()).isEqualTo(w.endSecond());
        assertThat(w.baselineEndSecond()).isEqualTo(w.endSecond() + 3600);
        assertThat(w.baselinePerMinute()).isCloseTo(10, within(1.0));

        // and the "before" figures come from the very same window
        PeakAttribution a = new PeakAttribution(peaks);
        log.requests.forEach(a::add);
        long inWindow = log.requests.stream().map(r -> Math.floorDiv(r.timeMillis(), 1000))
                .filter(s -> s >= w.baselineStartSecond() && s < w.baselineEndSecond()).count();
        assertThat(a.requestsBefore(0)).isEqualTo(inWindow).isEqualTo(600);
        assertThat(a.errorRateBefore(0).getAsDouble()).isCloseTo(0.1, within(0.001)); // one 503 in every 10-request minute
        assertThat(a.p99BeforeMicros(0).getAsLong()).isGreaterThan(800_000);
        assertThat(a.spans()).singleElement()
                .satisfies(s -> assertThat(s.toMillis()).isEqualTo(w.baselineEndSecond() * 1000));
    }

    @Test
    void peakInTheLogsFirstMinute_surgeStartsAtTheFirstRequest() {
        long start = T0 + 20;
        Log log = new Log().burst(start, 40).flat(start, 180, 6);
        PeakWindow w = PeakFinder.find(log.traffic(), 1).get(0);
        assertThat(w.startSecond()).isEqualTo(start);
        assertThat(w.endSecond()).isEqualTo(T0 + 60);
        assertThat(w.baselinePerMinute()).isEqualTo(6);
        assertInsideTheLog(w, log);
    }

    @Test
    void peakInTheLogsLastMinute_surgeEndsAfterTheLastRequest() {
        Log log = new Log().flat(T0, 120, 6);
        long last = log.endSecond() - 1;
        log.burst(last, 40);
        PeakWindow w = PeakFinder.find(log.traffic(), 1).get(0);
        assertThat(w.busiestSecond()).isEqualTo(last);
        assertThat(w.endSecond()).isEqualTo(last + 1);
        assertThat(w.baselineEndSecond()).isEqualTo(w.startSecond());
        assertThat(w.baselineStartSecond()).isEqualTo(w.startSecond() - 3600);
        assertInsideTheLog(w, log);
    }

    @Test
    void flatLowRateLog_surgesAreOneMinute_notHours() {
        // 3 requests a minute for six hours, and five bursts of 25 requests an hour apart
        Log log = new Log().flat(T0 + 11, 6 * 60, 3);
        for (int i = 0; i < 5; i++) {
            log.burst(T0 + 1800 + i * 3600L + 7, 25);
        }
        List<PeakWindow> peaks = PeakFinder.find(log.traffic(), 5);
        assertThat(peaks).hasSize(5);
        for (PeakWindow w : peaks) {
            assertThat(w.endSecond() - w.startSecond()).as("surge length").isLessThanOrEqualTo(60);
            assertThat(w.baselinePerMinute()).isEqualTo(3);
            assertInsideTheLog(w, log);
        }
        assertDistinct(peaks);
    }

    @Test
    void sparseLog_medianOfZero_pairsInNeighbouringMinutesAreNoSurge() {
        // two requests in each of two neighbouring minutes, then three empty ones: the median minute is empty;
        // five bursts of 25 beside such pairs are the peaks, and the pairs are no part of their surges
        Log log = new Log();
        for (int m = 0; m < 360; m += 5) {
            log.minutes(T0 + m * 60L, 2, 2);
        }
        for (int i = 0; i < 5; i++) {
            log.burst(T0 + (60 + i * 60) * 60L + 30, 25);
        }
        List<PeakWindow> peaks = PeakFinder.find(log.traffic(), 5);
        assertThat(peaks).hasSize(5);
        for (PeakWindow w : peaks) {
            assertThat(w.endSecond() - w.startSecond()).as("surge length").isEqualTo(60);
            assertThat(w.baselinePerMinute()).isZero();
        }
    }

    @Test
    void laterPeaksSurge_stopsAtAnEarlierPeaksSurge() {
        // an hour at 20/min, then 70 minutes at 200/min, then 20/min again. X (busiest) near the end of the
        // busy stretch sees a busy hour before it: threshold 300/min, its surge is its own minute. Y, earlier
        // and smaller, sees a mostly quiet hour before it: threshold ~34/min, so the busy minutes are its
        // surge, which would run on through X's minute.
        Log log = new Log().flat(T0, 60, 20).flat(T0 + 3600, 70, 200).flat(T0 + 130 * 60, 60, 20);
        long x = T0 + 125 * 60 + 30;
        long y = T0 + 99 * 60 + 30;
        log.burst(x, 100).burst(y, 50);
        List<PeakWindow> peaks = PeakFinder.find(log.traffic(), 2);

        assertThat(peaks).extracting(PeakWindow::busiestSecond).containsExactly(x, y);
        PeakWindow px = peaks.get(0);
        PeakWindow py = peaks.get(1);
        assertThat(px.startSecond()).isEqualTo(T0 + 125 * 60);
        assertThat(px.endSecond()).isEqualTo(T0 + 126 * 60);
        assertThat(py.startSecond()).isEqualTo(T0 + 60 * 60);
        assertThat(py.endSecond()).isEqualTo(px.startSecond());
        assertDistinct(peaks);
        // Y's surge fills the hour before X, which baselines never include: X's baseline is the hour after
        assertThat(px.baselineStartSecond()).isEqualTo(px.endSecond());
        assertThat(px.baselinePerMinute()).isEqualTo(20);
    }

    @Test
    void baseline_leavesOutOtherPeaksSurges_inItsMedianAndItsBeforeFigures() {
        // two crowds 40 minutes apart on 10/min; the later one's hour before holds the earlier crowd
        Log log = new Log().flat(T0, 60, 10).minutes(T0 + 3600, repeat(80, 10)).flat(T0 + 70 * 60, 30, 10)
                .minutes(T0 + 100 * 60, repeat(80, 10)).flat(T0 + 110 * 60, 60, 10)
                .burst(T0 + 65 * 60, 40).burst(T0 + 105 * 60, 30);
        List<PeakWindow> peaks = PeakFinder.find(log.traffic(), 2);
        PeakWindow earlier = peaks.get(0);
        PeakWindow later = peaks.get(1);
        assertThat(later.busiestSecond()).isEqualTo(T0 + 105 * 60);
        assertThat(earlier.startSecond()).isEqualTo(T0 + 60 * 60);
        assertThat(earlier.endSecond()).isEqualTo(T0 + 70 * 60);
        assertThat(later.baselineStartSecond()).isLessThan(earlier.startSecond());
        assertThat(later.baselineEndSecond()).isEqualTo(later.startSecond());
        assertThat(later.baselinePerMinute()).isEqualTo(10);

        PeakAttribution a = new PeakAttribution(peaks);
        log.requests.forEach(a::add);
        long expected = log.requests.stream().map(r -> Math.floorDiv(r.timeMillis(), 1000))
                .filter(s -> s >= later.baselineStartSecond() && s < later.baselineEndSecond())
                .filter(s -> s < earlier.startSecond() || s >= earlier.endSecond()).count();
        assertThat(a.requestsBefore(1)).isEqualTo(expected).isEqualTo(10L * (60 - 10));
        assertThat(a.errorRateBefore(1).getAsDouble()).isCloseTo(0.1, within(0.001));
    }

    @Test
    void medianWithZeros_isTheMedianOfTheZerosAndTheValues() {
        java.util.Random random = new java.util.Random(11);
        for (int round = 0; round < 2_000; round++) {
            int zeros = random.nextInt(6);
            long[] positive = random.longs(random.nextInt(6), 1, 20).sorted().toArray();
            long[] all = new long[zeros + positive.length];
            System.arraycopy(positive, 0, all, zeros, positive.length);
            assertThat(PeakFinder.medianWithZeros(positive, zeros)).as("%d zeros and %s", zeros,
                    java.util.Arrays.toString(positive)).isEqualTo(PeakFinder.median(all));
        }
    }

    /**
     * One line from a clock 51 years off (1975) makes the covered range 27 million minutes: the median of
     * the whole log comes from its busy minutes, and the crowd is still found first (it ran out of memory).
     * The decades between count as quiet minutes, as any gap inside the covered range does, so the
     * traffic around the crowd stands out from them too.
     */
    @Test
    void aLogSpanningDecades_findsItsCrowd_withoutWalkingEveryMinute() {
        Log log = new Log().burst(187_005_600L, 1).flat(T0, 90, 10).minutes(T0 + 90 * 60, 200, 220)
                .flat(T0 + 92 * 60, 30, 10);
        List<PeakWindow> peaks = PeakFinder.find(log.traffic(), 3);
        assertThat(peaks).isNotEmpty();
        assertThat(peaks.get(0).busiestMinuteCount()).isEqualTo(220);
        assertThat(peaks.get(0).startSecond()).isEqualTo(T0 + 90 * 60);
    }
}
