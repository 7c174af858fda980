package io.ngxtime.charts;

import io.ngxtime.analyzer.record.TimeWindow;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.PeakAndBaselinePasses;
import io.ngxtime.analyzer.aggregate.Aggregation;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RoutesReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.TrafficReport;
import io.ngxtime.analyzer.record.Request;
import io.ngxtime.grammar.CacheStatus;
import io.ngxtime.grammar.ParseError;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/** Reports for chart tests: one aggregated from generated requests, one week built directly. */
final class SampleReports {
    /** Sat 10 Oct 2026 08:00:00 +02:00. */
    static final long START_SECOND = 1_791_612_000L;
    static final int OFFSET = 7200;
    static final String[] UPSTREAMS = {"10.0.1.1:8080", "10.0.1.2:8080", "10.0.1.3:8080", "10.0.2.1:8080"};
    static final String SLOW_UPSTREAM = "10.0.1.3:8080";

    private SampleReports() {
    }

    private static Report incident;
    private static Report hostile;
    private static Report shortReport;

    /** {@link #incident} over three hours, built once for all tests. */
    static synchronized Report cachedIncident() {
        if (incident == null) {
            incident = incident(3, false);
        }
        return incident;
    }

    /** {@link #incident} over three hours with {@link #HOSTILE} text, built once. */
    static synchronized Report cachedHostile() {
        if (hostile == null) {
            hostile = incident(3, true);
        }
        return hostile;
    }

    /** Ten minutes of traffic (fewer seconds than pixel columns). */
    static synchronized Report cachedShort() {
        if (shortReport == null) {
            shortReport = incident(1, false, 600);
        }
        return shortReport;
    }

    /** Text an attacker could put in a log line, for escaping tests. */
    static final String HOSTILE = "<script>alert('x')</script>\"'><img src=x onerror=alert(1)></style>";

    /**
     * Traffic from 08:00 with every tier, four upstreams (one slow), a referrer-driven surge at
     * 10:30 with 5xx errors, and one busy second (400 requests) at 09:30:00 from a bot.
     *
     * @param hostile whether paths, agents, referrers, upstream names and rejected lines carry {@link #HOSTILE}
     */
    static Report incident(int hours, boolean hostile) {
        return incident(hours, hostile, hours * 3600L);
    }

    static Report incident(int hours, boolean hostile, long seconds) {
        Aggregation a = new Aggregation(10);
        generate(seconds, hostile, a::add);
        if (hostile) {
            byte[] line = ("192.0.2.1 - - [bad] \"GET /" + HOSTILE + " HTTP/1.1\" 2x0").getBytes(StandardCharsets.UTF_8);
            a.rejects().add("access" + HOSTILE + ".log", 7, line, 0, line.length, new ParseError(40, "a digit",
                    "'" + HOSTILE + "'", "in $status"));
        }
        Report first = a.report(List.of(hostile ? "access" + HOSTILE + ".log" : "access.log"), "timing", 5);
        return PeakAndBaselinePasses.run(first, a, (window, consumer) -> generate(seconds, hostile, r -> {
            if (window.contains(r.timeMillis())) {
                consumer.accept(r);
            }
        }), hostile ? TimeWindow.between(START_SECOND * 1000, (START_SECOND + 3600) * 1000) : null,
                () -> false); // the hostile page compares with its first hour, so that section meets the text too
    }

    private static void generate(long seconds, boolean hostile, Consumer<Request> sink) {
        SplittableRandom rnd = new SplittableRandom(42);
        Request r = new Request();
        String evil = hostile ? HOSTILE : "";
        for (long s = 0; s < seconds; s++) {
            double base = 3 + 1.5 * Math.sin(s / 3600.0);
            boolean surge = s >= 2 * 3600 + 1800 && s < 2 * 3600 + 2400;
            boolean spike = s == 3600 + 1800;
            double rate = surge ? base * 5 : base;
            int n = poisson(rnd, rate) + (spike ? 400 : 0);
            for (int i = 0; i < n; i++) {
                r.clear();
                r.time((START_SECOND + s) * 1000 + rnd.nextInt(1000), OFFSET);
                boolean fromSpike = spike && i >= n - 400;
                boolean fromSurge = surge && rnd.nextInt(5) != 0;
                int kind = rnd.nextInt(10);
                String path = fromSurge ? "/story/big-news" : switch (rnd.nextInt(5)) {
                    case 0 -> "/static/app.js";
                    case 1 -> "/api/users/" + rnd.nextInt(50);
                    case 2 -> "/api/catalog?page=" + rnd.nextInt(3);
                    case 3 -> "/search" + evil;
                    default -> "/";
                };
                r.request("GET", path, "HTTP/1.1", null);
                r.client("198.51.100." + rnd.nextInt(200), fromSurge ? "https://news.example/today" + evil : "-",
                        fromSpike ? "BadBot/1.0" + evil : "Mozilla/5.0", null);
                r.bytesSent(1000 + rnd.nextInt(5000));
                if (kind < 2 && !fromSurge) {
                    r.status(200).requestTimeMicros(rnd.nextLong(0, 3000) / 1000 * 1000);
                } else if (kind < 5 && !fromSurge) {
                    r.status(200).cacheStatus(CacheStatus.HIT).requestTimeMicros(1000 + rnd.nextLong(0, 2000) / 1000 * 1000);
                } else {
                    int u = rnd.nextInt(UPSTREAMS.length);
                    // hostile text inside an address that still ends in a port, so it is a server, not a group name
                    String address = u == 3 && hostile ? evil + UPSTREAMS[u] : UPSTREAMS[u];
                    double slow = UPSTREAMS[u].equals(SLOW_UPSTREAM) ? 4 : 1;
                    double load = surge ? 3 : 1;
                    long connect = 300 + rnd.nextLong(0, 700);
                    long header = connect + (long) ((20_000 + rnd.nextLong(0, 60_000)) * slow * load);
                    long response = header + rnd.nextLong(0, 20_000);
                    int status = surge && rnd.nextInt(10) == 0 ? 502 : rnd.nextInt(50) == 0 ? 404 : 200;
                    r.addAttempt(address, status, connect / 1000 * 1000, header / 1000 * 1000, response / 1000 * 1000, 0);
                    r.status(status).cacheStatus(CacheStatus.MISS).requestTimeMicros(response / 1000 * 1000 + rnd.nextLong(0, 4000) / 1000 * 1000);
                }
                sink.accept(r);
            }
        }
    }

