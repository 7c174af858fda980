package io.ngxtime.cli.render;

import io.ngxtime.analyzer.record.Tier;
import io.ngxtime.analyzer.report.Report;
import io.ngxtime.analyzer.report.TimePoint;
import io.ngxtime.analyzer.report.TrafficReport;
import java.io.PrintWriter;
import java.util.Locale;

/** The time series as CSV: one row per minute (or per second), times ISO-8601 with the logged offset. */
public final class CsvSeriesRenderer {
    /** The tiers with columns: nginx, cache, upstream, then the ones a format without their variables gives. */
    private static final Tier[] TIERS = {Tier.NGINX, Tier.CACHE, Tier.UPSTREAM};
    private static final Tier[] LATER_TIERS = {Tier.NGINX_OR_CACHE, Tier.UNKNOWN};

    /**
     * One row per time bucket (a minute unless the range was long). A figure nothing behind was timed is an
     * empty cell, never 0 (the JSON's null).
     */
    public void perMinute(Report r, PrintWriter out) {
        TrafficReport t = r.traffic();
        out.println("start,requests,per_second,max_per_second,status_1xx,status_2xx,status_3xx,status_4xx,status_5xx,"
                + "bytes,p50_ms,p99_ms,upstream_p99_ms,nginx_p50_ms,nginx_p99_ms,cache_p50_ms,cache_p99_ms,upstream_p50_ms,"
                + "upstream_tier_p99_ms,mean_connect_ms,mean_wait_ms,mean_transfer_ms,mean_nginx_ms,"
                + "nginx_timed_requests,cache_timed_requests,upstream_timed_requests,mean_upstream_unsplit_ms,"
                + "nginx_or_cache_p50_ms,nginx_or_cache_p99_ms,nginx_or_cache_timed_requests,"
                + "unknown_tier_p50_ms,unknown_tier_p99_ms,unknown_tier_timed_requests");
        for (TimePoint p : t.points()) {
            StringBuilder sb = new StringBuilder();
            sb.append(JsonReportRenderer.iso(p.startSecond(), p.requests() > 0 ? p.offsetSeconds() : t.offsetSeconds())).append(',').append(p.requests()).append(',')
                    .append(num((double) p.requests() / t.bucketSeconds())).append(',').append(p.maxPerSecond().isPresent() ? Long.toString(p.maxPerSecond().getAsLong()) : "");
            long[] classes = p.statusClasses();
            for (int c = 1; c <= 5; c++) {
                sb.append(',').append(classes[c]);
            }
            sb.append(',').append(p.bytes());
            sb.append(',').append(ms(p.requestP50Micros())).append(',').append(ms(p.requestP99Micros()))
                    .append(',').append(ms(p.upstreamP99Micros()));
            for (Tier tier : TIERS) {
                sb.append(',').append(ms(p.tierP50Micros(tier))).append(',').append(ms(p.tierP99Micros(tier)));
            }
            sb.append(',').append(ms(p.meanConnectMicros())).append(',').append(ms(p.meanWaitMicros()))
                    .append(',').append(ms(p.meanTransferMicros())).append(',').append(ms(p.meanNginxMicros()));
            for (Tier tier : TIERS) {
                sb.append(',').append(p.tierTimedRequests(tier));
            }
            // upstream response time not in mean_wait_ms or mean_transfer_ms: its header time was not logged
            sb.append(',').append(ms(p.meanUnsplitMicros()));
            for (Tier tier : LATER_TIERS) {
                sb.append(',').append(ms(p.tierP50Micros(tier))).append(',').append(ms(p.tierP99Micros(tier)))
                        .append(',').append(p.tierTimedRequests(tier));
            }
            out.println(sb);
        }
        out.flush();
    }

    /** Milliseconds with three decimals, or an empty cell. */
    private static String ms(java.util.OptionalLong micros) {
        return micros.isPresent() ? num(micros.getAsLong() / 1000.0) : "";
    }

    private static String ms(java.util.OptionalDouble micros) {
        return micros.isPresent() ? num(micros.getAsDouble() / 1000.0) : "";
    }

    /** One row per second from the first to the last request. */
    public void perSecond(Report r, PrintWriter out) {
        TrafficReport t = r.traffic();
        out.println("second,requests");
        int[] s = t.perSecond();
        java.util.List<TimePoint> points = t.points();
        int k = 0;
        int offset = t.offsetSeconds();
        for (int i = 0; i < s.length; i++) {
            long second = t.firstSecond() + i;
            // each second in the offset its bucket was logged in (a DST change inside the range)
            while (k < points.size() && points.get(k).startSecond() + t.bucketSeconds() <= second) {
                k++;
            }
            if (k < points.size() && points.get(k).startSecond() <= second && points.get(k).requests() > 0) {
                offset = points.get(k).offsetSeconds();
            }
            out.println(JsonReportRenderer.iso(second, offset) + "," + s[i]);
        }
        out.flush();
    }

    private static String num(double v) {
        return String.format(Locale.US, "%.3f", v);
    }
}
