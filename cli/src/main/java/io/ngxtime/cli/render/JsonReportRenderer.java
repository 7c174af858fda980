package io.ngxtime.cli.render;

import io.ngxtime.analyzer.record.LineSample;
import io.ngxtime.analyzer.report.AttributionItem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.report.Latency;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.ingest.Rejects;
import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Comparison;
import io.ngxtime.analyzer.report.Finding;
import io.ngxtime.analyzer.report.PeakReport;
import io.ngxtime.analyzer.report.PeakWindow;
import io.ngxtime.analyzer.report.Ranked;
import io.ngxtime.analyzer.report.InstantText;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.RouteReport;
import io.ngxtime.analyzer.report.Summary;
import io.ngxtime.analyzer.report.TierReport;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.TrafficReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import io.ngxtime.analyzer.report.UpstreamTotals;
import io.ngxtime.charts.FindingText;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON. Keys are a contract (docs/report-json.md) that users' scripts rely on: extend,
 * never rename. Times in milliseconds (fractions kept), instants ISO-8601 with the offset as logged.
 */
public final class JsonReportRenderer {
    private static final JsonFactory FACTORY = new JsonFactory();
    private final boolean includeSeries;
    private final boolean pretty;

    /**
     * @param includeSeries whether to include the per-minute series under traffic
     * @param pretty        indented (true) or one line (false, for JSON lines)
     */
    public JsonReportRenderer(boolean includeSeries, boolean pretty) {
        this.includeSeries = includeSeries;
        this.pretty = pretty;
    }

    public JsonReportRenderer() {
        this(true, true);
    }

    public void render(Report r, PrintWriter out) {
        render(r, g -> { }, out);
    }

    /**
     * A refresh of {@code tail}'s live window: the report's keys, then {@code surge}, the last interval's
     * rate against the recent median when it is a surge ({@code last_per_second}, {@code median_per_second},
     * {@code factor}), else null.
     */
    /**
     * One line of {@code tail --json}: the live keys first ({@code time}, {@code requests_total}, ...: written by
     * {@code live}), then the window's report keys, its time range under {@code window_time} (the live {@code
     * time} is the frame's).
     */
    public void renderLive(Report r, Keys live, PrintWriter out) {
        render(r, live, "window_time", g -> { }, out);
    }

    /** Keys a caller writes into the report's object. */
    public interface Keys {
        void write(JsonGenerator g) throws IOException;
    }

    private void render(Report r, Keys more, PrintWriter out) {
        render(r, g -> { }, "time", more, out);
    }

