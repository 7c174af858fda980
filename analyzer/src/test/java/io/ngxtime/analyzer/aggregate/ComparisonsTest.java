package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.testutil.TestRequests;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The --baseline comparison: routes are compared with what the baseline really had, changes are ranked by
 * how many requests they concern, counts are compared as rates, and an empty baseline compares nothing.
 * Expected values are worked out by hand from the requests each test adds.
 */
class ComparisonsTest {
    private static final long START_MILLIS = 1_791_187_200_000L;
    private static final long HOUR_MILLIS = 3_600_000L;
    private final Request r = new Request();

    /** An aggregation of the hour from {@code START_MILLIS}, as the reader would window it. */
    private static Aggregation hour() {
        Aggregation a = new Aggregation();
        a.window(TimeWindow.between(START_MILLIS, START_MILLIS + HOUR_MILLIS));
        return a;
    }

    /** A route name without digits (digits would be collapsed to :id). */
    private static String route(int i) {
        return "/r" + (char) ('a' + i / 26) + (char) ('a' + i % 26);
    }

    private void add(Aggregation a, String path, int requests, long requestTimeMicros) {
        for (int i = 0; i < requests; i++) {
            TestRequests.get(r, START_MILLIS + i, path).status(200).requestTimeMicros(requestTimeMicros);
            a.add(r);
        }
    }

    private static Optional<Comparison.Change> change(Comparison c, String route, String metric) {
        return c.routes().stream().filter(ch -> ch.subject().equals(route) && ch.metric().equals(metric)).findFirst();
    }

    @Test
    void aWindowOpenAtItsStart_withoutARequest_isEmpty_notSinceNineteenSeventy() {
        Aggregation none = new Aggregation();
        none.window(TimeWindow.between(Long.MIN_VALUE, 1_791_237_600_000L));
        assertThat(Comparisons.windowStartSecond(none)).isEqualTo(1_791_237_600L);
        assertThat(Comparisons.windowEndSecond(none)).isEqualTo(1_791_237_600L);
        assertThat(Comparisons.windowSeconds(none)).isEqualTo(1);
    }

    @Test
    void aRouteOutsideTheBaselinesTopList_isComparedWithItsRealBaseline_notCalledNew() {
        Aggregation baseline = new Aggregation();
        for (int i = 0; i < 60; i++) {
            add(baseline, route(i), 100 - i, i == 55 ? 0 : 10_000); // route 55: 45 requests, rank 56, all under 1 ms
        }
        Aggregation window = hour();
        add(window, route(55), 500, 5_000_000);
        add(window, "/brand-new", 300, 10_000);
        for (int i = 0; i < 10; i++) {
            add(window, route(i), 10, 10_000);
        }
        Comparison c = Comparisons.compare(window, baseline, 0, 3600);

        Comparison.Change requests = change(c, route(55), "requests").orElseThrow();
        assertThat(requests.before()).isEqualTo(45);
        assertThat(requests.after()).isEqualTo(500);
        assertThat(change(c, route(55), "p99 ms").orElseThrow().before()).as("under 1 ms, but there").isZero();
        Comparison.Change fresh = change(c, "/brand-new", "requests").orElseThrow();
        assertThat(fresh.before()).isZero();
        assertThat(fresh.ratio()).isInfinite();
    }

    @Test
    void timesFromUnderOneMillisecond_rankByTheirSizeFromOneMillisecond() {
        Aggregation baseline = new Aggregation();
        add(baseline, "/tiny", 20, 0);
        add(baseline, "/huge", 20, 0);
        add(baseline, "/doubled", 20, 100_000);
        Aggregation window = hour();
        add(window, "/tiny", 20, 1_000); // 0 -> 1 ms: nothing
        add(window, "/huge", 20, 5_000_000); // under 1 ms -> 5 s
        add(window, "/doubled", 20, 200_000);
        List<String> order = Comparisons.compare(window, baseline, 0, 3600).routes().stream()
                .filter(ch -> ch.metric().equals("p99 ms")).map(Comparison.Change::subject).toList();
        assertThat(order).containsExactly("/huge", "/doubled", "/tiny");
    }

    @Test
    void errorRates_rankByTheRequestsInTheChangedShare_soOneErrorInAThousandIsNoise() {
        Aggregation baseline = new Aggregation();
        add(baseline, "/a", 1000, 10_000);
        add(baseline, "/b", 1000, 10_000);
        Aggregation window = hour();
        add(window, "/a", 999, 10_000);
        addErrors(window, "/a", 1); // 0.1% 5xx: noise
        add(window, "/b", 800, 10_000);
        addErrors(window, "/b", 200); // 20% 5xx
        List<Comparison.Change> rates = Comparisons.compare(window, baseline, 0, 3600).routes().stream()
                .filter(ch -> ch.metric().equals("5xx rate")).toList();
        assertThat(rates).extracting(Comparison.Change::subject).containsExactly("/b", "/a");
        // 20% of 1000 is 200 requests more in 5xx; 0.1% of 1000 is one
        assertThat(rates.get(0).weight()).isCloseTo(200, within(1e-9));
        assertThat(rates.get(1).weight()).isCloseTo(1, within(1e-9));
    }

