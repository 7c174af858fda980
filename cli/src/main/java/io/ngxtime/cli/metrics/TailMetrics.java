package io.ngxtime.cli.metrics;

import io.ngxtime.analyzer.record.AttemptOutcome;
import io.ngxtime.analyzer.record.Logged;
import io.ngxtime.analyzer.record.Request;
import io.prometheus.metrics.config.PrometheusProperties;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The requests and rejected lines of a live tail as Prometheus metrics, in a registry of its own
 * ({@link #registry()}). The metrics, their labels and what is left out are documented in
 * docs/metrics.md:
 * <ul>
 *   <li>{@code ngxtime_requests_total{tier, status_class}}: every request; {@code status_class} is
 *       {@code 1xx} to {@code 5xx}, {@code other} for a status outside 100-599, {@code not_logged} when the
 *       format does not log {@code $status} (or the line has none);</li>
 *   <li>{@code ngxtime_request_duration_seconds{tier}}: {@code $request_time}, for the requests that log it;</li>
 *   <li>{@code ngxtime_upstream_{connect,header,response}_duration_seconds{upstream}}: one observation per
 *       upstream attempt whose times describe a response of the backend
 *       ({@link AttemptOutcome#hasResponseTime()}, as the report's upstream latencies) and whose value is
 *       logged (not {@code -}, and a variable the format has);</li>
 *   <li>{@code ngxtime_upstream_attempts_total{upstream, outcome}}: every attempt, with the analyzer's
 *       {@link AttemptOutcome} in lower case ({@code answered}, {@code failed}, {@code not_connected},
 *       {@code client_abort}, {@code unknown});</li>
 *   <li>{@code ngxtime_rejected_lines_total}, and {@code ngxtime_lines_total{file, result}} (result
 *       {@code request} or {@code rejected}) for what the file-naming calls count;</li>
 *   <li>{@code ngxtime_last_line_timestamp_seconds}: the latest log time of a request seen (absent until
 *       one with a time is seen).</li>
 * </ul>
 * The {@code upstream} label is the address as logged ({@code $upstream_addr}'s element, the group's name
 * when nginx found no live server), {@code not_logged} when the format does not log the address, and
 * {@code other} past the first {@code maxUpstreams} distinct ones; the {@code file} label is bounded the
 * same way. Thread-safe: calls may come from several threads, as the client's metrics allow; a
 * {@link Request} is read during the call only (tail reuses it).
 */
public final class TailMetrics {
    /** How many distinct upstream addresses (and files) get a label value of their own, by default. */
    public static final int DEFAULT_MAX_UPSTREAMS = 20;
    /** The {@code status_class} (and {@code upstream}) value when the format does not log the field. */
    public static final String NOT_LOGGED = "not_logged";

    /**
     * Classic bucket bounds in seconds, for web latency as nginx logs it: nginx's times have millisecond
     * resolution, so 1 ms is the first bound (a {@code 0.000} lands there); then a 1-2.5-5 progression,
     * which is where web SLOs are drawn (100 ms, 250 ms, 1 s), up to 10 s; 30 s and 60 s split slow
     * requests from those cut by nginx's default 60 s proxy timeouts, which land above the last bound.
     * Classic buckets only: every Prometheus scrapes and aggregates them ({@code histogram_quantile} over
     * {@code _bucket}, as nginxlog-exporter's users do); native histograms would need the protobuf
     * exposition and a flag on the server, and would change what a query of {@code _bucket} returns there.
     */
    private static final double[] LATENCY_BOUNDS_SECONDS = {
        0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60};
    private static final String[] STATUS_CLASSES = {"other", "1xx", "2xx", "3xx", "4xx", "5xx"};

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final BoundedLabelValues upstreams;
    private final BoundedLabelValues files;
    private final Counter requests;
    private final Histogram requestDuration;
    private final Histogram upstreamResponse;
    private final Histogram upstreamConnect;
    private final Histogram upstreamHeader;
    private final Counter upstreamAttempts;
    private final Counter rejectedLines;
    private final Counter lines;
    /** The latest log time seen, epoch milliseconds; {@link Long#MIN_VALUE} before any. */
    private final AtomicLong lastLineMillis = new AtomicLong(Long.MIN_VALUE);

    /** Metrics with {@link #DEFAULT_MAX_UPSTREAMS} upstream (and file) label values. */
    public TailMetrics() {
        this(DEFAULT_MAX_UPSTREAMS);
    }

    /** @param maxUpstreams how many distinct upstream addresses (and files) get a label value of their own (at least 1) */
    public TailMetrics(int maxUpstreams) {
        upstreams = new BoundedLabelValues(maxUpstreams);
        files = new BoundedLabelValues(maxUpstreams);
        // explicit, empty settings: a prometheus.properties on the class path, PROMETHEUS_CONFIG or a system
        // property must not change our buckets, labels or exemplars behind the documented contract
        PrometheusProperties settings = PrometheusProperties.builder().build();
        requests = Counter.builder(settings).name("ngxtime_requests_total")
                .help("Requests read from the log, by tier and status class.")
                .labelNames("tier", "status_class").withoutExemplars().register(registry);
        requestDuration = latency(settings, "ngxtime_request_duration_seconds",
                "$request_time of the requests that log it, by tier.", "tier");
        upstreamResponse = latency(settings, "ngxtime_upstream_response_duration_seconds",
                "$upstream_response_time per upstream attempt that reached the backend and logs it.", "upstream");
        upstreamConnect = latency(settings, "ngxtime_upstream_connect_duration_seconds",
                "$upstream_connect_time per upstream attempt that reached the backend and logs it.", "upstream");
        upstreamHeader = latency(settings, "ngxtime_upstream_header_duration_seconds",
                "$upstream_header_time per upstream attempt that reached the backend and logs it.", "upstream");
        upstreamAttempts = Counter.builder(settings).name("ngxtime_upstream_attempts_total")
                .help("Upstream attempts (each address of $upstream_addr), by upstream and outcome.")
                .labelNames("upstream", "outcome").withoutExemplars().register(registry);
        rejectedLines = Counter.builder(settings).name("ngxtime_rejected_lines_total")
                .help("Lines that did not match the log format.").withoutExemplars().register(registry);
        lines = Counter.builder(settings).name("ngxtime_lines_total")
                .help("Lines counted per file: requests kept and rejected lines.")
                .labelNames("file", "result").withoutExemplars().register(registry);
        GaugeWithCallback.builder(settings).name("ngxtime_last_line_timestamp_seconds").unit(Unit.SECONDS)
                .help("Log time of the latest request seen, seconds since the epoch.")
                .callback(callback -> {
                    long millis = lastLineMillis.get();
                    if (millis != Long.MIN_VALUE) {
                        callback.call(millis / 1000.0);
                    }
                })
                .register(registry);
    }

    private Histogram latency(PrometheusProperties settings, String name, String help, String label) {
        return Histogram.builder(settings).name(name).unit(Unit.SECONDS).help(help).labelNames(label)
                .classicOnly().classicUpperBounds(LATENCY_BOUNDS_SECONDS).withoutExemplars().register(registry);
    }

    /** Counts one request (tail's filter passed it). {@code r} is not kept. */
    public void request(Request r) {
        String tier = r.tier().key();
        requests.labelValues(tier, statusClass(r)).inc();
        if (r.logs(Logged.REQUEST_TIME)) {
            observeMicros(requestDuration, tier, r.requestTimeMicros());
        }
        if (r.logs(Logged.TIME) && r.timeMillis() >= 0) {
            lastLineMillis.accumulateAndGet(r.timeMillis(), Math::max);
        }
        int n = r.attemptCount();
        for (int i = 0; i < n; i++) {
            String address = r.attemptAddress(i);
            String upstream = address == null || !r.logs(Logged.UPSTREAM_ADDR) ? NOT_LOGGED : upstreams.of(address);
            AttemptOutcome outcome = r.attemptOutcome(i);
            upstreamAttempts.labelValues(upstream, outcome.name().toLowerCase(Locale.ROOT)).inc();
            if (outcome.hasResponseTime()) {
                if (r.logs(Logged.UPSTREAM_CONNECT_TIME)) {
                    observeMicros(upstreamConnect, upstream, r.attemptConnectMicros(i));
                }
                if (r.logs(Logged.UPSTREAM_HEADER_TIME)) {
                    observeMicros(upstreamHeader, upstream, r.attemptHeaderMicros(i));
                }
                if (r.logs(Logged.UPSTREAM_RESPONSE_TIME)) {
                    observeMicros(upstreamResponse, upstream, r.attemptResponseMicros(i));
                }
            }
        }
    }

    /** Counts one request of {@code file} (as {@link #request(Request)}, and in {@code ngxtime_lines_total}). */
    public void request(String file, Request r) {
        request(r);
        lines.labelValues(files.of(file), "request").inc();
    }

    /** Counts {@code count} rejected lines (not negative). */
    public void rejected(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count of rejected lines cannot be negative, got " + count);
        }
        rejectedLines.inc(count);
    }

    /** Counts {@code count} rejected lines of {@code file} (as {@link #rejected(long)}, and in {@code ngxtime_lines_total}). */
    public void rejected(String file, long count) {
        rejected(count);
        lines.labelValues(files.of(file), "rejected").inc(count);
    }

    /** The registry holding these metrics (and nothing else): what {@link MetricsServer} serves. */
    public PrometheusRegistry registry() {
        return registry;
    }

    /** {@code 1xx} to {@code 5xx}, {@code other}, or {@link #NOT_LOGGED}: the analyzer's rule for a status it counts. */
    static String statusClass(Request r) {
        int status = r.status();
        if (!r.logs(Logged.STATUS) || status < 0) {
            return NOT_LOGGED;
        }
        return STATUS_CLASSES[status >= 100 && status < 600 ? status / 100 : 0];
    }

    /** Observes a time in microseconds as seconds; a negative one ({@code -}: not logged) is not observed. */
    private static void observeMicros(Histogram histogram, String label, long micros) {
        if (micros >= 0) {
            histogram.labelValues(label).observe(micros / 1e6);
        }
    }
}