    private void render(Report r, Keys first, String timeKey, Keys more, PrintWriter out) {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            if (pretty) {
                g.useDefaultPrettyPrinter();
            }
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            write(r, first, timeKey, more, g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println();
    }

    static String iso(long epochSecond, int offsetSeconds) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offsetSeconds)));
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** A time in ms, or null when nothing behind it was timed (a 0 would read as "instant"). */
    private static void time(JsonGenerator g, String field, long micros, boolean timed) throws IOException {
        if (timed) {
            g.writeNumberField(field, ms(micros));
        } else {
            g.writeNullField(field);
        }
    }

    private static void optionalCount(JsonGenerator g, String field, java.util.Optional<Long> n) throws IOException {
        count(g, field, n.orElse(0L), n.isPresent());
    }

    private static void optionalRate(JsonGenerator g, String field, java.util.OptionalDouble share) throws IOException {
        rate(g, field, share.orElse(0), share.isPresent());
    }

    /** A time in ms, or null when nothing behind it was timed. */
    private static void optionalCount(JsonGenerator g, String field, java.util.OptionalLong n) throws IOException {
        if (n.isPresent()) {
            g.writeNumberField(field, n.getAsLong());
        } else {
            g.writeNullField(field);
        }
    }

    private static void optionalTime(JsonGenerator g, String field, java.util.OptionalLong micros) throws IOException {
        time(g, field, micros.orElse(0), micros.isPresent());
    }

    private static void count(JsonGenerator g, String field, long n, boolean known) throws IOException {
        if (known) {
            g.writeNumberField(field, n);
        } else {
            g.writeNullField(field);
        }
    }

    private static void rate(JsonGenerator g, String field, double share, boolean known) throws IOException {
        if (known) {
            g.writeNumberField(field, share);
        } else {
            g.writeNullField(field);
        }
    }

    private void write(Report r, Keys first, String timeKey, Keys more, JsonGenerator g) throws IOException {
        Summary s = r.summary();
        g.writeStartObject();
        first.write(g);
        g.writeNumberField("requests", s.requests());
        g.writeNumberField("rejected", r.rejects().total());
        g.writeNumberField("lines", r.lines());
        g.writeStringField("format", r.format());
        g.writeArrayFieldStart("inputs");
        for (String i : r.inputs()) {
            g.writeString(i);
        }
        g.writeEndArray();
        g.writeStringField("filter", r.filter());
        if (s.statusLogged()) {
            g.writeObjectFieldStart("status");
            for (Map.Entry<Integer, Long> e : s.status().entrySet()) {
                g.writeNumberField(e.getKey() < 0 ? "other" : Integer.toString(e.getKey()), e.getValue());
            }
            g.writeEndObject();
        } else {
            g.writeNullField("status");
        }
        g.writeNumberField("requests_without_status", s.withoutStatus());
        g.writeObjectFieldStart(timeKey);
        if (s.first() != null) {
            g.writeStringField("first", InstantText.iso(s.first()));
            g.writeStringField("last", InstantText.iso(s.last()));
        } else {
            g.writeNullField("first");
            g.writeNullField("last");
        }
        g.writeNumberField("requests_without_time", s.withoutTime());
        g.writeEndObject();
        timing(r.timing(), g);
        if (r.upstreamTotals().isPresent()) {
            g.writeNumberField("retried_requests", r.upstreamTotals().get().retriedRequests());
            g.writeNumberField("internal_redirects", r.upstreamTotals().get().internalRedirects());
        } else {
            g.writeNullField("retried_requests");
            g.writeNullField("internal_redirects");
        }
        upstreams(r.upstreams(), g);
        g.writeBooleanField("upstreams_approximate",
                r.upstreamTotals().map(UpstreamTotals::addressesApproximate).orElse(false));
        boolean timed = r.timing().requestTime().count() > 0;
        peaks(r.peaks(), timed, g);
        traffic(r.traffic(), g);
        routes(r, g);
        findings(r.findings(), g);
        WhatIfJsonRenderer.write(r, g);
        if (r.comparison() != null) {
            comparison(r.comparison(), r.traffic().offsetSeconds(), g);
        }
        StoryJson.story(io.ngxtime.analyzer.report.story.StoryTeller.tell(r), g);
        rejects(r, g);
        notes(r, g);
        more.write(g);
        g.writeEndObject();
    }

    private static void notes(Report r, JsonGenerator g) throws IOException {
        lineCounts("notes", r.notes().byReason(), r.notes().samples(), g);
    }


    /**
     * A distribution: null when its variable is not logged; else its count, and its figures in ms (null
     * when no request had a value).
     */
    static void percentiles(String name, Latency latency, JsonGenerator g) throws IOException {
        if (!latency.isLogged()) {
            g.writeNullField(name);
            return;
        }
        g.writeObjectFieldStart(name);
        Percentiles p = latency.measured().orElse(Percentiles.EMPTY);
        g.writeNumberField("count", p.count());
        boolean timed = p.count() > 0;
        time(g, "p50", p.p50(), timed);
        time(g, "p90", p.p90(), timed);
        time(g, "p95", p.p95(), timed);
        time(g, "p99", p.p99(), timed);
        time(g, "p999", p.p999(), timed);
        time(g, "max", p.max(), timed);
        if (timed) {
            g.writeNumberField("mean", Math.round(p.meanMicros()) / 1000.0);
        } else {
            g.writeNullField("mean");
        }
        g.writeNumberField("clamped", p.clamped());
        g.writeEndObject();
    }

    private static void timing(TimingReport t, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("tiers");
        for (TierReport tier : t.tiers()) {
            g.writeObjectFieldStart(tier.tier());
            g.writeNumberField("requests", tier.requests());
            g.writeNumberField("share", tier.share());
            percentiles("request_time_ms", tier.requestTime(), g);
            g.writeEndObject();
        }
        for (String unknown : t.unknownTiers()) {
            g.writeNullField(unknown);
        }
        g.writeEndObject();
        percentiles("request_time_ms", t.requestTime(), g);
        percentiles("upstream_time_ms", t.upstreamTime(), g);
        percentiles("upstream_connect_ms", t.upstreamConnect(), g);
        percentiles("upstream_header_ms", t.upstreamHeader(), g);
        percentiles("nginx_time_ms", t.nginxTime(), g);
        if (t.upstreamExceedsRequest().isPresent()) {
            g.writeNumberField("upstream_exceeds_request", t.upstreamExceedsRequest().getAsLong());
        } else {
            g.writeNullField("upstream_exceeds_request");
        }
        g.writeNumberField("requests_without_request_time", t.withoutRequestTime());
        g.writeObjectFieldStart("precision");
        g.writeNumberField("significant_digits", t.significantDigits());
        g.writeNumberField("upstream_significant_digits", 2);
        g.writeNumberField("series_relative_error", 0.032);
        g.writeNumberField("highest_ms", Percentiles.HIGHEST_MICROS / 1000);
        g.writeEndObject();
    }

    private static void upstreams(List<UpstreamReport> ups, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("upstreams");
        for (UpstreamReport u : ups) {
            g.writeObjectFieldStart(u.address());
            g.writeStringField("kind", u.kind().key());
            g.writeNumberField("attempts", u.attempts());
            optionalCount(g, "failed", u.failed());
            optionalCount(g, "not_connected", u.notConnected());
            optionalCount(g, "client_aborts", u.clientAborts());
            g.writeNumberField("retries_caused", u.retriesCaused());
            percentiles("connect_time_ms", u.connect(), g);
            percentiles("header_time_ms", u.header(), g);
            percentiles("response_time_ms", u.response(), g);
            SaturationJson.write(u.saturation(), g);
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void peaks(List<PeakReport> peaks, boolean timed, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("peaks");
        for (PeakReport p : peaks) {
            PeakWindow w = p.window();
            int off = p.offsetSeconds();
            g.writeStartObject();
            g.writeStringField("second", iso(w.busiestSecond(), off));
            g.writeNumberField("requests", w.busiestSecondCount());
            g.writeObjectFieldStart("busiest_minute");
            g.writeStringField("start", iso(w.busiestMinute(), off));
            g.writeNumberField("requests", w.busiestMinuteCount());
            g.writeEndObject();
            g.writeStringField("start", iso(w.startSecond(), off));
            g.writeStringField("end", iso(w.endSecond(), off));
            g.writeStringField("baseline_start", iso(w.baselineStartSecond(), off));
            g.writeStringField("baseline_end", iso(w.baselineEndSecond(), off));
            g.writeNumberField("baseline_per_second", w.baselinePerMinute() / 60.0);
            g.writeNumberField("surge_requests", w.surgeRequests());
            g.writeNumberField("expected_requests", w.expectedRequests());
            // Without the attribution pass (tail's live window) nothing was measured: null, not 0.
            boolean measured = p.attributed();
            java.util.Optional<PeakReport.Measures> m = p.measures();
            optionalCount(g, "requests_during", m.map(PeakReport.Measures::requestsDuring));
            optionalCount(g, "requests_before", m.map(PeakReport.Measures::requestsBefore));
            // a side without a timed request (or without requests: a surge over the whole range) has no p99
            g.writeObjectFieldStart("p99_ms");
            optionalTime(g, "during", m.map(PeakReport.Measures::p99DuringMicros).orElse(java.util.OptionalLong.empty()));
            optionalTime(g, "before", m.map(PeakReport.Measures::p99BeforeMicros).orElse(java.util.OptionalLong.empty()));
            g.writeEndObject();
            g.writeObjectFieldStart("error_rate_5xx");
            optionalRate(g, "during", m.map(PeakReport.Measures::errorRateDuring).orElse(java.util.OptionalDouble.empty()));
            optionalRate(g, "before", m.map(PeakReport.Measures::errorRateBefore).orElse(java.util.OptionalDouble.empty()));
            g.writeEndObject();
            boolean before = m.map(x -> x.requestsBefore() > 0).orElse(false);
            g.writeObjectFieldStart("attribution");
            for (Map.Entry<String, List<AttributionItem>> e : p.attribution().entrySet()) {
                g.writeArrayFieldStart(e.getKey());
                for (AttributionItem it : e.getValue()) {
                    g.writeStartObject();
                    g.writeStringField("value", it.value());
                    g.writeNumberField("requests", it.duringCount());
                    g.writeNumberField("share_during", it.duringShare());
                    if (before) {
                        g.writeNumberField("share_before", it.beforeShare());
                    } else {
                        g.writeNullField("share_before");
                    }
                    g.writeNumberField("excess_requests", Math.round(it.excessRequests()));
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
            if (p.driver().isPresent()) {
                io.ngxtime.analyzer.report.PeakDriver d = p.driver().get();
                g.writeObjectFieldStart("driver");
                g.writeStringField("dimension", d.dimension());
                g.writeStringField("value", d.item().value());
                g.writeNumberField("excess_requests", Math.round(d.item().excessRequests()));
                g.writeEndObject();
            } else {
                g.writeNullField("driver");
            }
            g.writeBooleanField("approximate", m.map(PeakReport.Measures::approximate).orElse(false));
            g.writeBooleanField("attributed", measured);
            StoryJson.load(m, g);
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void traffic(TrafficReport t, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("traffic");
        g.writeNumberField("seconds", t.rangeSeconds());
        g.writeNumberField("max_per_second", t.maxPerSecond());
        g.writeNumberField("mean_per_second", t.meanPerSecond());
        g.writeNumberField("bucket_seconds", t.bucketSeconds());
        if (includeSeries) {
            g.writeArrayFieldStart("per_minute");
            for (TimePoint p : t.points()) {
                g.writeStartObject();
                g.writeStringField("start", iso(p.startSecond(), p.requests() > 0 ? p.offsetSeconds() : t.offsetSeconds()));
                g.writeNumberField("requests", p.requests());
                g.writeNumberField("per_second", (double) p.requests() / t.bucketSeconds());
                optionalCount(g, "max_per_second", p.maxPerSecond());
                g.writeObjectFieldStart("status");
                for (int c = 1; c <= 5; c++) {
                    g.writeNumberField(c + "xx", p.statusClasses()[c]);
                }
                g.writeEndObject();
                optionalTime(g, "p50_ms", p.requestP50Micros());
                optionalTime(g, "p99_ms", p.requestP99Micros());
                optionalTime(g, "upstream_p99_ms", p.upstreamP99Micros());
                g.writeObjectFieldStart("tiers");
                for (Tier tier : Tier.values()) {
                    long timed = p.tierTimedRequests(tier);
                    if (timed > 0) {
                        g.writeObjectFieldStart(tier.key());
                        g.writeNumberField("timed_requests", timed);
                        optionalTime(g, "p50_ms", p.tierP50Micros(tier));
                        optionalTime(g, "p99_ms", p.tierP99Micros(tier));
                        g.writeEndObject();
                    }
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
        }
        g.writeEndObject();
    }

    private static void ranked(String name, List<Ranked> list, boolean approximate, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart(name);
        g.writeBooleanField("approximate", approximate);
        g.writeArrayFieldStart("top");
        for (Ranked rk : list) {
            g.writeStartObject();
            g.writeStringField("value", rk.value());
            g.writeNumberField("requests", rk.count());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void routes(Report r, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("routes");
        g.writeBooleanField("approximate", r.routes().routesApproximate());
        g.writeArrayFieldStart("top");
        for (RouteReport rt : r.routes().routes()) {
            g.writeStartObject();
            g.writeStringField("route", rt.route());
            g.writeNumberField("requests", rt.requests());
            time(g, "p50_ms", rt.p50Micros().orElse(0), rt.p50Micros().isPresent());
            time(g, "p99_ms", rt.p99Micros().orElse(0), rt.p99Micros().isPresent());
            rate(g, "error_rate", rt.errorRate().orElse(0), rt.errorRate().isPresent());
            g.writeNumberField("bytes", rt.bytes());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        ranked("paths", r.routes().paths(), r.routes().pathsApproximate(), g);
        ranked("clients", r.routes().clients(), r.routes().clientsApproximate(), g);
    }

    private static void findings(List<Finding> findings, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart("findings");
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringField("kind", f.kind().key());
            g.writeStringField("title", FindingText.title(f));
            g.writeStringField("detail", FindingText.detail(f));
            g.writeArrayFieldStart("items");
            for (String i : FindingText.items(f)) {
                g.writeString(i);
            }
            g.writeEndArray();
            g.writeObjectFieldStart("figures");
            for (Map.Entry<String, Double> e : new java.util.TreeMap<>(f.figures()).entrySet()) {
                g.writeNumberField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeArrayFieldStart("data");
            for (Finding.Item i : f.items()) {
                g.writeStartObject();
                g.writeStringField("subject", i.subject());
                for (Map.Entry<String, Double> e : new java.util.TreeMap<>(i.figures()).entrySet()) {
                    g.writeNumberField(e.getKey(), e.getValue());
                }
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    static void changes(String name, List<Comparison.Change> changes, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart(name);
        for (Comparison.Change c : changes) {
            g.writeStartObject();
            g.writeStringField("subject", c.subject());
            g.writeStringField("metric", c.metric());
            g.writeStringField("kind", c.kind().name().toLowerCase(java.util.Locale.ROOT));
            g.writeNumberField("before", c.before());
            g.writeNumberField("after", c.after());
            if (!Double.isInfinite(c.ratio())) {
                g.writeNumberField("ratio", c.ratio());
            } else {
                g.writeNullField("ratio");
            }
            // per-second rates and excess requests are those of a count; a time or a share has none
            Comparison.PerSecond r = c.perSecond();
            if (r != null) {
                g.writeNumberField("before_per_second", r.before());
                g.writeNumberField("after_per_second", r.after());
                g.writeNumberField("excess_requests", r.excessRequests());
            } else {
                g.writeNullField("before_per_second");
                g.writeNullField("after_per_second");
                g.writeNullField("excess_requests");
            }
            g.writeNumberField("weight", c.weight());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void comparison(Comparison c, int offset, JsonGenerator g) throws IOException {
        g.writeObjectFieldStart("comparison");
        g.writeStringField("baseline_from", iso(c.baselineFromSecond(), offset));
        g.writeStringField("baseline_to", iso(c.baselineToSecond(), offset));
        g.writeNumberField("baseline_requests", c.baselineRequests());
        g.writeBooleanField("baseline_empty", c.baselineEmpty());
        g.writeNumberField("baseline_seconds", c.baselineSeconds());
        g.writeNumberField("window_seconds", c.windowSeconds());
        changes("changes", c.changes(), g);
        changes("upstreams", c.upstreams(), g);
        changes("routes", c.routes(), g);
        g.writeEndObject();
    }

    private static void rejects(Report r, JsonGenerator g) throws IOException {
        lineCounts("rejects", r.rejects().byReason(), r.rejects().samples(), g);
    }

    /** Lines counted by reason, and the first of them: {@code rejects} and {@code notes}. */
    private static void lineCounts(String field, Map<String, Long> byReason, List<LineSample> samples, JsonGenerator g)
            throws IOException {
        g.writeObjectFieldStart(field);
        g.writeObjectFieldStart("by_reason");
        for (Map.Entry<String, Long> e : byReason.entrySet()) {
            g.writeNumberField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("samples");
        for (LineSample sample : samples) {
            g.writeStartObject();
            g.writeStringField("source", sample.source());
            g.writeNumberField("line", sample.line());
            g.writeStringField("reason", sample.message());
            g.writeStringField("text", sample.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }
}
