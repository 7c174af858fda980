package io.ngxtime.cli.dashboard;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.NoteSummary;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.report.RejectSummary;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.RoutesReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.TrafficReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.analyzer.report.UpstreamTotals;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Dashboard states made by hand for the tests and the tmux demo: a window with three tiers, twelve
 * upstreams, twelve routes, a status mix with 5xx, rejected lines, two alerts and two files. The texts
 * that come from a log can be replaced (hostile ones).
 */
final class SampleStates {
    /** The texts a log gives: upstream address, route, reject reason, sample text, file path, alert text. */
    record LogText(String upstream, String route, String reason, String sampleText, String path, String alert) {
        static LogText ordinary() {
            return new LogText("10.0.1.3:8080", "/api/orders/{id}", "no closing quote", "10.0.0.9 - - [09/Oct/2026:15:58:19 -0700] \"GET /x",
                    "/var/log/nginx/access.log", "upstream:10.0.1.3:8080 p99>500ms: p99 812 ms");
        }
    }

    private SampleStates() {
    }

    static DashboardState ordinary() {
        return state(LogText.ordinary(), Optional.empty(), TableSort.REQUESTS, false);
    }

    static DashboardState state(LogText text, Optional<String> selected, TableSort sort, boolean help) {
        double[] spark = new double[300];
        for (int i = 0; i < spark.length; i++) {
            spark[i] = 1800 + 400 * Math.sin(i / 9.0) + (i > 280 ? 900 : 0);
        }
        spark[150] = 0;
        DashboardState.Rates rates = new DashboardState.Rates(java.util.OptionalDouble.of(2_431.5), 2, java.util.OptionalDouble.of(2_017.25), 60, 1_234_567, spark, 1);
        DashboardState.Header header = new DashboardState.Header("2026-10-09T15:58:19-07:00", "", false);
        List<DashboardState.Alert> alerts = List.of(
                new DashboardState.Alert("5xx>2%: 3.4% over the last 60 s", DashboardState.Severity.FIRING),
                new DashboardState.Alert(text.alert(), DashboardState.Severity.FIRING),
                new DashboardState.Alert("×2.50 the recent median", DashboardState.Severity.SURGE));
        List<DashboardState.FileStatus> files = List.of(
                new DashboardState.FileStatus(text.path(), false, 1, 0, Optional.of(Duration.ofSeconds(2)), ""),
                new DashboardState.FileStatus("/var/log/nginx/api.log", true, 0, 0, Optional.empty(), ""));
        return new DashboardState(header, rates, Optional.of(report(text)), alerts, files, selected, sort, help);
    }

    static Latency latency(long p50, long p99) {
        return new Latency.Measured(new Percentiles(1000, p50, p50 * 2, p50 * 3, p99, p99 * 2, p99 * 3, 0, p50 * 1.2));
    }

    static Report report(LogText text) {
        Map<Integer, Long> status = new LinkedHashMap<>();
        status.put(200, 100_000L);
        status.put(304, 5_000L);
        status.put(404, 2_000L);
        status.put(499, 300L);
        status.put(502, 1_200L);
        status.put(503, 2_500L);
        status.put(504, 90L);
        status.put(301, 400L);
        status.put(201, 800L);
        status.put(429, 60L);
        long requests = status.values().stream().mapToLong(Long::longValue).sum();
        Summary summary = new Summary(requests, status, OffsetDateTime.parse("2026-10-09T15:57:19-07:00"),
                OffsetDateTime.parse("2026-10-09T15:58:19-07:00"), 0, 0);
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put(text.reason(), 12L);
        reasons.put("bad status", 3L);
        reasons.put("line too long", 1L);
        reasons.put("bad time", 1L);
        RejectSummary rejects = new RejectSummary(17, reasons,
                List.of(new LineSample(text.path(), 1234, text.reason(), text.sampleText())));
        List<TierReport> tiers = List.of(
                new TierReport("upstream", 70_000, 0.62, latency(12_000, 340_000)),
                new TierReport("cache", 30_000, 0.27, latency(400, 2_000)),
                new TierReport("nginx", 12_350, 0.11, latency(100, 1_000)));
        TimingReport timing = new TimingReport(tiers, List.of(), latency(5_000, 300_000), latency(11_000, 330_000),
                latency(300, 3_000), latency(9_000, 300_000), latency(200, 5_000), OptionalLong.of(0), 0, 3);
        List<UpstreamReport> upstreams = new ArrayList<>();
        upstreams.add(upstream(text.upstream(), 9_000, 400, 812_000));
        for (int i = 1; i < 12; i++) {
            upstreams.add(upstream("10.0.2." + i + ":8080", 6_000 - i * 300, i % 3 == 0 ? 0 : i * 5, 100_000 + i * 20_000));
        }
        List<RouteReport> routes = new ArrayList<>();
        routes.add(new RouteReport(text.route(), 20_000, OptionalLong.of(15_000), OptionalLong.of(420_000),
                OptionalDouble.of(0.021), 420, 9_000_000));
        for (int i = 1; i < 12; i++) {
            routes.add(new RouteReport("/api/v" + i + "/items/{id}", 10_000 - i * 500, OptionalLong.of(1_000L * i),
                    OptionalLong.of(50_000L + 90_000L * (i % 5)), OptionalDouble.of(i % 4 == 0 ? 0.0 : 0.001 * i),
                    i % 4 == 0 ? 0 : i * 10, 1_000_000));
        }
        RoutesReport routesReport = new RoutesReport(routes, false, List.of(), false, List.of(), false);
        return new Report(List.of(text.path()), "main", requests + 17, "", summary, rejects, timing, upstreams,
                TrafficReport.empty(), List.of(), routesReport, List.of(), null,
                Optional.of(new UpstreamTotals(70_000, 300, 10, false)), NoteSummary.empty());
    }

    private static UpstreamReport upstream(String address, long attempts, long failed, long p99) {
        return new UpstreamReport(address, UpstreamReport.Kind.ADDRESS, attempts, OptionalLong.of(failed), OptionalLong.of(0),
                OptionalLong.of(0), 0, latency(300, 3_000), latency(9_000, p99 / 2), latency(11_000, p99));
    }
}
