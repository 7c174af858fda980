package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.PeakLoad;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.testutil.TestRequests;
import io.ngxtime.grammar.CacheStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Where a peak's load went ({@link PeakAttribution#load(int)}): each tier's excess is its surge requests less
 * its baseline share of the expected requests, so the tiers' excesses add up to the surge's; backends are
 * counted per attempt, a backend seen only before the surge is listed with none during it; split and merged
 * sides count as one pass.
 */
class PeakLoadTest {
    private static final long T0 = 1_791_187_200L;
    /** The baseline: an hour, one request a second (60 a minute). */
    private static final long SURGE = T0 + 3600;
    /** 300 requests in one minute where the baseline rate gives 60. */
    private static final PeakWindow WINDOW = new PeakWindow(SURGE, 5, SURGE, 300, SURGE, SURGE + 60, T0, SURGE, 60, 300);

    /** The baseline's mix, by i mod 10: 2 cache hits, 5 upstream (3 to 10.0.1.1, 2 to 10.0.1.2), 3 nginx. */
    private static Request mixed(Request r, long millis, int i) {
        TestRequests.get(r, millis, "/p").status(200).requestTimeMicros(1000).logged(Logged.ALL);
        int k = i % 10;
        if (k < 2) {
            r.cacheStatus(CacheStatus.HIT);
        } else if (k < 7) {
            r.addAttempt(i % 2 == 0 ? "10.0.1.1:8080" : "10.0.1.2:8080", 200, 1000, 2000, 3000, 0);
        }
        return r;
    }

    private static void feed(PeakAttribution a, int from, int to) {
        Request r = new Request();
        for (int i = from; i < to; i++) {
            if (i < 3600) {
                a.add(mixed(r, (T0 + i) * 1000, i));
            } else if (i < 3660) {
                a.add(mixed(r, SURGE * 1000 + (i - 3600) * 1000, i));
            } else {
                // the crowd: 240 cache hits in the same minute
                TestRequests.get(r, SURGE * 1000 + (i - 3660) * 250, "/p").status(200).requestTimeMicros(1000)
                        .logged(Logged.ALL);
                a.add(r.cacheStatus(CacheStatus.HIT));
            }
        }
        if (to == 3900) {
            TestRequests.get(r, (T0 + 10) * 1000, "/old").status(502).logged(Logged.ALL);
            a.add(r.addAttempt("10.0.1.9:8080", 502, 1000, 2000, 3000, 0));
        }
    }

    @Test
    void load_tiersExcessesAddUpToTheSurges_andTheCacheTookTheCrowd() {
        PeakAttribution a = new PeakAttribution(List.of(WINDOW));
        feed(a, 0, 3900);
        PeakLoad load = a.load(0);
        assertThat(load.tiers()).extracting(PeakLoad.TierShift::tier).containsExactly("nginx", "cache", "upstream");
        double sum = load.tiers().stream().mapToDouble(t -> t.excessRequests().getAsDouble()).sum();
        assertThat(sum).isCloseTo(a.requestsDuring(0) - WINDOW.expectedRequests(), within(1e-9));
        PeakLoad.TierShift cache = load.tier("cache").orElseThrow();
        assertThat(cache.requestsDuring()).isEqualTo(12 + 240);
        assertThat(cache.shareBefore().getAsDouble()).isCloseTo(720.0 / 3601, within(1e-12));
        assertThat(cache.excessRequests().getAsDouble()).isCloseTo(252 - 720.0 / 3601 * 60, within(1e-9));
        assertThat(load.tier("upstream").orElseThrow().shareDuring()).isCloseTo(30.0 / 300, within(1e-12));
        assertThat(load.tier("upstream").orElseThrow().errorRateBefore().getAsDouble()).isCloseTo(1.0 / 1801, within(1e-12));
    }

    @Test
    void load_countsBackendsPerAttempt_andListsOneSeenOnlyBefore() {
        PeakAttribution a = new PeakAttribution(List.of(WINDOW));
        feed(a, 0, 3900);
        List<PeakLoad.BackendShift> ups = a.load(0).upstreams();
        assertThat(ups).extracting(PeakLoad.BackendShift::address)
                .containsExactly("10.0.1.1:8080", "10.0.1.2:8080", "10.0.1.9:8080");
        PeakLoad.BackendShift one = ups.get(0);
        assertThat(one.attemptsDuring()).isEqualTo(18);
        assertThat(one.attemptsBefore()).isEqualTo(1080);
        assertThat(one.excessAttempts().getAsDouble()).isCloseTo(18 - 1080.0 / 3601 * 60, within(1e-9));
        PeakLoad.BackendShift gone = ups.get(2);
        assertThat(gone.attemptsDuring()).isZero();
        assertThat(gone.responseP99DuringMicros()).as("no attempt during: unknown, not 0").isEmpty();
        assertThat(gone.failedRateDuring()).isEmpty();
        assertThat(gone.failedRateBefore()).hasValue(1.0);
    }

    @Test
    void load_ofSplitAndMergedParts_equalsOnePass() {
        PeakAttribution whole = new PeakAttribution(List.of(WINDOW));
        feed(whole, 0, 3900);
        PeakAttribution first = new PeakAttribution(List.of(WINDOW));
        feed(first, 0, 3700);
        PeakAttribution second = new PeakAttribution(List.of(WINDOW));
        feed(second, 3700, 3900);
        first.merge(second);
        assertThat(first.load(0)).isEqualTo(whole.load(0));
    }

    @Test
    void load_withoutBaselineRequests_hasNoBeforeFigures() {
        PeakAttribution a = new PeakAttribution(List.of(WINDOW));
        feed(a, 3600, 3899);
        for (PeakLoad.TierShift t : a.load(0).tiers()) {
            assertThat(t.shareBefore()).as(t.tier()).isEmpty();
            assertThat(t.excessRequests()).as(t.tier()).isEmpty();
            assertThat(t.p99BeforeMicros()).as(t.tier()).isEmpty();
        }
        assertThat(a.load(0).upstreams()).allSatisfy(u -> assertThat(u.excessAttempts()).isEmpty());
    }
}