    private void addErrors(Aggregation a, String path, int requests) {
        for (int i = 0; i < requests; i++) {
            TestRequests.get(r, START_MILLIS + i, path).status(502).requestTimeMicros(10_000);
            a.add(r);
        }
    }

    @Test
    void whenTheBaselinesRouteSketchOverflowed_anAbsentRouteIsNotClaimedNew() {
        Aggregation baseline = new Aggregation();
        for (int i = 0; i < RouteAggregator.MAX_ROUTES * 2; i++) {
            add(baseline, "/x" + (char) ('a' + i / 676 % 26) + (char) ('a' + i / 26 % 26) + (char) ('a' + i % 26), 1, 10_000);
        }
        assertThat(baseline.routes().routes().isApproximate()).isTrue();
        Aggregation window = hour();
        add(window, "/never-kept", 50, 10_000);
        Comparison c = Comparisons.compare(window, baseline, 0, 3600);
        assertThat(change(c, "/never-kept", "requests")).isEmpty();
    }

    @Test
    void aRouteThatGrewFromTwoTo248_leadsRoutesThatAppearedWithTwo() {
        Aggregation baseline = new Aggregation();
        add(baseline, "/steady", 600, 10_000);
        add(baseline, "/promo/1", 2, 10_000);
        Aggregation window = hour();
        add(window, "/steady", 600, 10_000);
        add(window, "/promo/1", 248, 10_000);
        add(window, "/fresh-a", 2, 10_000);
        add(window, "/fresh-b", 2, 10_000);
        Comparison c = Comparisons.compare(window, baseline, 0, 3600);

        assertThat(c.routes().get(0).subject()).isEqualTo("/promo/:id");
        Comparison.Change promo = change(c, "/promo/:id", "requests").orElseThrow();
        assertThat(promo.before()).isEqualTo(2);
        assertThat(promo.after()).isEqualTo(248);
        assertThat(promo.perSecond().excessRequests()).as("248 - 2 in equal windows").isCloseTo(246, within(1e-9));
        assertThat(promo.weight()).isCloseTo(246, within(1e-9));
        Comparison.Change fresh = change(c, "/fresh-a", "requests").orElseThrow();
        assertThat(fresh.before()).isZero();
        assertThat(fresh.weight()).isCloseTo(2, within(1e-9));
        assertThat(c.routes().indexOf(fresh)).isGreaterThan(c.routes().indexOf(promo));
        assertThat(change(c, "/steady", "requests").orElseThrow().weight()).as("no change").isZero();
        assertThat(change(c, "/fresh-a", "p99 ms")).as("no baseline latency to compare with").isEmpty();
        assertThat(change(c, "/fresh-a", "5xx rate")).as("no baseline share to compare with").isEmpty();
    }

    @Test
    void windowsOfDifferentLengths_compareRates_notCounts() {
        // baseline: two hours with 1,200 of /a (1/6 per second) and 100 of /b; window: one hour
        Aggregation baseline = new Aggregation();
        add(baseline, "/a", 1200, 10_000);
        add(baseline, "/b", 100, 10_000);
        Aggregation window = hour();
        add(window, "/a", 600, 10_000);
        add(window, "/b", 150, 10_000);
        Comparison c = Comparisons.compare(window, baseline, 0, 7200);

        assertThat(c.baselineSeconds()).isEqualTo(7200);
        assertThat(c.windowSeconds()).isEqualTo(3600);
        Comparison.Change a = change(c, "/a", "requests").orElseThrow();
        assertThat(a.before()).as("counts stay counts").isEqualTo(1200);
        assertThat(a.after()).isEqualTo(600);
        assertThat(a.perSecond().before()).isCloseTo(1200 / 7200.0, within(1e-12));
        assertThat(a.perSecond().after()).isCloseTo(600 / 3600.0, within(1e-12));
        assertThat(a.ratio()).as("the same rate, not halved").isCloseTo(1, within(1e-12));
        assertThat(a.perSecond().excessRequests()).isCloseTo(0, within(1e-9));
        Comparison.Change b = change(c, "/b", "requests").orElseThrow();
        assertThat(b.perSecond().excessRequests()).as("150 - 100 x 3600/7200").isCloseTo(100, within(1e-9));
        assertThat(b.ratio()).isCloseTo(3, within(1e-12));
        Comparison.Change all = c.changes().stream().filter(ch -> ch.subject().equals("all")
                && ch.metric().equals("requests")).findFirst().orElseThrow();
        assertThat(all.perSecond().excessRequests()).as("750 - 1300 / 2").isCloseTo(100, within(1e-9));
    }

