package io.ngxtime.generator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The traffic has the rhythm, flash crowds and spike the generator promises. */
class TrafficShapeTest {

    private static GeneratorConfig quiet(String start, Duration duration, double rate) {
        return GeneratorConfig.defaults().withStart(OffsetDateTime.parse(start)).withDuration(duration)
                .withBaseRatePerSecond(rate).withPeaks(0).withSpike(false);
    }

    private static long sum(int[] perSecond, int from, int to) {
        long s = 0;
        for (int i = from; i < to; i++) {
            s += perSecond[i];
        }
        return s;
    }

    @Test
    void dailyFactor_troughAtThreePeakAtFifteen() {
        assertThat(TrafficModel.dailyFactor(3.0)).isCloseTo(0.2, within(1e-9));
        assertThat(TrafficModel.dailyFactor(15.0)).isCloseTo(1.6, within(1e-9));
        assertThat(TrafficModel.weeklyFactor(3)).isEqualTo(1.0);
        assertThat(TrafficModel.weeklyFactor(6)).isEqualTo(0.6);
        assertThat(TrafficModel.weeklyFactor(7)).isEqualTo(0.6);
    }

    private static GroundTruth wednesday;

    @BeforeAll
    static void generateWednesday() throws IOException {
        wednesday = LogGenerator.generate(quiet("2026-10-07T00:00:00-07:00", Duration.ofDays(1), 0.03),
                new ByteArrayOutputStream());
    }

    @Test
    void generate_weekdayBusierThanWeekendDay() throws IOException {
        GroundTruth saturday = LogGenerator.generate(quiet("2026-10-10T00:00:00-07:00", Duration.ofDays(1), 0.03),
                new ByteArrayOutputStream());
        // expected ratio 1 / 0.6
        assertThat((double) wednesday.requests() / saturday.requests()).isBetween(1.45, 1.9);
    }

    @Test
    void generate_afternoonBusierThanNight() {
        int[] s = wednesday.requestsPerSecond();
        long night = sum(s, 2 * 3600, 5 * 3600);
        long afternoon = sum(s, 13 * 3600, 16 * 3600);
        // expected ratio about 1.56 / 0.22
        assertThat(afternoon).isGreaterThan(4 * night);
    }

    /** One request of the crowded run, as the tests below need it. */
    private record Seen(int second, int status, int crowd, boolean promo, String target, String referer,
                        String address, long headerMillis, boolean upstream, boolean retried, boolean redirected) {
    }

    private static GeneratorConfig crowded;
    private static GroundTruth crowdedTruth;
    private static final List<Seen> SEEN = new ArrayList<>();

    /** Four weekday hours with two flash crowds, generated once for the crowd tests. */
    @BeforeAll
    static void generateCrowdedRun() throws IOException {
        crowded = quiet("2026-10-07T11:00:00-07:00", Duration.ofHours(4), 1.0).withPeaks(2);
        long startMillis = crowded.startMillis();
        crowdedTruth = LogGenerator.generate(crowded, new ByteArrayOutputStream(), (line, from, to, r, malformed) -> {
            if (r == null) {
                return;
            }
            boolean okAppAttempt = r.attemptCount > 0 && r.attemptServer[0] < Upstreams.GROUP_A_SIZE
                    && r.attemptStatus[0] == 200 && r.attemptHeaderMillis[0] >= 0;
            int n = r.attemptCount;
            boolean retried = n > 1 && r.attemptGroup[1] == r.attemptGroup[0];
            boolean redirected = n > 1 && r.attemptGroup[n - 1] != r.attemptGroup[0];
            SEEN.add(new Seen((int) ((r.timeMillis - startMillis) / 1000), r.status, r.crowdIndex,
                    r.route == Route.PROMO, r.target.toString(), r.referer.toString(), r.clientAddress.toString(),
                    okAppAttempt ? r.attemptHeaderMillis[0] : -1, n > 0, retried, redirected));
        });
    }

    @Test
    void generate_flashCrowds_busiestSecondWellAboveBaselineAndMostlyOnePromoRoute() {
        GroundTruth t = crowdedTruth;
        assertThat(t.peaks()).hasSize(2);
        for (int i = 0; i < 2; i++) {
            int crowd = i;
            GroundTruth.Peak p = t.peaks().get(i);
            assertThat(Duration.between(p.start(), p.end()).toSeconds()).isBetween(300L, 1200L);
            assertThat(p.peakMultiplier()).isBetween(5.0, 10.0);
            assertThat(p.busiestSecond().requests()).as("peak %d busiest second", i)
                    .isGreaterThan((int) Math.ceil(3 * p.baselinePerSecond()) + 3);
            List<Seen> mine = SEEN.stream().filter(s -> s.crowd() == crowd).toList();
            assertThat(p.crowdRequests()).isEqualTo(mine.size()).isGreaterThan(400);
            assertThat(mine.stream().filter(Seen::promo).count() / (double) mine.size()).isGreaterThan(0.6);
            String network = new String(new ClientPool().crowdNetwork(i), StandardCharsets.US_ASCII);
            assertThat(p.network()).isEqualTo(network + "0/24");
            for (Seen s : mine) {
                assertThat(s.address()).startsWith(network);
                assertThat(s.referer()).satisfiesAnyOf(
                        ref -> assertThat(ref).isEqualTo(RequestSampler.PARTNER_REFERER),
                        ref -> assertThat(ref).startsWith("https://shop.example.com/promo/"));
                if (s.promo()) {
                    assertThat(s.target()).isEqualTo(p.route());
                }
            }
        }
        assertThat(t.peaks().get(0).route()).isEqualTo("/promo/4711");
    }

