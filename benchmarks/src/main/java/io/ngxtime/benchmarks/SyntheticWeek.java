package io.ngxtime.benchmarks;

import io.ngxtime.analyzer.report.AttributionItem;
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
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A report holding a week of traffic at 1-second resolution (604,800 counts, a daily cycle between 5
 * and 35 requests a second with Poisson-like noise), its 10,080 minute buckets, and one second of
 * 900 requests on the Thursday: what the week chart draws.
 */
final class SyntheticWeek {
    static final int OFFSET = 7200;
    static final long FIRST = Instant.parse("2026-10-05T00:00:00+02:00").getEpochSecond();
    static final long SPIKE = Instant.parse("2026-10-08T14:03:12+02:00").getEpochSecond();

    private SyntheticWeek() {
    }

    static Report make(long seed) {
        int n = 7 * 86_400;
        int[] perSecond = new int[n];
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            double rate = 20 + 15 * Math.sin(2 * Math.PI * ((i % 86_400) / 86_400.0 - 0.3));
            perSecond[i] = (int) Math.max(0, Math.round(rate + rnd.nextGaussian() * Math.sqrt(rate)));
        }
        perSecond[(int) (SPIKE - FIRST)] = 900;
        List<TimePoint> points = new ArrayList<>(n / 60);
        long total = 0;
        for (int m = 0; m < n / 60; m++) {
            long requests = 0;
            long max = 0;
            for (int s = m * 60; s < m * 60 + 60; s++) {
                requests += perSecond[s];
                max = Math.max(max, perSecond[s]);
            }
            total += requests;
            long p99 = 80_000 + requests * 30;
            points.add(new TimePoint(FIRST + m * 60L, requests, max,
                    new long[] {0, 0, requests - requests / 50, 0, requests / 60, requests / 50 - requests / 60},
                    requests * 2000, 20_000, p99, p99 + 10_000, new long[] {1000, 500, 30_000},
                    new long[] {4000, 2000, p99}, new long[] {0, 0, requests}, 800, 25_000, 5_000, 3_000, OFFSET));
        }
        PeakWindow w = new PeakWindow(SPIKE, 900, SPIKE / 60 * 60, 2000, SPIKE, SPIKE + 1, SPIKE - 3600, 1200, 900);
        AttributionItem bot = new AttributionItem("BadBot/1.0", 880, 0.95, 0.0, 879);
        PeakReport peak = new PeakReport(w, OFFSET, java.util.Optional.of(new PeakReport.Measures(900, 70_000,
                java.util.OptionalLong.of(900_000), java.util.OptionalLong.of(100_000), java.util.OptionalDouble.of(0.01),
                java.util.OptionalDouble.of(0.001), Map.of("user_agent", List.of(bot)), false,
                java.util.Optional.of(new io.ngxtime.analyzer.report.PeakDriver("user_agent", bot)))));
        Percentiles p = new Percentiles(total, 20_000, 60_000, 80_000, 120_000, 300_000, 900_000, 0, 30_000);
        Latency l = new Latency.Measured(p);
        TimingReport timing = new TimingReport(List.of(new TierReport("nginx", 0, 0, Latency.Missing.NO_VALUES),
                new TierReport("cache", 0, 0, Latency.Missing.NO_VALUES), new TierReport("upstream", total, 1, l)),
                List.of(), l, l, l, l, l, java.util.OptionalLong.of(0), 0, 3);
        ZoneOffset zone = ZoneOffset.ofTotalSeconds(OFFSET);
        Summary summary = new Summary(total, Map.of(200, total), Instant.ofEpochSecond(FIRST).atOffset(zone),
                Instant.ofEpochSecond(FIRST + n - 1).atOffset(zone), 0, 0);
        return new Report(List.of("week.log"), "timing", total, "", summary, new RejectSummary(0, Map.of(), List.of()),
                timing, List.of(), new TrafficReport(FIRST, perSecond, 60, points, OFFSET, 0), List.of(peak),
                RoutesReport.empty(), List.of(), null, java.util.Optional.empty(), io.ngxtime.analyzer.report.NoteSummary.empty());
    }
}