    @Test
    void equalCounts_overEqualLengths_haveNoExcessAtAll_notARoundingErrorThatRanksAsAChange() {
        // 472 / 3600 x 3600 is 471.99999999999994 in doubles: a weight of 6e-14 ranked "+0 requests" as a change
        Aggregation baseline = hour();
        add(baseline, "/api/config", 472, 10_000);
        Aggregation window = hour();
        add(window, "/api/config", 472, 10_000);
        Comparison c = Comparisons.compare(window, baseline, 0, 3600);
        Comparison.Change config = change(c, "/api/config", "requests").orElseThrow();
        assertThat(config.perSecond().excessRequests()).isZero();
        assertThat(config.weight()).isZero();
    }

    @Test
    void twoRuns_eachAsLongAsGiven_compareRatesOverTheirOwnLengths() {
        // compare A --vs B: A is 1 h with 600 of /a; B is 2 h with 1,200: the same rate, no excess
        Aggregation a = hour();
        add(a, "/a", 600, 10_000);
        Aggregation b = new Aggregation();
        b.window(TimeWindow.between(START_MILLIS, START_MILLIS + 2 * HOUR_MILLIS));
        add(b, "/a", 1200, 10_000);
        long from = Comparisons.windowStartSecond(a);
        Comparison c = Comparisons.compare(b, a, from, Comparisons.windowEndSecond(a), Comparisons.windowSeconds(a),
                Comparisons.windowSeconds(b));
        assertThat(c.baselineSeconds()).isEqualTo(3600);
        assertThat(c.windowSeconds()).isEqualTo(7200);
        assertThat(c.baselineFromSecond()).isEqualTo(START_MILLIS / 1000);
        Comparison.Change route = change(c, "/a", "requests").orElseThrow();
        assertThat(route.ratio()).isEqualTo(1.0);
        assertThat(route.perSecond().excessRequests()).isZero();
    }

    @Test
    void anOpenWindow_lastsFromItsFirstRequestToTheSecondAfterItsLast() {
        Aggregation window = new Aggregation();
        TestRequests.get(r, START_MILLIS + 500, "/a").status(200);
        window.add(r);
        TestRequests.get(r, START_MILLIS + 89_250, "/a").status(200);
        window.add(r);
        assertThat(Comparisons.windowSeconds(window)).as("seconds 0 to 89, both in").isEqualTo(90);
        window.window(TimeWindow.since(START_MILLIS));
        assertThat(Comparisons.windowSeconds(window)).isEqualTo(90);
        window.window(TimeWindow.between(Long.MIN_VALUE, START_MILLIS + HOUR_MILLIS));
        assertThat(Comparisons.windowSeconds(window)).isEqualTo(3600);
    }

    @Test
    void timeChanges_areWeighedByTheRequestsTheyConcern() {
        // /big: 1,000 requests from 100 to 200 ms: 1000 x ln 2 = 693; /small: 10 requests from 100 ms to 10 s:
        // 10 x ln 100 = 46. Twice as slow for many outweighs a hundred times as slow for a few.
        Aggregation baseline = new Aggregation();
        add(baseline, "/big", 1000, 100_000);
        add(baseline, "/small", 10, 100_000);
        Aggregation window = hour();
        add(window, "/big", 1000, 200_000);
        add(window, "/small", 10, 10_000_000);
        List<Comparison.Change> times = Comparisons.compare(window, baseline, 0, 3600).routes().stream()
                .filter(ch -> ch.metric().equals("p99 ms")).toList();
        assertThat(times).extracting(Comparison.Change::subject).containsExactly("/big", "/small");
        assertThat(times.get(0).weight()).isCloseTo(1000 * Math.log(2), within(1000 * Math.log(2) * 0.07));
        assertThat(times.get(1).weight()).isCloseTo(10 * Math.log(100), within(10 * Math.log(100) * 0.02));
    }

    @Test
    void aBaselineWithoutRequests_saysSo_andListsNoChangeFromZero() {
        Aggregation window = hour();
        add(window, "/a", 5091, 10_000);
        Comparison c = Comparisons.compare(window, new Aggregation(), 0, 3600);
        assertThat(c.baselineEmpty()).isTrue();
        assertThat(c.baselineRequests()).isZero();
        assertThat(c.changes()).isEmpty();
        assertThat(c.upstreams()).isEmpty();
        assertThat(c.routes()).isEmpty();
    }
}
