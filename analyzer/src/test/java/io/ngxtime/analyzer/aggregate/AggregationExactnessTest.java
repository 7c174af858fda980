package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.Percentiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The report's numbers against exact computations over the same requests. */
class AggregationExactnessTest {
    static final List<Request> REQUESTS = SyntheticRequests.make(30_000, 7);
    static final Report REPORT = report(REQUESTS);

    static Report report(List<Request> requests) {
        Aggregation a = new Aggregation();
        requests.forEach(a::add);
        return a.report(List.of(), "test");
    }

    /** Exact nearest-rank percentile. */
    static long nearestRank(long[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** HdrHistogram with 3 significant digits: within 0.1% (plus one microsecond of bucket rounding). */
    static void assertWithinPrecision(long actual, long exact, double relative) {
        assertThat((double) actual).isCloseTo(exact, within(exact * relative + 1));
    }

    @Test
    void counts_areExact() {
        Map<Integer, Long> status = new TreeMap<>();
        long[] tiers = new long[3];
        for (Request r : REQUESTS) {
            status.merge(r.status(), 1L, Long::sum);
            tiers[r.tier().ordinal()]++;
        }
        assertThat(REPORT.summary().requests()).isEqualTo(REQUESTS.size());
        assertThat(REPORT.summary().status()).isEqualTo(status);
        for (TierReport t : REPORT.timing().tiers()) {
            assertThat(t.requests()).isEqualTo(tiers[Tier.valueOf(t.tier().toUpperCase()).ordinal()]);
        }
    }

    @Test
    void percentiles_areWithinTheHistogramPrecisionOfExactNearestRank() {
        long[] rt = REQUESTS.stream().mapToLong(Request::requestTimeMicros).filter(v -> v >= 0).sorted().toArray();
        long[] up = REQUESTS.stream().filter(r -> r.attemptCount() > 0).mapToLong(Request::upstreamTimeMicros).sorted().toArray();
        for (double p : new double[] {50, 90, 95, 99, 99.9}) {
            assertWithinPrecision(valueAt(REPORT.timing().requestTime().measured().orElseThrow(), p),
                    nearestRank(rt, p), 0.001);
            assertWithinPrecision(valueAt(REPORT.timing().upstreamTime().measured().orElseThrow(), p), nearestRank(up, p), 0.001);
        }
        assertThat(REPORT.timing().requestTime().measured().orElseThrow().max()).isEqualTo(rt[rt.length - 1]);
        assertThat(REPORT.timing().upstreamTime().measured().orElseThrow().max()).isEqualTo(up[up.length - 1]);
        for (Tier tier : Tier.values()) {
            long[] v = REQUESTS.stream().filter(r -> r.tier() == tier).mapToLong(Request::requestTimeMicros)
                    .filter(x -> x >= 0).sorted().toArray();
            if (!tier.isExact()) {
                continue; // the synthetic requests' format logs every variable: no tier is unknown
            }
            TierReport t = REPORT.timing().tier(tier.key()).orElseThrow();
            assertWithinPrecision(t.requestTime().measured().orElseThrow().p99(), nearestRank(v, 99), 0.001);
        }
    }

    private static long valueAt(Percentiles p, double percentile) {
        if (percentile == 50) {
            return p.p50();
        } else if (percentile == 90) {
            return p.p90();
        } else if (percentile == 95) {
            return p.p95();
        } else if (percentile == 99) {
            return p.p99();
        }
        return p.p999();
    }

    @Test
    void upstreamAttempts_areExactForRetriesAndRedirects() {
        Map<String, long[]> exact = new HashMap<>(); // attempts, failed, retries caused
        Map<String, List<Long>> response = new HashMap<>();
        for (Request r : REQUESTS) {
            for (int i = 0; i < r.attemptCount(); i++) {
                long[] e = exact.computeIfAbsent(r.attemptAddress(i), k -> new long[3]);
                e[0]++;
                if (r.attemptStatus(i) < 0 || r.attemptStatus(i) >= 500) {
                    e[1]++;
                }
                if (i + 1 < r.attemptCount() && r.attemptGroup(i + 1) == r.attemptGroup(i)) {
                    e[2]++;
                }
                response.computeIfAbsent(r.attemptAddress(i), k -> new ArrayList<>()).add(r.attemptResponseMicros(i));
            }
        }
        assertThat(REPORT.upstreams()).hasSize(exact.size());
        assertThat(REQUESTS.stream().anyMatch(r -> r.attemptCount() > 1 && r.attemptGroup(1) == 0)).as("has retries").isTrue();
        assertThat(REQUESTS.stream().anyMatch(r -> r.attemptCount() > 1 && r.attemptGroup(r.attemptCount() - 1) == 1))
                .as("has internal redirects").isTrue();
        for (UpstreamReport u : REPORT.upstreams()) {
            long[] e = exact.get(u.address());
            assertThat(new long[] {u.attempts(), u.failed().orElseThrow(), u.retriesCaused()}).as(u.address()).isEqualTo(e);
            long[] sorted = response.get(u.address()).stream().mapToLong(Long::longValue).sorted().toArray();
            assertWithinPrecision(u.response().measured().orElseThrow().p50(), nearestRank(sorted, 50), 0.01);
            assertWithinPrecision(u.response().measured().orElseThrow().p99(), nearestRank(sorted, 99), 0.01);
        }
    }

    @Test
    void topPeakSecond_isExact() {
        Map<Long, Long> perSecond = new HashMap<>();
        for (Request r : REQUESTS) {
            perSecond.merge(Math.floorDiv(r.timeMillis(), 1000), 1L, Long::sum);
        }
        long max = perSecond.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        long chosen = REPORT.peaks().get(0).window().busiestSecond();
        assertThat(REPORT.peaks().get(0).window().busiestSecondCount()).isEqualTo(max);
        assertThat(perSecond.get(chosen)).as("the reported second really had that many").isEqualTo(max);
        int[] series = REPORT.traffic().perSecond();
        assertThat(Arrays.stream(series).asLongStream().sum()).isEqualTo(REQUESTS.size());
    }

    @Test
    void peaks_areDistinctEventsTenMinutesApart() {
        var peaks = REPORT.peaks();
        assertThat(peaks).as("the two bursts; the random traffic around them is no peak").hasSize(2);
        for (int i = 0; i < peaks.size(); i++) {
            for (int j = i + 1; j < peaks.size(); j++) {
                long a = peaks.get(i).window().busiestSecond();
                long b = peaks.get(j).window().busiestSecond();
                assertThat(Math.abs(a - b)).isGreaterThanOrEqualTo(PeakFinder.MIN_GAP_SECONDS);
            }
            if (i > 0) {
                assertThat(peaks.get(i).window().busiestSecondCount()).isLessThanOrEqualTo(peaks.get(i - 1).window().busiestSecondCount());
            }
        }
    }
}
