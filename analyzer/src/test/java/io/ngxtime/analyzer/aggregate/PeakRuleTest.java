package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.PeakWindow;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Which candidates are peaks (issue 10, item 6): flat traffic has none, flat traffic with one crowd has
 * exactly that one, and a one-second burst on a busy site counts though its minute barely moves. The
 * traffic is random (Poisson arrivals, seeded) so that flat logs have the busy seconds and minutes that
 * random arrivals really produce.
 */
class PeakRuleTest {
    /** A whole hour (epoch seconds). */
    static final long T0 = 1_791_662_400L;

    /** Per-second counts fed to a traffic aggregator, one reused request. */
    static final class Traffic {
        final TrafficAggregator aggregator = new TrafficAggregator();
        private final Request r = new Request();
        private final SplittableRandom random;

        Traffic(long seed) {
            random = new SplittableRandom(seed);
        }

        /** Random arrivals at {@code perSecond} for {@code seconds} from {@code start}. */
        Traffic poisson(long start, int seconds, double perSecond) {
            for (int i = 0; i < seconds; i++) {
                add(start + i, poisson(perSecond));
            }
            return this;
        }

        Traffic add(long second, int n) {
            for (int k = 0; k < n; k++) {
                r.clear();
                r.time(second * 1000 + 500, 0);
                r.request("GET", "/", "HTTP/1.1", null);
                r.status(200);
                aggregator.add(r);
            }
            return this;
        }

        /** Knuth's method: fine for the small means used here. */
        private int poisson(double mean) {
            double limit = Math.exp(-mean);
            double p = random.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= random.nextDouble();
                k++;
            }
            return k;
        }
    }

    @Test
    void flatTraffic_hasNoPeak() {
        for (double rate : new double[] {0.05, 2, 30}) {
            Traffic t = new Traffic(7).poisson(T0, 2 * 3600, rate);
            assertThat(PeakFinder.find(t.aggregator, 5)).as("%s req/s", rate).isEmpty();
        }
    }

    @Test
    void flatTrafficWithOneCrowd_hasExactlyOnePeak_theCrowd() {
        // 2 req/s for two hours; from 01:10 to 01:11 ten times that
        long crowd = T0 + 70 * 60;
        Traffic t = new Traffic(11).poisson(T0, 70 * 60, 2).poisson(crowd, 60, 20).poisson(crowd + 60, 49 * 60, 2);
        List<PeakWindow> peaks = PeakFinder.find(t.aggregator, 5);
        assertThat(peaks).singleElement().satisfies(w -> {
            assertThat(w.busiestSecond()).isBetween(crowd, crowd + 59);
            assertThat(w.startSecond()).isEqualTo(crowd);
            assertThat(w.endSecond()).isEqualTo(crowd + 60);
            assertThat(w.baselinePerMinute()).isBetween(110.0, 130.0);
            assertThat(w.surgeRequests()).isEqualTo(PeakRuleTest.requests(t, crowd, crowd + 60));
        });
    }

    @Test
    void quietTrafficWithOneCrowd_hasOnePeak_notSecondsOfOneRequest() {
        // 0.05 req/s (3 a minute), and five minutes at ten times that: 150 requests where 15 were due
        long crowd = T0 + 60 * 60;
        Traffic t = new Traffic(3).poisson(T0, 3600, 0.05).poisson(crowd, 300, 0.5).poisson(crowd + 300, 3300, 0.05);
        List<PeakWindow> peaks = PeakFinder.find(t.aggregator, 5);
        assertThat(peaks).singleElement().satisfies(w -> {
            assertThat(w.startSecond()).isBetween(crowd - 60, crowd + 60);
            assertThat(w.endSecond()).isBetween(crowd + 240, crowd + 360);
        });
    }

    @Test
    void aBurstOnABusySite_isAPeakByItsSecond_thoughItsMinuteBarelyMoves() {
        // 30 req/s; 300 more in one second: its minute holds 2,100 where 1,800 were due (x1.17)
        long burst = T0 + 3600 + 1234;
        Traffic t = new Traffic(5).poisson(T0, 2 * 3600, 30).add(burst, 300);
        List<PeakWindow> peaks = PeakFinder.find(t.aggregator, 5);
        assertThat(peaks).singleElement().satisfies(w -> {
            assertThat(w.busiestSecond()).isEqualTo(burst);
            assertThat((double) w.surgeRequests()).as("the minute alone would not pass")
                    .isLessThan(PeakFinder.MIN_FACTOR * w.expectedRequests());
        });
    }

    @Test
    void exceeds_needsTheFactor_theExtraRequests_andTheNoiseMargin() {
        // expected 10: 30 is x3 and +20, and 6 x sqrt(10) = 19.0 < 20
        assertThat(PeakFinder.exceeds(30, 10)).isTrue();
        assertThat(PeakFinder.exceeds(29, 10)).as("+19 < 20 extra").isFalse();
        // expected 100: 150 is x1.5 but +50 < 6 x 10; 160 passes all three
        assertThat(PeakFinder.exceeds(150, 100)).as("within the noise").isFalse();
        assertThat(PeakFinder.exceeds(160, 100)).isTrue();
        // expected 1,000: +499 is far above the noise (190) but x1.499 < x1.5
        assertThat(PeakFinder.exceeds(1499, 1000)).as("under the factor").isFalse();
        assertThat(PeakFinder.exceeds(1500, 1000)).isTrue();
        // no baseline: 20 requests are needed
        assertThat(PeakFinder.exceeds(19, 0)).isFalse();
        assertThat(PeakFinder.exceeds(20, 0)).isTrue();
    }

    static long requests(Traffic t, long from, long to) {
        long n = 0;
        for (long s = from; s < to; s++) {
            n += t.aggregator.requestsAt(s);
        }
        return n;
    }
}