    private static int poisson(SplittableRandom rnd, double mean) {
        double l = Math.exp(-mean);
        double p = 1;
        int k = 0;
        do {
            k++;
            p *= rnd.nextDouble();
        } while (p > l);
        return k - 1;
    }

    /**
     * A week (from Mon 5 Oct 2026 00:00 +02:00) built directly: a daily cycle at 1-second resolution,
     * per-minute points from it, and one second with {@code spikeCount} requests at {@code spikeSecond}
     * (the only peak).
     */
    static Report week(long spikeSecond, int spikeCount) {
        long first = Instant.parse("2026-10-05T00:00:00+02:00").getEpochSecond();
        int n = 7 * 86_400;
        int[] perSecond = new int[n];
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < n; i++) {
            double day = (i % 86_400) / 86_400.0;
            double rate = 20 + 15 * Math.sin(2 * Math.PI * (day - 0.3));
            perSecond[i] = (int) Math.max(0, rate + rnd.nextGaussian() * Math.sqrt(rate));
        }
        perSecond[(int) (spikeSecond - first)] = spikeCount;
        List<TimePoint> points = new ArrayList<>();
        long total = 0;
        for (int m = 0; m < n / 60; m++) {
            long req = 0;
            long max = 0;
            for (int s = m * 60; s < m * 60 + 60; s++) {
                req += perSecond[s];
                max = Math.max(max, perSecond[s]);
            }
            total += req;
            long p99 = 80_000 + (long) (req / 60.0 * 2000);
            points.add(new TimePoint(first + m * 60L, req, max, new long[] {0, 0, req - req / 50, 0, req / 60, req / 50 - req / 60},
                    req * 2000, 20_000, p99, p99 + 10_000, new long[] {1000, 500, 30_000}, new long[] {4000, 2000, p99},
                    new long[] {0, 0, req}, 800, 25_000, 5_000, 3_000, OFFSET));
        }
        PeakWindow w = new PeakWindow(spikeSecond, spikeCount, spikeSecond / 60 * 60, spikeCount + 1000,
                spikeSecond, spikeSecond + 1, spikeSecond - 3600, 1200, spikeCount);
        AttributionItem bot = new AttributionItem("BadBot/1.0", spikeCount - 20, 0.95, 0.0, spikeCount - 21);
        PeakReport peak = new PeakReport(w, OFFSET, java.util.Optional.of(new PeakReport.Measures(spikeCount, 70_000,
                java.util.OptionalLong.of(900_000), java.util.OptionalLong.of(100_000), java.util.OptionalDouble.of(0.01),
                java.util.OptionalDouble.of(0.001), Map.of("user_agent", List.of(bot)), false,
                java.util.Optional.of(new io.ngxtime.analyzer.report.PeakDriver("user_agent", bot)))));
        TrafficReport traffic = new TrafficReport(first, perSecond, 60, points, OFFSET, 0);
        Percentiles p = new Percentiles(total, 20_000, 60_000, 80_000, 120_000, 300_000, 900_000, 0, 30_000);
        Latency l = new Latency.Measured(p);
        TimingReport timing = new TimingReport(List.of(new TierReport("nginx", 0, 0, Latency.Missing.NO_VALUES),
                new TierReport("cache", 0, 0, Latency.Missing.NO_VALUES), new TierReport("upstream", total, 1, l)), List.of(),
                l, l, l, l, l, java.util.OptionalLong.of(0), 0, 3);
        Summary summary = new Summary(total, Map.of(200, total), Instant.ofEpochSecond(first).atOffset(ZoneOffset.ofTotalSeconds(OFFSET)),
                Instant.ofEpochSecond(first + n - 1).atOffset(ZoneOffset.ofTotalSeconds(OFFSET)), 0, 0);
        return new Report(List.of("week.log"), "timing", total, "", summary, new RejectSummary(0, Map.of(), List.of()),
                timing, List.of(), traffic, List.of(peak), RoutesReport.empty(), List.of(), null, java.util.Optional.empty(),
                io.ngxtime.analyzer.report.NoteSummary.empty());
    }
}
