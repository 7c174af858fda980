package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.Saturation;
import io.ngxtime.analyzer.testutil.TestRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The saturation estimate from the aggregator's minutes: a backend whose latency rises above a known load
 * is found there (within 20%), one whose latency never rises is "not reached", and the aggregator stays
 * bounded and merges exactly. The minutes are synthetic: a load that sweeps up and down over the hours,
 * Poisson-like counts, log-normal response times multiplied by {@code 1 + 4 * (load / knee - 1)} above the
 * knee (as the generator's {@code --saturate} does).
 */
class SaturationTest {
    static final long START_MILLIS = 1_791_187_200_000L; // a whole hour
    private final Request r = new Request();

    /**
     * {@code minutes} minutes of attempts at {@code address}: the load sweeps from 0.2 to {@code peakRps}
     * and back once (a day's rhythm in miniature); above {@code kneeRps} the latency climbs.
     */
    private List<Request> minutes(String address, int minutes, double peakRps, double kneeRps, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Request> out = new ArrayList<>();
        for (int m = 0; m < minutes; m++) {
            double phase = (double) m / minutes;
            double rps = 0.2 * peakRps + 0.8 * peakRps * (0.5 - 0.5 * Math.cos(2 * Math.PI * phase));
            int attempts = (int) Math.max(1, Math.round(rps * 60 + Math.sqrt(rps * 60) * rnd.nextGaussian()));
            double slowdown = rps <= kneeRps ? 1 : 1 + 4 * (rps / kneeRps - 1);
            for (int i = 0; i < attempts; i++) {
                long millis = START_MILLIS + m * 60_000L + (long) i * 60_000 / attempts;
                long micros = (long) (40_000 * slowdown * Math.exp(0.5 * rnd.nextGaussian()));
                Request q = new Request();
                TestRequests.get(q, millis, "/api").addAttempt(address, 200, 500, micros - 200, micros, 0);
                q.status(200).requestTimeMicros(micros + 300);
                out.add(q);
            }
        }
        return out;
    }

    /** The estimate from the saturation aggregator alone (the report's upstream table counts the same attempts). */
    private static Optional<Saturation> saturation(List<Request> requests, String address) {
        SaturationAggregator s = new SaturationAggregator();
        requests.forEach(s::add);
        return s.saturation(address, s.attempts(address));
    }

    private static Optional<Saturation> saturation(Aggregation a, String address) {
        return a.report(List.of("access.log"), "timing", 0).upstreams().stream().filter(u -> u.address().equals(address))
                .findFirst().orElseThrow().saturation();
    }

    @Test
    void aBackendSlowingAboveAKnownLoad_hasItsKneeFoundWithin20Percent() {
        for (double knee : new double[] {3.0, 5.0, 7.0}) {
            Saturation s = saturation(minutes("10.0.1.1:8080", 1440, 10.0, knee, 7), "10.0.1.1:8080").orElseThrow();
            assertThat(s.reached()).as("knee %s: %s", knee, s).isTrue();
            assertThat(s.kneeAttemptsPerSecond().getAsDouble()).as("knee %s: %s", knee, s).isCloseTo(knee, within(0.2 * knee));
            assertThat(s.confidence()).as("%s", s).isGreaterThanOrEqualTo(0.8);
            assertThat(s.busiestAttemptsPerSecond()).isGreaterThan(knee);
            assertThat(s.headroom().getAsDouble()).isNegative(); // its busiest minute ran past the knee
            assertThat(s.topP99Micros()).isGreaterThan(s.flatP99Micros());
        }
    }

    @Test
    void aBackendWhoseLatencyNeverRises_isNotReached_withNoRate() {
        Saturation s = saturation(minutes("10.0.1.2:8080", 1440, 10.0, 20.0, 8), "10.0.1.2:8080").orElseThrow();
        assertThat(s.reached()).as("%s", s).isFalse();
        assertThat(s.kneeAttemptsPerSecond()).isEmpty();
        assertThat(s.headroom()).isEmpty();
        assertThat(s.confidence()).isGreaterThanOrEqualTo(0.8);
        assertThat(s.busiestAttemptsPerSecond()).isBetween(9.0, 11.5);
    }

    @Test
    void tooFewMinutes_orNoResponseTimeLogged_isNotAssessed() {
        assertThat(saturation(minutes("10.0.1.1:8080", 20, 10.0, 5.0, 9), "10.0.1.1:8080")).isEmpty();

        List<Request> untimed = minutes("10.0.1.1:8080", 1440, 10.0, 5.0, 9);
        untimed.forEach(q -> q.logged(Logged.ALL & ~Logged.UPSTREAM_RESPONSE_TIME.bit()));
        assertThat(saturation(untimed, "10.0.1.1:8080")).isEmpty();
    }

    @Test
    void theFinding_namesTheBackendPushedFurthestPastItsKnee_first() {
        Aggregation a = new Aggregation();
        minutes("10.0.1.1:8080", 1440, 10.0, 7.0, 10).forEach(a::add); // busiest 10/s, 43% past a knee of 7
        minutes("10.0.1.2:8080", 1440, 10.0, 4.0, 11).forEach(a::add); // busiest 10/s, 150% past a knee of 4
        minutes("10.0.1.3:8080", 1440, 10.0, 30.0, 12).forEach(a::add); // never reached
        Finding f = a.report(List.of("access.log"), "timing", 0).findings().stream()
                .filter(x -> x.kind() == Finding.Kind.SATURATION).findFirst().orElseThrow();
        assertThat(f.items()).extracting(Finding.Item::subject).containsExactly("10.0.1.2:8080", "10.0.1.1:8080");
        assertThat(f.items().get(0).figure("rps")).isCloseTo(4.0, within(0.8));
        assertThat(f.items().get(0).figure("headroom")).isLessThan(f.items().get(1).figure("headroom"));
    }

    @Test
    void splitAggregateMerge_givesTheSameEstimateAsOnePass() {
        List<Request> all = new ArrayList<>(minutes("10.0.1.1:8080", 1440, 10.0, 5.0, 13));
        all.addAll(minutes("10.0.1.2:8080", 1440, 10.0, 20.0, 14));
        SaturationAggregator whole = new SaturationAggregator();
        all.forEach(whole::add);
        SplittableRandom rnd = new SplittableRandom(3);
        SaturationAggregator merged = new SaturationAggregator();
        int from = 0;
        while (from < all.size()) {
            int to = Math.min(all.size(), from + 1 + rnd.nextInt(60_000));
            SaturationAggregator part = new SaturationAggregator();
            all.subList(from, to).forEach(part::add);
            merged.merge(part);
            from = to;
        }
        for (String address : List.of("10.0.1.1:8080", "10.0.1.2:8080")) {
            assertThat(merged.saturation(address, merged.attempts(address)))
                    .isEqualTo(whole.saturation(address, whole.attempts(address))).isPresent();
        }
    }

    @Test
    void addresses_areBoundedToTheFirst16_theRestCountedAsUntracked() {
        SaturationAggregator s = new SaturationAggregator();
        for (int i = 0; i < SaturationAggregator.MAX_ADDRESSES + 4; i++) {
            TestRequests.get(r, START_MILLIS, "/").addAttempt("10.0.3." + i + ":80", 200, 100, 900, 1000, 0);
            s.add(r);
        }
        assertThat(s.attempts("10.0.3.0:80")).isEqualTo(1);
        assertThat(s.attempts("10.0.3.16:80")).isZero();
        assertThat(s.untrackedAttempts()).isEqualTo(4);
    }

    @Test
    void aMergeOverTheBound_keepsTheBusiest_andAPartialAddressIsNotEstimated() {
        SaturationAggregator a = new SaturationAggregator();
        SaturationAggregator b = new SaturationAggregator();
        for (int i = 0; i < SaturationAggregator.MAX_ADDRESSES; i++) {
            TestRequests.get(r, START_MILLIS, "/").addAttempt("10.0.3." + i + ":80", 200, 100, 900, 1000, 0);
            a.add(r);
        }
        for (int k = 0; k < 5; k++) { // busier than any of a's
            TestRequests.get(r, START_MILLIS, "/").addAttempt("10.0.4.1:80", 200, 100, 900, 1000, 0);
            b.add(r);
        }
        a.merge(b);
        assertThat(a.attempts("10.0.4.1:80")).isEqualTo(5);
        assertThat(a.untrackedAttempts()).isEqualTo(1); // one of a's own, each with 1 attempt
        // an address kept with fewer attempts than the upstream table counted is not estimated
        assertThat(a.saturation("10.0.4.1:80", 6)).isEmpty();
    }

    @Test
    void overAWeekOfMinutes_periodsWiden_soMemoryStaysBounded() {
        SaturationAggregator s = new SaturationAggregator();
        for (int m = 0; m <= SaturationAggregator.MAX_PERIODS; m++) {
            TestRequests.get(r, START_MILLIS + m * 60_000L, "/").addAttempt("10.0.1.1:8080", 200, 100, 900, 1000, 0);
            s.add(r);
        }
        assertThat(s.periodSeconds()).isEqualTo(120);
        assertThat(s.periods("10.0.1.1:8080")).hasSizeLessThanOrEqualTo(SaturationAggregator.MAX_PERIODS)
                .allSatisfy(p -> assertThat(p.attempts).isBetween(1L, 2L));
        assertThat(s.attempts("10.0.1.1:8080")).isEqualTo(SaturationAggregator.MAX_PERIODS + 1);
    }
}
