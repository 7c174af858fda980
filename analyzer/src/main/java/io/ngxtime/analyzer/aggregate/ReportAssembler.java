package io.ngxtime.analyzer.aggregate;

import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.record.UpstreamAddress;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.Ranked;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.RoutesReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.TrafficReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.analyzer.report.UpstreamTotals;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns aggregators into the immutable report model. */
final class ReportAssembler {
    /** Routes listed in a report. */
    static final int TOP_ROUTES = 50;
    static final int TOP_PATHS = 20;
    static final int TOP_CLIENTS = 20;
    /** A backend is named failing when at least this share of its attempts failed... */
    static final double FAILING_SHARE = 0.5;
    /** ...out of at least this many. */
    static final int FAILING_MIN_ATTEMPTS = 10;

    private ReportAssembler() {
    }

    static TimingReport timing(TimingAggregator t) {
        long total = 0;
        for (Tier tier : Tier.values()) {
            total += t.tierRequests(tier);
        }
        int logged = t.logged();
        boolean upstreamKnown = (logged & Logged.ANY_UPSTREAM) != 0;
        boolean cacheKnown = Logged.CACHE_STATUS.in(logged);
        List<TierReport> tiers = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            long n = t.tierRequests(tier);
            boolean told = switch (tier) {
                case NGINX -> upstreamKnown && cacheKnown;
                case CACHE -> cacheKnown;
                case UPSTREAM -> upstreamKnown;
                case NGINX_OR_CACHE, UNKNOWN -> n > 0;
            };
            if (told) {
                tiers.add(new TierReport(tier.key(), n, total == 0 ? 0 : (double) n / total, t.tierTime(tier)));
            } else if (tier.isExact()) {
                unknown.add(tier.key());
            }
        }
        // which requests logged more upstream time than request time: unknown unless the format logs both
        boolean bothLogged = Logged.REQUEST_TIME.in(t.logged()) && Logged.UPSTREAM_RESPONSE_TIME.in(t.logged());
        return new TimingReport(tiers, unknown, t.requestTime(), t.upstreamTime(), t.upstreamConnect(),
                t.upstreamHeader(), t.nginxTime(),
                bothLogged ? java.util.OptionalLong.of(t.upstreamExceedsRequest()) : java.util.OptionalLong.empty(),
                t.withoutRequestTime(),
                LatencyHistogram.PRECISE);
    }

    /** Retried requests and internal redirects, when the format logs an upstream variable. */
    static java.util.Optional<UpstreamTotals> upstreamTotals(TimingAggregator t, UpstreamAggregator u) {
        if ((t.logged() & Logged.ANY_UPSTREAM) == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new UpstreamTotals(t.withAttempts(), t.retried(), t.redirected(),
                u.byAddress().isApproximate()));
    }

    static List<UpstreamReport> upstreams(UpstreamAggregator u) {
        return upstreams(u, null);
    }

    /** The upstream table, with each server's saturation estimate when {@code saturation} is given. */
    static List<UpstreamReport> upstreams(UpstreamAggregator u, SaturationAggregator saturation) {
        List<UpstreamReport> out = new ArrayList<>();
        for (TopK.Entry<UpstreamStats> e : u.byAddress().sorted()) {
            UpstreamStats s = e.value();
            UpstreamReport.Kind kind = e.key().equals(UpstreamReport.NOT_LOGGED_KEY) ? UpstreamReport.Kind.NOT_LOGGED
                    : UpstreamAddress.isGroupName(e.key()) ? UpstreamReport.Kind.GROUP : UpstreamReport.Kind.ADDRESS;
            out.add(new UpstreamReport(e.key(), kind, s.attempts(), s.failed(), s.notConnected(), s.clientAborts(),
                    s.retriesCaused(), s.connect(), s.header(), s.response(), kind != UpstreamReport.Kind.ADDRESS
                    || saturation == null ? java.util.Optional.empty() : saturation.saturation(e.key(), s.attempts())));
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
        // from every kept second, not only the first MAX_HOURS of the range; a bucket none of whose
        // seconds was kept has no busiest second (-1: unknown), never 0
        Map<Long, Integer> busiest = t.busiestSecondByBucket();
        int maxPerSecond = busiest.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (Map.Entry<Long, TimeBucket> e : t.buckets().entrySet()) {
            TimeBucket b = e.getValue();
            long start = e.getKey();
            long bucketMaxPerSecond = busiest.getOrDefault(start, -1);
            long[] p50 = new long[Tier.values().length];
            long[] p99 = new long[Tier.values().length];
            long[] timed = new long[Tier.values().length];
            for (Tier tier : Tier.values()) {
                p50[tier.ordinal()] = b.tierTime(tier).quantile(0.5);
                p99[tier.ordinal()] = b.tierTime(tier).quantile(0.99);
                timed[tier.ordinal()] = b.tierTime(tier).count();
            }
            long[] classes = new long[6];
            for (int c = 0; c < 6; c++) {
                classes[c] = b.statusClass(c);
            }
            points.add(new TimePoint(start, b.requests(), bucketMaxPerSecond, classes, b.bytes(), b.requestTime().quantile(0.5),
                    b.requestTime().quantile(0.99), b.upstreamTime().quantile(0.99), p50, p99, timed, b.meanConnectMicros(),
                    b.meanWaitMicros(), b.meanTransferMicros(), b.meanNginxMicros(), b.offsetSeconds(), b.meanUnsplitMicros(),
                    b.upstreamTime().count()));
        }
        return new TrafficReport(first, perSecond, width, points, offset, t.outsideSecondRange(), last - first + 1,
                maxPerSecond);
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
            out.add(new PeakReport(w, offset, java.util.Optional.of(new PeakReport.Measures(attribution.requestsDuring(i),
                    attribution.requestsBefore(i), attribution.p99DuringMicros(i), attribution.p99BeforeMicros(i),
                    attribution.errorRateDuring(i), attribution.errorRateBefore(i), by, attribution.approximate(i),
                    java.util.Optional.ofNullable(PeakDrivers.choose(by)), attribution.load(i)))));
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
        boolean timed = s.requestTime().count() > 0;
        return new RouteReport(e.key(), e.count(),
                timed ? java.util.OptionalLong.of(s.requestTime().quantile(0.5)) : java.util.OptionalLong.empty(),
                timed ? java.util.OptionalLong.of(s.requestTime().quantile(0.99)) : java.util.OptionalLong.empty(),
                s.errorRate(), s.errors5xx(), s.bytes());
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

    static List<Finding> findings(Aggregation a) {
        List<Finding> out = new ArrayList<>();
        List<TopK.Entry<RouteStats>> routes = a.routes().routes().sorted();
        long upstreamTimeTotal = 0;
        for (TopK.Entry<RouteStats> e : routes) {
            upstreamTimeTotal += e.value().upstreamTimeSumMicros();
        }
        // cache candidates: upstream answers GET/HEAD with a 200 of the same size every time, often
        List<Finding.Item> candidates = new ArrayList<>();
        for (TopK.Entry<RouteStats> e : routes) {
            RouteStats s = e.value();
            if (s.upstream200() >= 50 && s.upstream200() >= 0.9 * s.requests() && s.constantSize200()
                    && !Routes.isStatic(e.key()) && candidates.size() < 5) {
                double share = upstreamTimeTotal == 0 ? 0 : (double) s.upstreamTimeSumMicros() / upstreamTimeTotal;
                candidates.add(new Finding.Item(e.key(), Map.of("upstream_200s", (double) s.upstream200(),
                        "bytes", (double) s.size200(), "share_of_upstream_time", share)));
            }
        }
        if (!candidates.isEmpty()) {
            out.add(new Finding(Finding.Kind.CACHE_CANDIDATE, Map.of(), candidates));
        }
        List<Finding.Item> statics = new ArrayList<>();
        long staticUpstream = 0;
        for (TopK.Entry<RouteStats> e : routes) {
            if (Routes.isStatic(e.key()) && e.value().upstreamRequests() > 0) {
                staticUpstream += e.value().upstreamRequests();
                if (statics.size() < 5) {
                    statics.add(new Finding.Item(e.key(), Map.of("upstream_requests", (double) e.value().upstreamRequests())));
                }
            }
        }
        if (!statics.isEmpty()) {
            out.add(new Finding(Finding.Kind.STATIC_VIA_UPSTREAM, Map.of("upstream_requests", (double) staticUpstream), statics));
        }
        List<UpstreamReport> all = upstreams(a.upstreams(), a.saturation());
        // compared: servers (not group names, not unlogged addresses) with enough attempts that got a response
        List<UpstreamReport> ups = all.stream().filter(u -> u.kind() == UpstreamReport.Kind.ADDRESS
                && u.response().count() >= 50).toList();
        if (ups.size() >= 2) {
            List<Finding.Item> slow = new ArrayList<>();
            for (UpstreamReport u : ups) {
                Percentiles mine = u.response().measured().orElseThrow();
                double peers = PeakFinder.median(ups.stream().filter(o -> o != u)
                        .mapToLong(o -> o.response().measured().orElseThrow().p50()).toArray());
                double peers99 = PeakFinder.median(ups.stream().filter(o -> o != u)
                        .mapToLong(o -> o.response().measured().orElseThrow().p99()).toArray());
                // well above its peers at the median or the tail, and not below them at the other: a backend
                // of another group (reached by internal redirect) with a different profile is not "slower"
                long p50 = mine.p50();
                long p99 = mine.p99();
                if ((peers > 0 && p50 > 1.5 * peers && p99 >= peers99) || (peers99 > 0 && p99 > 2 * peers99 && p50 >= peers)) {
                    slow.add(new Finding.Item(u.address(), Map.of("p50", (double) p50, "peers_p50", peers,
                            "p99", (double) p99, "peers_p99", peers99)));
                }
            }
            if (!slow.isEmpty()) {
                out.add(new Finding(Finding.Kind.SLOW_BACKEND, Map.of(), slow));
            }
        }
        List<Finding.Item> failing = new ArrayList<>();
        for (UpstreamReport u : all) {
            if (u.kind() == UpstreamReport.Kind.NOT_LOGGED || u.failed().isEmpty() || u.attempts() < FAILING_MIN_ATTEMPTS) {
                continue;
            }
            long failed = u.failed().getAsLong();
            if (failed >= FAILING_SHARE * u.attempts()) {
                Map<String, Double> figures = new LinkedHashMap<>();
                figures.put("attempts", (double) u.attempts());
                figures.put("failed", (double) failed);
                figures.put("not_connected", (double) u.notConnected().orElse(0)); // present: failed is
                figures.put("retries_caused", (double) u.retriesCaused());
                if (u.kind() == UpstreamReport.Kind.GROUP) {
                    figures.put("no_live_server", 1.0);
                }
                failing.add(new Finding.Item(u.address(), figures));
            }
        }
        if (!failing.isEmpty()) {
            out.add(new Finding(Finding.Kind.FAILING_BACKEND, Map.of(), failing));
        }
        SaturationFinding.of(all).ifPresent(out::add);
        SlowClientAggregator sc = a.slowClients();
        if (sc.slow() > 0 && sc.slow() >= 0.001 * sc.timed()) {
            List<Finding.Item> nets = new ArrayList<>();
            for (Ranked r : ranked(sc.networks(), 5)) {
                nets.add(new Finding.Item(r.value(), Map.of("slow_requests", (double) r.count())));
            }
            out.add(new Finding(Finding.Kind.SLOW_CLIENTS, Map.of("slow_requests", (double) sc.slow(),
                    "timed_requests", (double) sc.timed()), nets));
        }
        WhatIfFindings.cdnOffload(a.cdnOffload().report()).ifPresent(out::add);
        return out;
    }

    static long[] copy(long[] a) {
        return Arrays.copyOf(a, a.length);
    }
}
