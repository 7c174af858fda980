package io.ngxtime.analyzer.aggregate;

import static org.assertj.core.api.Assertions.assertThat;

import io.ngxtime.analyzer.record.Request;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.testutil.TestRequests;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The --baseline comparison: routes are compared with what the baseline really had. */
class ComparisonsTest {
    private static final long START_MILLIS = 1_791_187_200_000L;
    private final Request r = new Request();

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
    void aRouteOutsideTheBaselinesTopList_isComparedWithItsRealBaseline_notCalledNew() {
        Aggregation baseline = new Aggregation();
        for (int i = 0; i < 60; i++) {
            add(baseline, route(i), 100 - i, i == 55 ? 0 : 10_000); // route 55: 45 requests, rank 56, all under 1 ms
        }
        Aggregation window = new Aggregation();
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
        Aggregation window = new Aggregation();
        add(window, "/tiny", 20, 1_000); // 0 -> 1 ms: nothing
        add(window, "/huge", 20, 5_000_000); // under 1 ms -> 5 s
        add(window, "/doubled", 20, 200_000);
        List<String> order = Comparisons.compare(window, baseline, 0, 3600).routes().stream()
                .filter(ch -> ch.metric().equals("p99 ms")).map(Comparison.Change::subject).toList();
        assertThat(order).containsExactly("/huge", "/doubled", "/tiny");
    }

    @Test
    void errorRatesFromZero_rankByTheirSizeFromOnePercent() {
        Aggregation baseline = new Aggregation();
        add(baseline, "/a", 1000, 10_000);
        add(baseline, "/b", 1000, 10_000);
        Aggregation window = new Aggregation();
        add(window, "/a", 999, 10_000);
        addErrors(window, "/a", 1); // 0.1% 5xx: noise
        add(window, "/b", 800, 10_000);
        addErrors(window, "/b", 200); // 20% 5xx
        List<String> order = Comparisons.compare(window, baseline, 0, 3600).routes().stream()
                .filter(ch -> ch.metric().equals("5xx rate")).map(Comparison.Change::subject).toList();
        assertThat(order).containsExactly("/b", "/a");
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
        Aggregation window = new Aggregation();
        add(window, "/never-kept", 50, 10_000);
        Comparison c = Comparisons.compare(window, baseline, 0, 3600);
        assertThat(change(c, "/never-kept", "requests")).isEmpty();
    }
}