    @Test
    void generate_flashCrowd_errorsAndLatencyRise() {
        List<CrowdWindow> windows = windows();
        long errorsIn = 0;
        long allIn = 0;
        long errorsOut = 0;
        long allOut = 0;
        List<Long> headerIn = new ArrayList<>();
        List<Long> headerOut = new ArrayList<>();
        for (Seen s : SEEN) {
            boolean in = windows.stream().anyMatch(w -> w.contains(s.second()));
            boolean error = s.status() == 499 || s.status() == 502 || s.status() == 504;
            if (in) {
                allIn++;
                errorsIn += error ? 1 : 0;
            } else {
                allOut++;
                errorsOut += error ? 1 : 0;
            }
            if (s.headerMillis() >= 0) {
                (in ? headerIn : headerOut).add(s.headerMillis());
            }
        }
        assertThat((double) errorsIn / allIn).isGreaterThan(2.0 * errorsOut / allOut);
        assertThat(median(headerIn)).isGreaterThan(2 * median(headerOut));
    }

    private static List<CrowdWindow> windows() {
        List<CrowdWindow> windows = new ArrayList<>();
        for (GroundTruth.Peak p : crowdedTruth.peaks()) {
            windows.add(new CrowdWindow((int) Duration.between(crowded.start(), p.start()).toSeconds(),
                    (int) Duration.between(crowded.start(), p.end()).toSeconds()));
        }
        return windows;
    }

    private record CrowdWindow(int from, int to) {
        boolean contains(int second) {
            return second >= from && second < to;
        }
    }

    private static long median(List<Long> values) {
        return values.stream().sorted().skip(values.size() / 2).findFirst().orElseThrow();
    }

    @Test
    void generate_spike_isTheBusiestSecondByFar() throws IOException {
        GeneratorConfig config = quiet("2026-10-07T10:00:00-07:00", Duration.ofHours(2), 1.0).withSpike(true).withPeaks(1);
        GroundTruth t = LogGenerator.generate(config, new ByteArrayOutputStream());
        assertThat(t.spike()).isNotNull();
        assertThat(t.spike()).isEqualTo(t.busiestSecond());
        assertThat(t.spike().requests()).isGreaterThanOrEqualTo(50);
        int[] s = t.requestsPerSecond();
        int spikeIndex = (int) Duration.between(config.start(), t.spike().time()).toSeconds();
        int[] others = Arrays.copyOf(s, s.length);
        others[spikeIndex] = 0;
        assertThat(t.spike().requests()).isGreaterThan(2 * Arrays.stream(others).max().orElseThrow());
        // the minute around it is not much busier: averaging per minute would hide it
        long minute = sum(s, spikeIndex - spikeIndex % 60, spikeIndex - spikeIndex % 60 + 60);
        assertThat(minute / 60.0).isLessThan(t.spike().requests() / 10.0);
    }

    @Test
    void generate_outsideCrowds_retriesAndRedirectsAboutTheAdvertisedShares() {
        List<CrowdWindow> windows = windows();
        List<Seen> calm = SEEN.stream().filter(Seen::upstream)
                .filter(s -> windows.stream().noneMatch(w -> w.contains(s.second()))).toList();
        assertThat(calm.size()).isGreaterThan(4000);
        assertThat(calm.stream().filter(Seen::retried).count() / (double) calm.size()).isBetween(0.005, 0.02);
        assertThat(calm.stream().filter(Seen::redirected).count() / (double) calm.size()).isBetween(0.002, 0.01);
        GroundTruth t = crowdedTruth;
        assertThat(t.upstreamExceedsRequest()).isPositive();
        assertThat(t.upstreamExceedsRequest() / (double) t.requestsByTier().get("upstream")).isLessThan(0.05);
        assertThat(t.requestsByTier().get("cache")).isPositive();
        assertThat(t.requestsByTier().get("nginx")).isPositive();
        assertThat(t.attemptsByAddress().get("10.0.1.3:8080")).isPositive();
    }
}
