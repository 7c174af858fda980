package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.Comparison.Change;
import io.ngxtime.analyzer.report.Comparison.Kind;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares an incident window with a baseline window: what changed, ranked by how much it explains
 * ({@link Change#weight()}, in requests), so a route that went from 2 to 248 requests leads one that went
 * from 0 to 2.
 *
 * <p>Counts are compared as rates, so windows of different lengths compare fairly. A time or a share is
 * compared only where both windows have requests of that subject (a route new in the window has no
 * latency "before", which is unknown, not 0 ms). A baseline without requests gives an empty comparison
 * ({@link Comparison#baselineEmpty()}), never "0 to N" for everything.
 */
public final class Comparisons {
    static final int LIMIT = 10;

    private Comparisons() {
    }

    /**
     * Compares {@code window} with a baseline window of one log ({@code --baseline}): the baseline is as long
     * as {@code [baselineFromSecond, baselineToSecond)} says, the window as {@link #windowSeconds} says.
     */
    public static Comparison compare(Aggregation window, Aggregation baseline, long baselineFromSecond,
                                     long baselineToSecond) {
        return compare(window, baseline, baselineFromSecond, baselineToSecond,
                Math.max(1, baselineToSecond - baselineFromSecond), windowSeconds(window));
    }

    /**
     * Compares {@code window} with {@code baseline}, each as long as given: two runs ({@code compare A --vs B})
     * are not one log's adjacent windows, so each side's length is its own ({@link #windowSeconds} of each).
     *
     * @param baselineFromSecond the baseline's start (epoch second), for the report
     * @param baselineToSecond   the baseline's end (exclusive), for the report
     * @param baselineSeconds    the baseline's length, at least 1: counts are compared per second of it
     * @param windowSeconds      the window's length, at least 1
     */
    public static Comparison compare(Aggregation window, Aggregation baseline, long baselineFromSecond,
                                     long baselineToSecond, long baselineSeconds, long windowSeconds) {
        long bn = baseline.summary().requests();
        Weigher w = new Weigher(baselineSeconds, windowSeconds);
        if (bn == 0) {
            return new Comparison(baselineFromSecond, baselineToSecond, 0, w.baselineSeconds, w.windowSeconds,
                    List.of(), List.of(), List.of());
        }
        return new Comparison(baselineFromSecond, baselineToSecond, bn, w.baselineSeconds, w.windowSeconds,
                overall(window, baseline, w), top(upstreams(window, baseline, w)), top(routes(window, baseline, w)));
    }

    /**
     * The window's length in whole seconds: from its stated start (on a side left open, the second of its
     * first request) to its stated end (or the second after its last request's); at least 1.
     */
    public static long windowSeconds(Aggregation window) {
        return Math.max(1, windowEndSecond(window) - windowStartSecond(window));
    }

    /**
     * The window's start in epoch seconds: its stated start, else the second of its first request; without a request,
     * its stated end (an empty window), else 0.
     */
    public static long windowStartSecond(Aggregation window) {
        SummaryAggregator s = window.summary();
        boolean timed = s.firstMillis() >= 0; // -1 without a timed request
        TimeWindow stated = window.window();
        if (stated.hasStart()) {
            return Math.floorDiv(stated.fromMillis(), 1000);
        }
        if (timed) {
            return Math.floorDiv(s.firstMillis(), 1000);
        }
        // open at the start and no request in it: it starts where it ends (not at 1970, which made a window
        // --to T without requests 56 years long)
        return stated.hasEnd() ? Math.floorDiv(stated.toMillis() + 999, 1000) : 0;
    }

    /**
     * The window's end in epoch seconds (exclusive): its stated end, else the second after its last request's
     * (its start without a request).
     */
    public static long windowEndSecond(Aggregation window) {
        SummaryAggregator s = window.summary();
        boolean timed = s.firstMillis() >= 0; // -1 without a timed request
        TimeWindow stated = window.window();
        return stated.hasEnd() ? Math.floorDiv(stated.toMillis() + 999, 1000)
                : timed ? Math.floorDiv(s.lastMillis(), 1000) + 1 : windowStartSecond(window);
    }

    private static List<Change> overall(Aggregation window, Aggregation baseline, Weigher w) {
        List<Change> changes = new ArrayList<>();
        long bn = baseline.summary().requests();
        long wn = window.summary().requests();
        changes.add(w.count("all", "requests", bn, wn));
        if (wn > 0) {
            // over the requests whose status is logged
            w.share(changes, "all", "5xx rate", baseline.summary().summary().statusBetween(500, 599),
                    bn - baseline.summary().summary().withoutStatus(), window.summary().summary().statusBetween(500, 599),
                    wn - window.summary().summary().withoutStatus());
        }
        TimingAggregator b = baseline.timing();
        TimingAggregator a = window.timing();
        w.time(changes, "all", "request_time p50 ms", b.requestTime(), a.requestTime(), Percentiles::p50);
        w.time(changes, "all", "request_time p99 ms", b.requestTime(), a.requestTime(), Percentiles::p99);
        w.time(changes, "all", "upstream_time p99 ms", b.upstreamTime(), a.upstreamTime(), Percentiles::p99);
        for (Tier t : Tier.values()) {
            if (b.tierRequests(t) + a.tierRequests(t) > 0) {
                changes.add(w.count(t.key(), "requests", b.tierRequests(t), a.tierRequests(t)));
            }
            w.time(changes, t.key(), "request_time p99 ms", b.tierTime(t), a.tierTime(t), Percentiles::p99);
        }
        changes.sort(BY_WEIGHT);
        return changes;
    }

    private static List<Change> upstreams(Aggregation window, Aggregation baseline, Weigher w) {
        Map<String, UpstreamReport> before = new HashMap<>();
        for (UpstreamReport u : ReportAssembler.upstreams(baseline.upstreams())) {
            before.put(u.address(), u);
        }
        List<Change> ups = new ArrayList<>();
        for (UpstreamReport u : ReportAssembler.upstreams(window.upstreams())) {
            UpstreamReport b = before.get(u.address());
            ups.add(w.count(u.address(), "attempts", b == null ? 0 : b.attempts(), u.attempts()));
            if (b != null) {
                w.time(ups, u.address(), "response p99 ms", b.response(), u.response(), Percentiles::p99);
                w.share(ups, u.address(), "failed attempt rate", b.failed(), b.attempts(), u.failed(), u.attempts());
            }
        }
        return ups;
    }

    private static List<Change> routes(Aggregation window, Aggregation baseline, Weigher w) {
        // every route the baseline kept, not only its busiest: a route outside the baseline's top list
        // was there all the same, and calling it new ranked false changes first
        Map<String, TopK.Entry<RouteStats>> before = new HashMap<>();
        for (TopK.Entry<RouteStats> e : baseline.routes().routes().sorted()) {
            before.put(e.key(), e);
        }
        boolean baselineComplete = !baseline.routes().routes().isApproximate();
        List<Change> routes = new ArrayList<>();
        for (TopK.Entry<RouteStats> r : window.routes().routes().sorted()) {
            TopK.Entry<RouteStats> b = before.get(r.key());
            if (b == null && !baselineComplete) {
                continue; // evicted from the baseline's bounded sketch or absent: unknown, so not compared
            }
            routes.add(w.count(r.key(), "requests", b == null ? 0 : b.count(), r.count()));
            if (b == null) {
                continue;
            }
            RouteStats bs = b.value();
            RouteStats rs = r.value();
            long bTimed = bs.requestTime().count();
            long rTimed = rs.requestTime().count();
            if (bTimed > 0 && rTimed > 0) {
                routes.add(w.time(r.key(), "p99 ms", bs.requestTime().quantile(0.99) / 1000.0,
                        rs.requestTime().quantile(0.99) / 1000.0, rTimed));
            }
            if (bs.errorRate().isPresent() && rs.errorRate().isPresent()) {
                routes.add(w.share(r.key(), "5xx rate", bs.errors5xx(), bs.statusLogged(), rs.errors5xx(), rs.statusLogged()));
            }
        }
        return routes;
    }

    /** Most weight first; ties in a fixed order so that reports are deterministic. */
    private static final Comparator<Change> BY_WEIGHT = Comparator.comparingDouble(Change::weight).reversed()
            .thenComparing(Change::subject).thenComparing(Change::metric);

    private static List<Change> top(List<Change> changes) {
        changes.sort(BY_WEIGHT);
        return changes.subList(0, Math.min(LIMIT, changes.size()));
    }

    /** Builds changes and their weights for two windows of known lengths. */
    private record Weigher(long baselineSeconds, long windowSeconds) {
        Change count(String subject, String metric, long before, long after) {
            double beforeRate = (double) before / baselineSeconds;
            double afterRate = (double) after / windowSeconds;
            // the product first: a prediction that is a whole number comes out exact (497 at the same rate
            // over the same length is +0, not a rounding error that ranks as a change)
            double excess = after - (double) before * windowSeconds / baselineSeconds;
            return new Change(subject, metric, Kind.COUNT, before, after,
                    new Comparison.PerSecond(beforeRate, afterRate, excess), Math.abs(excess));
        }

        /** A share: {@code beforePart / beforeWhole} against {@code afterPart / afterWhole}, both wholes above 0. */
        Change share(String subject, String metric, long beforePart, long beforeWhole, long afterPart, long afterWhole) {
            double before = (double) beforePart / beforeWhole;
            double after = (double) afterPart / afterWhole;
            return new Change(subject, metric, Kind.SHARE, before, after, null, Math.abs(after - before) * afterWhole);
        }

        /** A time in ms, over {@code timed} requests of the window; both counted from 1 ms up. */
        Change time(String subject, String metric, double beforeMillis, double afterMillis, long timed) {
            double logRatio = Math.log(Math.max(1, afterMillis) / Math.max(1, beforeMillis));
            return new Change(subject, metric, Kind.MILLIS, beforeMillis, afterMillis, null, timed * Math.abs(logRatio));
        }

        /** Adds a percentile's change when both windows measured it (a time not logged is not compared). */
        void time(List<Change> to, String subject, String metric, Latency before, Latency after,
                  java.util.function.ToLongFunction<Percentiles> micros) {
            if (before.measured().isPresent() && after.measured().isPresent()) {
                Percentiles b = before.measured().get();
                Percentiles a = after.measured().get();
                to.add(time(subject, metric, micros.applyAsLong(b) / 1000.0, micros.applyAsLong(a) / 1000.0, a.count()));
            }
        }

        /** A share whose parts may be unknown ({@code $status} or {@code $upstream_status} not logged): added only when both are known. */
        void share(List<Change> to, String subject, String metric, java.util.OptionalLong beforePart, long beforeWhole,
                   java.util.OptionalLong afterPart, long afterWhole) {
            if (beforePart.isPresent() && afterPart.isPresent() && beforeWhole > 0 && afterWhole > 0) {
                to.add(share(subject, metric, beforePart.getAsLong(), beforeWhole, afterPart.getAsLong(), afterWhole));
            }
        }
    }
}
