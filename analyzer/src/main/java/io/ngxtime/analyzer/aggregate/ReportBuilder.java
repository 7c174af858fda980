package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.Ranked;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.RoutesReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.TrafficReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns aggregators into the immutable report model. */
final class ReportBuilder {
    /** Routes listed in a report. */
    static final int TOP_ROUTES = 50;
    static final int TOP_PATHS = 20;
    static final int TOP_CLIENTS = 20;

    private ReportBuilder() {
    }

    static TimingReport timing(TimingAggregator t) {
        long total = 0;
        for (Tier tier : Tier.values()) {
            total += t.tierRequests(tier);
        }
        List<TierReport> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            long n = t.tierRequests(tier);
            tiers.add(new TierReport(tier.key(), n, total == 0 ? 0 : (double) n / total, t.tierTime(tier)));
        }
        return new TimingReport(tiers, t.requestTime(), t.upstreamTime(), t.upstreamConnect(), t.upstreamHeader(),
                t.nginxTime(), t.upstreamExceedsRequest(), t.withoutRequestTime(), LatencyHistogram.PRECISE);
    }

    static List<UpstreamReport> upstreams(UpstreamAggregator u) {
        List<UpstreamReport> out = new ArrayList<>();
        for (TopK.Entry<UpstreamStats> e : u.byAddress().sorted()) {
            UpstreamStats s = e.value();
            out.add(new UpstreamReport(e.key(), s.attempts(), s.failed(), s.retriesCaused(), s.connect(), s.header(),
                    s.response()));
        }
        return out;
    }

    static TrafficReport traffic(TrafficAggregator t, SummaryAggregator s, int offset) {
        if (s.firstMillis() < 0) {
            return TrafficReport.empty();
        }
        long first = Math.floorDiv(s.firstMillis(), 1000);
        long last = Math.floorDiv(s.lastMillis(), 1000);
        // bounded: at most MAX_HOURS of seconds are kept anyway
        long span = Math.min(last - first + 1, (long) TrafficAggregator.MAX_HOURS * 3600);
        int[] perSecond = t.seconds(first, first + span);
        List<TimePoint> points = new ArrayList<>();
        int width = t.bucketSeconds();
        for (Map.Entry<Long, TimeBucket> e : t.buckets().entrySet()) {
            TimeBucket b = e.getValue();
            long start = e.getKey();
            long maxPerSecond = 0;
            for (long sec = Math.max(start, first); sec < start + width && sec - first < span; sec++) {
                maxPerSecond = Math.max(maxPerSecond, perSecond[(int) (sec - first)]);
            }
            long[] p50 = new long[3];
            long[] p99 = new long[3];
            long[] timed = new long[3];
            for (Tier tier : Tier.values()) {
                p50[tier.ordinal()] = b.tierTime(tier).quantile(0.5);
                p99[tier.ordinal()] = b.tierTime(tier).quantile(0.99);
                timed[tier.ordinal()] = b.tierTime(tier).count();
            }
            long[] classes = new long[6];
            for (int c = 0; c < 6; c++) {
                classes[c] = b.statusClass(c);
            }
            points.add(new TimePoint(start, b.requests(), maxPerSecond, classes, b.bytes(), b.requestTime().quantile(0.5),
                    b.requestTime().quantile(0.99), b.upstreamTime().quantile(0.99), p50, p99, timed, b.meanConnectMicros(),
                    b.meanWaitMicros(), b.meanTransferMicros(), b.meanNginxMicros(), b.offsetSeconds(), b.meanUnsplitMicros(),
                    b.upstreamTime().count()));
        }
        return new TrafficReport(first, perSecond, width, points, offset, t.outsideSecondRange());
    }

    static List<PeakReport> peaks(List<PeakWindow> windows, PeakAttribution attribution, int offset) {
        List<PeakReport> out = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            PeakWindow w = windows.get(i);
            if (attribution == null) {
                out.add(PeakReport.unattributed(w, offset));
                continue;
            }
            Map<String, List<AttributionItem>> by = new LinkedHashMap<>();
            for (PeakAttribution.Dimension d : PeakAttribution.Dimension.values()) {
                by.put(d.key(), List.copyOf(attribution.overRepresented(i, d, 5)));
            }
            out.add(new PeakReport(w, offset, attribution.requestsDuring(i), attribution.requestsBefore(i), by,
                    attribution.p99DuringMicros(i), attribution.p99BeforeMicros(i), attribution.errorRateDuring(i),
                    attribution.errorRateBefore(i), attribution.approximate(i), PeakDrivers.choose(by)));
        }
        return out;
    }

    static RoutesReport routes(RouteAggregator r) {
        List<RouteReport> routes = new ArrayList<>();
        for (TopK.Entry<RouteStats> e : r.routes().sorted()) {
            if (routes.size() >= TOP_ROUTES) {
                break;
            }
            routes.add(route(e));
        }
        return new RoutesReport(routes, r.routes().isApproximate(), ranked(r.paths(), TOP_PATHS),
                r.paths().isApproximate(), ranked(r.clients(), TOP_CLIENTS), r.clients().isApproximate());
    }

    static RouteReport route(TopK.Entry<RouteStats> e) {
        RouteStats s = e.value();
        return new RouteReport(e.key(), e.count(), s.requestTime().quantile(0.5), s.requestTime().quantile(0.99),
                s.requests() == 0 ? 0 : (double) s.errors5xx() / s.requests(), s.errors5xx(), s.bytes());
    }

    static List<Ranked> ranked(TopK<?> top, int limit) {
        List<Ranked> out = new ArrayList<>();
        for (TopK.Entry<?> e : top.sorted()) {
            if (out.size() >= limit) {
                break;
            }
            out.add(new Ranked(e.key(), e.count()));
        }
        return out;
    }

    private static String ms(double micros) {
        return String.format(Locale.ROOT, "%.1f ms", micros / 1000.0);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    static List<Finding> findings(Aggregation a) {
        List<Finding> out = new ArrayList<>();
        List<TopK.Entry<RouteStats>> routes = a.routes().routes().sorted();
        long upstreamTimeTotal = 0;
        for (TopK.Entry<RouteStats> e : routes) {
            upstreamTimeTotal += e.value().upstreamTimeSumMicros();
        }
        // cache candidates: upstream answers 200 with the same size every time, often
        List<String> candidates = new ArrayList<>();
        for (TopK.Entry<RouteStats> e : routes) {
            RouteStats s = e.value();
            if (s.upstream200() >= 50 && s.upstream200() >= 0.9 * s.requests() && s.constantSize200()
                    && !Routes.isStatic(e.key()) && candidates.size() < 5) {
                double share = upstreamTimeTotal == 0 ? 0 : (double) s.upstreamTimeSumMicros() / upstreamTimeTotal;
                candidates.add(e.key() + ": " + s.upstream200() + " upstream 200s, all " + s.size200() + " bytes, "
                        + pct(share) + " of upstream time");
            }
        }
        if (!candidates.isEmpty()) {
            out.add(new Finding("cache_candidate", "Cache candidates: routes answered by upstream with identical 200s",
                    "These routes always returned 200 with the same body size from upstream; caching them "
                            + "(proxy_cache) would take that load off the backends.", candidates));
        }
        List<String> statics = new ArrayList<>();
        long staticUpstream = 0;
        for (TopK.Entry<RouteStats> e : routes) {
            if (Routes.isStatic(e.key()) && e.value().upstreamRequests() > 0) {
                staticUpstream += e.value().upstreamRequests();
                if (statics.size() < 5) {
                    statics.add(e.key() + ": " + e.value().upstreamRequests() + " requests through upstream");
                }
            }
        }
        if (!statics.isEmpty()) {
            out.add(new Finding("static_via_upstream", "Static assets still reaching upstream",
                    staticUpstream + " requests for static files went to a backend; serving them from nginx "
                            + "(root/alias) or its cache would be cheaper.", statics));
        }
        List<UpstreamReport> ups = upstreams(a.upstreams()).stream().filter(u -> u.attempts() >= 50).toList();
        if (ups.size() >= 2) {
            List<String> slow = new ArrayList<>();
            for (UpstreamReport u : ups) {
                long[] others = ups.stream().filter(o -> o != u).mapToLong(o -> o.response().p50()).toArray();
                double peers = PeakFinder.median(others);
                long[] others99 = ups.stream().filter(o -> o != u).mapToLong(o -> o.response().p99()).toArray();
                double peers99 = PeakFinder.median(others99);
                // well above its peers at the median or the tail, and not below them at the other: a backend
                // of another group (reached by internal redirect) with a different profile is not "slower"
                long p50 = u.response().p50();
                long p99 = u.response().p99();
                if ((peers > 0 && p50 > 1.5 * peers && p99 >= peers99) || (peers99 > 0 && p99 > 2 * peers99 && p50 >= peers)) {
                    slow.add(u.address() + ": p50 " + ms(u.response().p50()) + " vs peers " + ms(peers) + ", p99 "
                            + ms(u.response().p99()) + " vs peers " + ms(peers99));
                }
            }
            if (!slow.isEmpty()) {
                out.add(new Finding("slow_backend", "A backend slower than its peers",
                        "Per-attempt response time of these upstreams is well above the median of the others.", slow));
            }
        }
        SlowClientAggregator sc = a.slowClients();
        if (sc.slow() > 0 && sc.slow() >= 0.001 * sc.timed()) {
            List<String> nets = new ArrayList<>();
            for (Ranked r : ranked(sc.networks(), 5)) {
                nets.add(r.value() + ": " + r.count() + " slow requests");
            }
            out.add(new Finding("slow_clients", "Slow clients",
                    sc.slow() + " requests (" + pct((double) sc.slow() / sc.timed()) + ") spent at least 1 s in nginx "
                            + "or sending to the client after upstream had answered.", nets));
        }
        return out;
    }

    static long[] copy(long[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
