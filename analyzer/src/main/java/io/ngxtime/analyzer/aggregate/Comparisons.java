package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Compares an incident window with a baseline window: what changed most, ranked. */
public final class Comparisons {
    static final int LIMIT = 10;

    private Comparisons() {
    }

    private static double rate(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    /**
     * Larger relative change first; a change from or to zero counts as large, except for times, which
     * are compared from 1 ms up (nginx logs whole milliseconds, so a p99 of 0 is "under 1 ms", and 0 to
     * 1 ms is no change worth ranking first) and rates from 1% up (0 to 0.1% 5xx is noise, not news).
     */
    private static final Comparator<Comparison.Change> BY_CHANGE = Comparator.comparingDouble(c -> {
        double r = c.metric().endsWith(" ms") ? Math.max(1, c.after()) / Math.max(1, c.before())
                : c.metric().endsWith(" rate") ? Math.max(0.01, c.after()) / Math.max(0.01, c.before()) : c.ratio();
        if (Double.isInfinite(r)) {
            return -1e9 - c.after();
        }
        return -Math.abs(Math.log(Math.max(r, 1e-9)));
    });

    public static Comparison compare(Aggregation window, Aggregation baseline, long baselineFromSecond,
                                     long baselineToSecond) {
        List<Comparison.Change> changes = new ArrayList<>();
        long wn = window.summary().requests();
        long bn = baseline.summary().requests();
        changes.add(new Comparison.Change("all", "requests", bn, wn));
        changes.add(new Comparison.Change("all", "5xx rate", rate(baseline.summary().summary().statusBetween(500, 599), bn),
                rate(window.summary().summary().statusBetween(500, 599), wn)));
        changes.add(new Comparison.Change("all", "request_time p50 ms", baseline.timing().requestTime().p50() / 1000.0,
                window.timing().requestTime().p50() / 1000.0));
        changes.add(new Comparison.Change("all", "request_time p99 ms", baseline.timing().requestTime().p99() / 1000.0,
                window.timing().requestTime().p99() / 1000.0));
        changes.add(new Comparison.Change("all", "upstream_time p99 ms", baseline.timing().upstreamTime().p99() / 1000.0,
                window.timing().upstreamTime().p99() / 1000.0));
        for (Tier t : Tier.values()) {
            changes.add(new Comparison.Change(t.key(), "requests", baseline.timing().tierRequests(t),
                    window.timing().tierRequests(t)));
            changes.add(new Comparison.Change(t.key(), "request_time p99 ms", baseline.timing().tierTime(t).p99() / 1000.0,
                    window.timing().tierTime(t).p99() / 1000.0));
        }
        changes.sort(BY_CHANGE);

        Map<String, UpstreamReport> before = new HashMap<>();
        for (UpstreamReport u : ReportBuilder.upstreams(baseline.upstreams())) {
            before.put(u.address(), u);
        }
        List<Comparison.Change> ups = new ArrayList<>();
        for (UpstreamReport u : ReportBuilder.upstreams(window.upstreams())) {
            UpstreamReport b = before.get(u.address());
            ups.add(new Comparison.Change(u.address(), "response p99 ms", b == null ? 0 : b.response().p99() / 1000.0,
                    u.response().p99() / 1000.0));
            ups.add(new Comparison.Change(u.address(), "failed attempt rate", b == null ? 0 : rate(b.failed(), b.attempts()),
                    rate(u.failed(), u.attempts())));
            ups.add(new Comparison.Change(u.address(), "attempts", b == null ? 0 : b.attempts(), u.attempts()));
        }
        ups.sort(BY_CHANGE);

        // every route the baseline kept, not only its busiest: a route outside the baseline's top list
        // was there all the same, and calling it new ranked false changes first
        Map<String, RouteReport> routesBefore = new HashMap<>();
        for (TopK.Entry<RouteStats> e : baseline.routes().routes().sorted()) {
            routesBefore.put(e.key(), ReportBuilder.route(e));
        }
        boolean baselineComplete = !baseline.routes().routes().isApproximate();
        List<Comparison.Change> routes = new ArrayList<>();
        for (RouteReport r : ReportBuilder.routes(window.routes()).routes()) {
            RouteReport b = routesBefore.get(r.route());
            if (b == null && !baselineComplete) {
                continue; // evicted from the baseline's bounded sketch or absent: unknown, so not compared
            }
            routes.add(new Comparison.Change(r.route(), "requests", b == null ? 0 : b.requests(), r.requests()));
            routes.add(new Comparison.Change(r.route(), "p99 ms", b == null ? 0 : b.p99Micros() / 1000.0, r.p99Micros() / 1000.0));
            routes.add(new Comparison.Change(r.route(), "5xx rate", b == null ? 0 : b.errorRate(), r.errorRate()));
        }
        routes.sort(BY_CHANGE);
        return new Comparison(baselineFromSecond, baselineToSecond, bn, changes,
                ups.subList(0, Math.min(LIMIT, ups.size())), routes.subList(0, Math.min(LIMIT, routes.size())));
    }
}
