package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
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

    /** A percentile in ms of a measured distribution; empty when it is missing (not logged, or no value). */
    private static java.util.OptionalDouble ms(Latency l, java.util.function.ToLongFunction<Percentiles> which) {
        return l.measured().map(p -> java.util.OptionalDouble.of(which.applyAsLong(p) / 1000.0))
                .orElse(java.util.OptionalDouble.empty());
    }

    /** Adds a change when both sides were measured: what was not logged is not compared. */
    private static void add(List<Comparison.Change> to, String subject, String metric, java.util.OptionalDouble before,
                            java.util.OptionalDouble after) {
        if (before.isPresent() && after.isPresent()) {
            to.add(new Comparison.Change(subject, metric, before.getAsDouble(), after.getAsDouble()));
        }
    }

    private static java.util.OptionalDouble share(java.util.OptionalLong part, long whole) {
        return part.isPresent() && whole > 0 ? java.util.OptionalDouble.of((double) part.getAsLong() / whole)
                : java.util.OptionalDouble.empty();
    }

    public static Comparison compare(Aggregation window, Aggregation baseline, long baselineFromSecond,
                                     long baselineToSecond) {
        List<Comparison.Change> changes = new ArrayList<>();
        long wn = window.summary().requests();
        long bn = baseline.summary().requests();
        changes.add(new Comparison.Change("all", "requests", bn, wn));
        add(changes, "all", "5xx rate", baseline.summary().summary().statusShare(500, 599),
                window.summary().summary().statusShare(500, 599));
        add(changes, "all", "request_time p50 ms", ms(baseline.timing().requestTime(), Percentiles::p50),
                ms(window.timing().requestTime(), Percentiles::p50));
        add(changes, "all", "request_time p99 ms", ms(baseline.timing().requestTime(), Percentiles::p99),
                ms(window.timing().requestTime(), Percentiles::p99));
        add(changes, "all", "upstream_time p99 ms", ms(baseline.timing().upstreamTime(), Percentiles::p99),
                ms(window.timing().upstreamTime(), Percentiles::p99));
        for (Tier t : Tier.values()) {
            if (baseline.timing().tierRequests(t) + window.timing().tierRequests(t) == 0) {
                continue;
            }
            changes.add(new Comparison.Change(t.key(), "requests", baseline.timing().tierRequests(t),
                    window.timing().tierRequests(t)));
            add(changes, t.key(), "request_time p99 ms", ms(baseline.timing().tierTime(t), Percentiles::p99),
                    ms(window.timing().tierTime(t), Percentiles::p99));
        }
        changes.sort(BY_CHANGE);

        Map<String, UpstreamReport> before = new HashMap<>();
        for (UpstreamReport u : ReportBuilder.upstreams(baseline.upstreams())) {
            before.put(u.address(), u);
        }
        List<Comparison.Change> ups = new ArrayList<>();
        for (UpstreamReport u : ReportBuilder.upstreams(window.upstreams())) {
            UpstreamReport b = before.get(u.address());
            if (b == null) {
                ups.add(new Comparison.Change(u.address(), "attempts", 0, u.attempts()));
                continue;
            }
            add(ups, u.address(), "response p99 ms", ms(b.response(), Percentiles::p99), ms(u.response(), Percentiles::p99));
            add(ups, u.address(), "failed attempt rate", share(b.failed(), b.attempts()), share(u.failed(), u.attempts()));
            ups.add(new Comparison.Change(u.address(), "attempts", b.attempts(), u.attempts()));
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
            if (b != null) {
                add(routes, r.route(), "p99 ms", millis(b.p99Micros()), millis(r.p99Micros()));
                add(routes, r.route(), "5xx rate", b.errorRate(), r.errorRate());
            }
        }
        routes.sort(BY_CHANGE);
        return new Comparison(baselineFromSecond, baselineToSecond, bn, changes,
                ups.subList(0, Math.min(LIMIT, ups.size())), routes.subList(0, Math.min(LIMIT, routes.size())));
    }

    private static java.util.OptionalDouble millis(java.util.OptionalLong micros) {
        return micros.isPresent() ? java.util.OptionalDouble.of(micros.getAsLong() / 1000.0) : java.util.OptionalDouble.empty();
    }
}
