package io.ngxtime.charts;

import io.ngxtime.analyzer.report.Report;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jfree.chart.JFreeChart;

/**
 * Every chart ngxtime draws, in the order of the chart set and the HTML report. A new chart is a new
 * row: its file name, its factory, and what it needs from the report.
 */
public enum ChartKind {
    /** Requests per second over the analysed range, peaks labelled. */
    REQUESTS(RequestsChart.KEY, RequestsChart::create, r -> r.traffic().perSecond().length > 0 ? null
            : "no request has a time"),
    /** Up to seven days in sequence: per-minute rate, 1-second envelope, peaks, optional p99. */
    WEEK(WeekChart.KEY, WeekChart::create, r -> r.traffic().perSecond().length > 0 ? null : "no request has a time"),
    /** p50 and p99 of nginx, cache and upstream over time. */
    TIER_LATENCY(TierLatencyChart.KEY, TierLatencyChart::create, ChartKind::needsRequestTime),
    /** Upstream connect, wait, transfer and nginx/client time per request, stacked over time. */
    TIME_SPLIT(TimeSplitChart.KEY, TimeSplitChart::create, ChartKind::needsRequestTime),
    /** Response time distribution per upstream. */
    UPSTREAMS(UpstreamLatencyChart.KEY, UpstreamLatencyChart::create, r -> UpstreamLatencyChart.data(r).labels().isEmpty()
            ? noUpstreamTime(r) : null),
    /** Responses per second by status class, stacked over time. */
    STATUS(StatusChart.KEY, StatusChart::create, r -> r.traffic().points().isEmpty() ? "no request has a time"
            : !r.summary().statusLogged() ? "no status: log $status" : null),
    /** Per bucket: request rate against upstream p99. */
    LOAD_LATENCY(LoadLatencyChart.KEY, LoadLatencyChart::create, r -> LoadLatencyChart.data(r).rate().length > 0 ? null
            : noUpstreamTime(r));

    private final String key;
    private final BiFunction<Report, ChartOptions, JFreeChart> factory;
    private final Function<Report, String> missing;

    ChartKind(String key, BiFunction<Report, ChartOptions, JFreeChart> factory, Function<Report, String> missing) {
        this.key = key;
        this.factory = factory;
        this.missing = missing;
    }

    /** The name files and SVG ids use: {@code requests}, {@code week}, {@code tier-latency}, ... */
    public String key() {
        return key;
    }

    /** The chart of the report. A chart without data says why instead of drawing empty axes. */
    public JFreeChart create(Report report, ChartOptions options) {
        return factory.apply(report, options);
    }

    /** Why the report has nothing to draw in this chart, or empty when it has. */
    public Optional<String> missingData(Report report) {
        if (report.traffic().perSecond().length == 0 && report.traffic().points().isEmpty()) {
            return Optional.of("no request has a time");
        }
        return Optional.ofNullable(missing.apply(report));
    }

    /** Why no upstream response time is there to draw: not logged, or logged but absent from the range. */
    static String noUpstreamTime(Report r) {
        if (!r.timing().upstreamTime().isLogged()) {
            return "no upstream time: log $upstream_response_time";
        }
        return r.timing().upstreamTime().count() == 0
                ? "no upstream time: no request in the range has an upstream response time"
                : "no upstream time: no upstream server has a response time in the range";
    }

    private static String needsRequestTime(Report r) {
        return r.timing().requestTime().count() > 0 ? null
                : r.timing().requestTime().isLogged() ? "no request time: every $request_time in the range is '-'"
                : "no request time: log $request_time";
    }
}
