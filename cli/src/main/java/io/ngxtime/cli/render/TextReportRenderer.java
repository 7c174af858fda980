package io.ngxtime.cli.render;

import io.ngxtime.analyzer.report.LineSample;
import io.ngxtime.analyzer.report.AttributionItem;
import io.ngxtime.analyzer.aggregate.PeakAttribution;
import io.ngxtime.analyzer.report.Percentiles;
import io.ngxtime.analyzer.ingest.Rejects;
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
import io.ngxtime.analyzer.report.TimingReport;
import io.ngxtime.analyzer.report.UpstreamReport;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as aligned text tables for a terminal; colour only when asked (on a TTY). Log text is made safe. */
public final class TextReportRenderer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);
    private final boolean colour;
    private final int maxRows;

    public TextReportRenderer(boolean colour, int maxRows) {
        this.colour = colour;
        this.maxRows = maxRows;
    }

    public TextReportRenderer(boolean colour) {
        this(colour, 15);
    }

    private String bold(String s) {
        return colour ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private static String safe(String s) {
        return TerminalText.safe(s);
    }

    /** A time, or "n/a" when nothing behind it was timed (a format without $request_time). */
    static String ms(long micros, boolean timed) {
        return timed ? ms(micros) : "n/a";
    }

    /** "p50/p99", or n/a when nothing behind them was timed (the variable was not logged). */
    private static String p50p99(Percentiles p) {
        return p.count() > 0 ? ms(p.p50()) + "/" + ms(p.p99()) : "n/a";
    }

    static String ms(long micros) {
        double m = micros / 1000.0;
        if (m >= 10_000) {
            return String.format(Locale.ROOT, "%.1fs", m / 1000);
        }
        return String.format(Locale.ROOT, m >= 100 ? "%.0fms" : "%.1fms", m);
    }

    private static String pct(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }

    private static String at(long epochSecond, int offset, DateTimeFormatter f) {
        return f.format(Instant.ofEpochSecond(epochSecond).atOffset(ZoneOffset.ofTotalSeconds(offset)));
    }

    public void render(Report r, PrintWriter out) {
        Summary s = r.summary();
        out.println(bold("ngxtime report"));
        out.printf(Locale.ROOT, "  inputs      %s%n", safe(String.join(", ", r.inputs())));
        out.printf(Locale.ROOT, "  log format  %s%n", safe(r.format()));
        if (!r.filter().isEmpty()) {
            out.printf(Locale.ROOT, "  filter      %s%n", safe(r.filter()));
        }
        out.printf(Locale.ROOT, "  lines       %,d%n", r.lines());
        out.printf(Locale.ROOT, "  requests    %,d%n", s.requests());
        out.printf(Locale.ROOT, "  rejected    %,d%s%n", r.rejects().total(),
                r.lines() > 0 ? String.format(Locale.ROOT, " (%.3f%%)", 100.0 * r.rejects().total() / r.lines()) : "");
        if (s.first() != null) {
            out.printf(Locale.ROOT, "  first       %s%n", InstantText.iso(s.first()));
            out.printf(Locale.ROOT, "  last        %s%n", InstantText.iso(s.last()));
            int secs = r.traffic().perSecond().length;
            out.printf(Locale.ROOT, "  load        %.2f req/s on average, %d req/s at most%n",
                    secs == 0 ? 0.0 : (double) s.requests() / secs, r.traffic().maxPerSecond());
        }
        tiers(r.timing(), out);
        where(r.timing(), out);
        upstreams(r.upstreams(), out);
        peaks(r.peaks(), r.timing().requestTime().count() > 0, out);
        routes(r, out);
        findings(r.findings(), out);
        if (r.comparison() != null) {
            comparison(r.comparison(), r.traffic().offsetSeconds(), out);
        }
        status(s, out);
        rejects(r, out);
    }

    private void tiers(TimingReport t, PrintWriter out) {
        out.println();
        long all = 0;
        for (TierReport tier : t.tiers()) {
            all += tier.requests();
        }
        out.println(bold("Request time by tier") + "  (HdrHistogram, " + t.significantDigits() + " significant digits)"
                + (t.requestTime().count() == 0 ? "  (n/a: the log format has no $request_time)"
                : t.withoutRequestTime() > 0 ? String.format(Locale.ROOT, "  (%,d requests without a request time are not timed)",
                t.withoutRequestTime()) : ""));
        out.printf(Locale.ROOT, "  %-10s %12s %7s %9s %9s %9s %9s %9s%n", "tier", "requests", "share", "p50", "p90", "p99",
                "p99.9", "max");
        for (TierReport tier : t.tiers()) {
            row(tier.tier(), tier.requests(), tier.share(), tier.requestTime(), out);
        }
        row("all", all, 1, t.requestTime(), out);
        if (all > 0 && t.tiers().stream().filter(x -> !x.tier().equals("nginx")).mapToLong(TierReport::requests).sum() == 0) {
            out.println("  no request had an upstream attempt or a cache hit: without $upstream_addr and"
                    + " $upstream_cache_status in the log format, every request counts as nginx");
        }
    }

    private static void row(String name, long n, double share, Percentiles p, PrintWriter out) {
        boolean timed = p.count() > 0;
        out.printf(Locale.ROOT, "  %-10s %,12d %7s %9s %9s %9s %9s %9s%n", name, n, pct(share), ms(p.p50(), timed),
                ms(p.p90(), timed), ms(p.p99(), timed), ms(p.p999(), timed), ms(p.max(), timed));
    }

    private void where(TimingReport t, PrintWriter out) {
        if (t.upstreamTime().count() == 0) {
            return;
        }
        out.println();
        out.println(bold("Where the time goes") + "  (upstream parts: requests with an attempt, summed over attempts)");
        out.printf(Locale.ROOT, "  %-26s %12s %9s %9s %9s %9s%n", "", "requests", "p50", "p90", "p99", "max");
        part("upstream connect", t.upstreamConnect(), out);
        part("upstream header (TTFB)", t.upstreamHeader(), out);
        part("upstream response", t.upstreamTime(), out);
        part("nginx/client", t.nginxTime(), out);
        if (t.upstreamExceedsRequest() > 0) {
            out.printf(Locale.ROOT, "  %,d requests logged more upstream time than request time (nginx/client time taken as 0)%n",
                    t.upstreamExceedsRequest());
        }
    }

    private static void part(String name, Percentiles p, PrintWriter out) {
        boolean timed = p.count() > 0;
        out.printf(Locale.ROOT, "  %-26s %,12d %9s %9s %9s %9s%n", name, p.count(), ms(p.p50(), timed), ms(p.p90(), timed),
                ms(p.p99(), timed), ms(p.max(), timed));
    }

    private void upstreams(List<UpstreamReport> ups, PrintWriter out) {
        if (ups.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Upstreams") + "  (per attempt)");
        out.printf(Locale.ROOT, "  %-28s %10s %8s %8s %17s %17s %17s%n", "address", "attempts", "failed", "retries",
                "connect p50/p99", "header p50/p99", "response p50/p99");
        int n = 0;
        for (UpstreamReport u : ups) {
            if (n++ >= maxRows) {
                out.printf(Locale.ROOT, "  ... %d more%n", ups.size() - maxRows);
                break;
            }
            out.printf(Locale.ROOT, "  %-28s %,10d %8s %,8d %17s %17s %17s%n", safe(u.address()), u.attempts(),
                    pct(u.attempts() == 0 ? 0 : (double) u.failed() / u.attempts()), u.retriesCaused(),
                    p50p99(u.connect()), p50p99(u.header()), p50p99(u.response()));
        }
    }

    private void peaks(List<PeakReport> peaks, boolean timed, PrintWriter out) {
        if (peaks.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Peaks") + "  (distinct events, busiest first)");
        int i = 1;
        for (PeakReport p : peaks) {
            PeakWindow w = p.window();
            int off = p.offsetSeconds();
            out.printf(Locale.ROOT, "  %d. %s  %,d req in that second; busiest minute %s with %,d req%n", i++,
                    at(w.busiestSecond(), off, TIME), w.busiestSecondCount(), at(w.busiestMinute(), off, CLOCK),
                    w.busiestMinuteCount());
            out.printf(Locale.ROOT, "     surge %s to %s, %,d req where the baseline rate gives %,.0f;"
                            + " baseline %s to %s (median minute) %.2f req/s%n",
                    at(w.startSecond(), off, CLOCK), at(w.endSecond(), off, CLOCK), w.surgeRequests(), w.expectedRequests(),
                    at(w.baselineStartSecond(), off, CLOCK), at(w.baselineEndSecond(), off, CLOCK), w.baselinePerMinute() / 60);
            if (p.attributed()) {
                // no baseline request (the surge covers the whole range): nothing to compare with
                boolean before = p.requestsBefore() > 0;
                out.printf(Locale.ROOT, "     p99 %s -> %s, 5xx %s -> %s%s%n", ms(p.p99BeforeMicros(), timed && before),
                        ms(p.p99DuringMicros(), timed), before ? pct(p.errorRateBefore()) : "n/a", pct(p.errorRateDuring()),
                        p.approximate() ? "  (some counts approximate)" : "");
                if (p.driver() != null) {
                    out.printf(Locale.ROOT, "     driven by %s %s (+%,d req)%n", p.driver().dimension().replace('_', ' '),
                            safe(clip(p.driver().item().value(), 60)), Math.round(p.driver().item().excessRequests()));
                }
                for (Map.Entry<String, List<AttributionItem>> e : p.attribution().entrySet()) {
                    for (AttributionItem it : e.getValue().subList(0, Math.min(2, e.getValue().size()))) {
                        out.printf(Locale.ROOT, "     %-15s %s  %s during vs %s before (+%,d req)%n", e.getKey(),
                                safe(clip(it.value(), 60)), pct(it.duringShare()), before ? pct(it.beforeShare()) : "n/a",
                                Math.round(it.excessRequests()));
                    }
                }
            }
        }
    }

    private static String clip(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n - 1) + "…";
    }

    private void routes(Report r, PrintWriter out) {
        boolean timed = r.timing().requestTime().count() > 0;
        List<RouteReport> routes = r.routes().routes();
        if (routes.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Routes") + (r.routes().routesApproximate() ? "  (approximate: more routes than kept)" : "")
                + "  (latency ±3.2%)");
        out.printf(Locale.ROOT, "  %-40s %12s %9s %9s %7s %12s%n", "route", "requests", "p50", "p99", "5xx", "bytes");
        for (RouteReport rt : routes.subList(0, Math.min(maxRows, routes.size()))) {
            out.printf(Locale.ROOT, "  %-40s %,12d %9s %9s %7s %,12d%n", safe(clip(rt.route(), 40)), rt.requests(),
                    ms(rt.p50Micros(), timed), ms(rt.p99Micros(), timed), pct(rt.errorRate()), rt.bytes());
        }
        List<Ranked> clients = r.routes().clients();
        if (!clients.isEmpty()) {
            out.println();
            out.println(bold("Top clients") + (r.routes().clientsApproximate() ? "  (approximate)" : ""));
            for (Ranked c : clients.subList(0, Math.min(5, clients.size()))) {
                out.printf(Locale.ROOT, "  %-40s %,12d%n", safe(clip(c.value(), 40)), c.count());
            }
        }
    }

    private void findings(List<Finding> findings, PrintWriter out) {
        if (findings.isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Findings"));
        for (Finding f : findings) {
            out.printf(Locale.ROOT, "  * %s%n    %s%n", f.title(), safe(f.detail()));
            for (String item : f.items()) {
                out.printf(Locale.ROOT, "    - %s%n", safe(item));
            }
        }
    }

    private void comparison(Comparison c, int offset, PrintWriter out) {
        out.println();
        String window = at(c.baselineFromSecond(), offset, TIME) + " to " + at(c.baselineToSecond(), offset, TIME);
        if (c.baselineEmpty()) {
            out.println(bold("Compared with the baseline") + " " + window + ": the baseline has no requests"
                    + " (none that pass the filters), so there is nothing to compare with.");
            return;
        }
        boolean sameLength = c.baselineSeconds() == c.windowSeconds();
        out.println(bold("Compared with the baseline") + " " + window + String.format(Locale.ROOT, " (%,d requests in %s%s)",
                c.baselineRequests(), seconds(c.baselineSeconds()),
                sameLength ? "" : "; the window is " + seconds(c.windowSeconds()) + ", so counts are compared per second"));
        out.println("  (ranked by the requests each change concerns; counts compared at the baseline's rate)");
        change("", c.changes(), sameLength, out);
        change("upstream ", c.upstreams(), sameLength, out);
        change("route ", c.routes(), sameLength, out);
    }

    /** {@code 3,600 s}, {@code 45 min}, {@code 2 h}: whole units when they fit. */
    private static String seconds(long s) {
        if (s % 3600 == 0) {
            return String.format(Locale.ROOT, "%,d h", s / 3600);
        }
        return s % 60 == 0 ? String.format(Locale.ROOT, "%,d min", s / 60) : String.format(Locale.ROOT, "%,d s", s);
    }

    private void change(String prefix, List<Comparison.Change> changes, boolean sameLength, PrintWriter out) {
        for (Comparison.Change ch : changes.subList(0, Math.min(6, changes.size()))) {
            String name = safe(clip(prefix + ch.subject() + " " + ch.metric(), 50));
            switch (ch.kind()) {
                case COUNT -> {
                    Comparison.PerSecond r = ch.perSecond();
                    String values = sameLength
                            ? String.format(Locale.ROOT, "%,12.0f -> %,12.0f", ch.before(), ch.after())
                            : String.format(Locale.ROOT, "%10.4f/s -> %10.4f/s", r.before(), r.after());
                    out.printf(Locale.ROOT, "  %-50s %s  %+,d %s%n", name, values, Math.round(r.excessRequests()),
                            safe(ch.metric()));
                }
                case MILLIS -> out.printf(Locale.ROOT, "  %-50s %12.3f -> %12.3f  %s%n", name, ch.before(), ch.after(),
                        // a time of 0 was under nginx's 1 ms resolution
                        ch.before() == 0 ? "from <1 ms" : String.format(Locale.ROOT, "x%.2f", ch.ratio()));
                case SHARE -> out.printf(Locale.ROOT, "  %-50s %12s -> %12s  %s%n", name, pct(ch.before()), pct(ch.after()),
                        ch.before() == 0 ? "from 0" : String.format(Locale.ROOT, "x%.2f", ch.ratio()));
                default -> throw new AssertionError(ch.kind());
            }
        }
    }

    private void status(Summary s, PrintWriter out) {
        if (s.status().isEmpty()) {
            return;
        }
        out.println();
        out.println(bold("Requests by status"));
        out.printf(Locale.ROOT, "  %-6s %12s %8s%n", "status", "requests", "share");
        for (Map.Entry<Integer, Long> e : s.status().entrySet()) {
            out.printf(Locale.ROOT, "  %-6s %,12d %7.2f%%%n", e.getKey() < 0 ? "other" : e.getKey(), e.getValue(),
                    100.0 * e.getValue() / s.requests());
        }
    }

    private void rejects(Report r, PrintWriter out) {
        if (r.rejects().total() == 0) {
            return;
        }
        out.println();
        out.println(bold("Rejected lines by reason"));
        for (Map.Entry<String, Long> e : r.rejects().byReason().entrySet()) {
            out.printf(Locale.ROOT, "  %,10d  %s%n", e.getValue(), safe(e.getKey()));
        }
        out.println();
        out.println(bold("First rejected lines"));
        for (LineSample sample : r.rejects().samples()) {
            out.printf(Locale.ROOT, "  %s:%d: %s%n", safe(sample.source()), sample.line(), safe(sample.message()));
            out.printf(Locale.ROOT, "    %s%n", safe(sample.text()));
        }
    }
}
